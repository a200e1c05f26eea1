/**
 * JSON with object keys sorted at every level, so two bodies that differ only in key order give
 * the same text — and the same idempotency request hash (a retrying client may re-serialise its
 * body). Values are otherwise as `JSON.stringify` writes them.
 *
 * @param value - a JSON value
 * @returns the text
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, (v as Record<string, unknown>)[k]]),
    )
  })
}
