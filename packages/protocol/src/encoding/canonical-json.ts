/**
 * Canonical JSON: `JSON.stringify` with object keys sorted (recursively), so equal values give
 * equal text whatever order their keys were written in. Used to hash listing filters.
 *
 * @param value - a JSON value (`undefined` members are dropped, as `JSON.stringify` does)
 * @returns the canonical text
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v
    const sorted: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k]
    return sorted
  })
}
