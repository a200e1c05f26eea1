import type { TextSpan } from '../source-file.js'

/**
 * A semantic or unsupported-feature problem found while lowering, thrown to the statement
 * boundary where it becomes a diagnostic. `code` is the stable diagnostic code
 * (`qasm3.semantic.*`, `qasm3.unsupported.*`).
 */
export class LoweringError extends Error {
  readonly code: string
  /** Where, in the file being lowered when the error is thrown. */
  readonly span: TextSpan

  /**
   * @param code - the diagnostic code
   * @param message - what is wrong
   * @param span - where
   */
  constructor(code: string, message: string, span: TextSpan) {
    super(message)
    this.name = 'LoweringError'
    this.code = code
    this.span = span
  }
}

/**
 * Thrown when a value that must be known at compile time is symbolic (a loop variable tried as
 * a parameter, a gate parameter in a template) or when classical state would change inside a
 * body that runs conditionally. Callers that can retry differently (unroll the loop, build the
 * gate per call) catch it; otherwise it surfaces as its diagnostic.
 */
export class NeedsStaticError extends LoweringError {
  constructor(code: string, message: string, span: TextSpan) {
    super(code, message, span)
    this.name = 'NeedsStaticError'
  }
}

/**
 * Thrown after an error was already reported for a name (a failed declaration): later uses
 * unwind silently instead of piling up follow-on diagnostics.
 */
export class SilentAbort extends Error {
  constructor() {
    super('already reported')
    this.name = 'SilentAbort'
  }
}

/**
 * Throws a {@link LoweringError}.
 *
 * @param code - the diagnostic code
 * @param message - what is wrong
 * @param span - where
 * @throws LoweringError always
 */
export function fail(code: string, message: string, span: TextSpan): never {
  throw new LoweringError(code, message, span)
}

/**
 * Throws a {@link NeedsStaticError}.
 *
 * @param message - what needed a compile-time value
 * @param span - where
 * @param code - the diagnostic if nothing recovers (default `qasm3.semantic.not-constant`)
 * @throws NeedsStaticError always
 */
export function needsStatic(
  message: string,
  span: TextSpan,
  code = 'qasm3.semantic.not-constant',
): never {
  throw new NeedsStaticError(code, message, span)
}
