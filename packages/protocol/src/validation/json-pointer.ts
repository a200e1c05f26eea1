/**
 * The segments of an RFC 6901 JSON pointer (`~1` → `/`, `~0` → `~`).
 *
 * @param pointer - `''` (the whole document) or `/a/0/b`
 * @returns the unescaped segments
 * @throws TypeError when a non-empty pointer does not start with `/`
 */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) throw new TypeError(`not a JSON pointer: ${pointer}`)
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/**
 * Builds an RFC 6901 JSON pointer.
 *
 * @param segments - property names and array indices
 * @returns the escaped pointer (`''` for no segments)
 */
export function formatJsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

/**
 * A JSON pointer written as a dotted field path, for people: `/input/circuits/0/qasm` →
 * `input.circuits[0].qasm`.
 *
 * @param pointer - a JSON pointer
 * @returns the dotted path (`''` for the whole document)
 */
export function pointerToField(pointer: string): string {
  let out = ''
  for (const segment of parseJsonPointer(pointer)) {
    if (/^(0|[1-9]\d*)$/.test(segment)) out += `[${segment}]`
    else out += out === '' ? segment : `.${segment}`
  }
  return out
}
