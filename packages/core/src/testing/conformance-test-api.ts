/**
 * The parts of a test runner a shared suite uses, injected so that `@qfabric/core` does not
 * depend on one: Vitest's `{ describe, it, expect }` fit as they are (so do Jest's).
 */
export interface ConformanceTestApi {
  /** Groups tests. */
  readonly describe: (name: string, body: () => void) => unknown
  /** Declares a test; `skip`, when the runner has it, declares a skipped one. */
  readonly it: ConformanceIt
  /** Makes assertions. */
  readonly expect: ConformanceExpect
}

/** A runner's `it`/`test`. */
export interface ConformanceIt {
  (name: string, body: () => Promise<void>, timeoutMs?: number): unknown
  readonly skip?: (name: string, body: () => Promise<void>) => unknown
}

/** A runner's `expect`, reduced to the matchers the suites use. */
export type ConformanceExpect = (actual: unknown, message?: string) => ConformanceAssertion

/** The matchers the suites use. */
export interface ConformanceAssertion {
  toBe(expected: unknown): void
  toEqual(expected: unknown): void
  toBeGreaterThan(expected: number): void
  toBeGreaterThanOrEqual(expected: number): void
  toBeLessThanOrEqual(expected: number): void
  toContain(expected: unknown): void
  toBeInstanceOf(expected: abstract new (...args: never[]) => unknown): void
  toMatch(expected: RegExp | string): void
  readonly not: Omit<ConformanceAssertion, 'not'>
}

/** Tests a suite may skip, each with the reason (Hono's `runTest({ skip })`). */
export interface ConformanceSkip<TTest extends string> {
  readonly reason: string
  readonly tests: readonly TTest[]
}
