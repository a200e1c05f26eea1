/**
 * The statements worth preparing once per connection — the hot paths' fixed SQL texts, which
 * `PreparedQuery` and a few hand-written statements register — each with a stable name. A
 * driver that can keep server-side prepared statements (PostgreSQL's pool, see
 * `createNamedStatementPool`) runs a registered text under its name, so the server parses and
 * plans it once per connection rather than on every run; others ignore the registry.
 *
 * The registry is per process and only grows: texts are registered by code, never from input,
 * so their number is bounded by the store's code.
 */
const NAMES = new Map<string, string>()

/**
 * Registers a statement text (idempotent).
 *
 * @param text - the SQL text, with placeholders
 * @returns the text, for use in a constant
 */
export function nameStatement(text: string): string {
  if (!NAMES.has(text)) NAMES.set(text, `qfabric_${String(NAMES.size + 1)}`)
  return text
}

/**
 * The name of a registered statement text.
 *
 * @param text - an SQL text
 * @returns its name, or `undefined` when the text is not registered
 */
export function statementName(text: string): string | undefined {
  return NAMES.get(text)
}
