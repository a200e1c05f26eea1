/**
 * Words an OpenQASM 2 identifier must not be: the keywords, the built-in gates and the
 * expression functions (which our lexer, like Qiskit's, reads as keywords).
 */
export const QASM2_RESERVED_WORDS: ReadonlySet<string> = new Set([
  'OPENQASM',
  'qreg',
  'creg',
  'include',
  'gate',
  'opaque',
  'U',
  'CX',
  'measure',
  'reset',
  'if',
  'barrier',
  'pi',
  'sin',
  'cos',
  'tan',
  'exp',
  'ln',
  'sqrt',
])

/**
 * A valid OpenQASM 2 identifier for `name` (Qiskit's `_escape_name`): characters other than
 * ASCII letters, digits and `_` become `_`, and a name that does not start with a lowercase
 * letter, or is reserved, gets `prefix` in front.
 *
 * @param name - the name to write
 * @param prefix - a valid identifier to prepend when needed, e.g. `gate_`
 * @returns the escaped name
 */
export function escapeQasm2Name(name: string, prefix: string): string {
  const escaped = name.replace(/[^A-Za-z0-9_]/g, '_')
  const first = escaped.charCodeAt(0)
  const startsLowercase = first >= 97 && first <= 122
  return startsLowercase && !QASM2_RESERVED_WORDS.has(escaped) ? escaped : prefix + escaped
}

/**
 * `name`, or `name_1`, `name_2`, … — the first not in `taken`; it is added to `taken`.
 *
 * @param name - the wanted name
 * @param taken - names in use (updated)
 * @returns the unique name
 */
export function claimUniqueName(name: string, taken: Set<string>): string {
  let candidate = name
  for (let i = 1; taken.has(candidate); i++) candidate = `${name}_${i}`
  taken.add(candidate)
  return candidate
}
