/**
 * Parsers of option values, for commander: each returns the typed value or throws commander's
 * `InvalidArgumentError`, which the command line reports as a usage error (exit status 2).
 */
import { InvalidArgumentError } from 'commander'

/**
 * A parser of integers in `[min, max]`.
 *
 * @param min - the smallest value allowed
 * @param max - the largest value allowed (default: no limit)
 * @returns the parser
 */
export function integerIn(min: number, max = Number.MAX_SAFE_INTEGER): (text: string) => number {
  return (text) => {
    const value = Number(text.trim())
    if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`
      throw new InvalidArgumentError(`expected an integer ${range}`)
    }
    return value
  }
}

/**
 * Parses an OpenQASM major version.
 *
 * @param text - `2`, `3`, `2.0` or `3.0`
 * @returns 2 or 3
 * @throws InvalidArgumentError for anything else
 */
export function parseQasmVersion(text: string): 2 | 3 {
  const major = text.trim().replace(/\.0$/, '')
  if (major === '2') return 2
  if (major === '3') return 3
  throw new InvalidArgumentError('expected 2 or 3')
}

/**
 * Parses a comma-separated list (`a,b,c`), dropping blanks.
 *
 * @param text - the list
 * @returns the items, trimmed
 */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/**
 * Collects a repeatable option (`--tag a --tag b`).
 *
 * @param value - this occurrence
 * @param previous - the earlier ones
 * @returns all occurrences so far
 */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value]
}

/**
 * Parses a coupling map written as links: `0-1,1-2` links qubits both ways, `0>1` one way only
 * (two-qubit gates may act with qubit 0 as control and 1 as target).
 *
 * @param text - the links, comma-separated
 * @returns the directed edges
 * @throws InvalidArgumentError for a malformed link
 */
export function parseCouplingMap(text: string): [number, number][] {
  const edges: [number, number][] = []
  for (const link of parseList(text)) {
    const match = /^(\d+)\s*(-|>|<>)\s*(\d+)$/.exec(link)
    if (match === null) {
      throw new InvalidArgumentError(`bad link '${link}' (write links as 0-1, or 0>1 for one way)`)
    }
    const a = Number(match[1])
    const b = Number(match[3])
    if (a === b) throw new InvalidArgumentError(`link '${link}' joins a qubit to itself`)
    edges.push([a, b])
    if (match[2] !== '>') edges.push([b, a])
  }
  if (edges.length === 0) throw new InvalidArgumentError('expected at least one link, e.g. 0-1')
  return edges
}

/**
 * Parses an ISO 8601 date or date-time.
 *
 * @param text - e.g. `2025-01-31` or `2025-01-31T12:00:00Z`
 * @returns the date
 * @throws InvalidArgumentError when it is not one
 */
export function parseIsoDate(text: string): Date {
  const date = new Date(text)
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('expected an ISO 8601 date, e.g. 2025-01-31T12:00:00Z')
  }
  return date
}
