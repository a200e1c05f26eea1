const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = '"\\/bfnrt'
const HEX_RE = /^[0-9a-fA-F]{4}$/
const LITERALS = ['true', 'false', 'null']

/** A recognizer of the JSON grammar (RFC 8259): each method consumes one production. */
class JsonScanner {
  /** The offset of the next character to read. */
  at = 0

  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) this.at++
  }

  value(): boolean {
    this.skipSpace()
    const char = this.text[this.at]
    if (char === '{') return this.sequence('}', () => this.member())
    if (char === '[') return this.sequence(']', () => this.value())
    if (char === '"') return this.string()
    return this.number() || this.literal()
  }

  private expect(char: string): boolean {
    this.skipSpace()
    if (this.text[this.at] !== char) return false
    this.at++
    return true
  }

  private sequence(close: string, item: () => boolean): boolean {
    this.at++
    if (this.expect(close)) return true
    do {
      if (!item()) return false
    } while (this.expect(','))
    return this.expect(close)
  }

  private member(): boolean {
    this.skipSpace()
    return this.string() && this.expect(':') && this.value()
  }

  private string(): boolean {
    const text = this.text
    if (text[this.at] !== '"') return false
    for (this.at++; this.at < text.length; this.at++) {
      const char = text[this.at]!
      if (char === '"') {
        this.at++
        return true
      }
      if (char < ' ') return false
      if (char === '\\') {
        const next = text[this.at + 1]
        if (next === 'u' && HEX_RE.test(text.slice(this.at + 2, this.at + 6))) this.at += 5
        else if (next !== undefined && ESCAPES.includes(next)) this.at++
        else return false
      }
    }
    return false
  }

  private number(): boolean {
    NUMBER_RE.lastIndex = this.at
    if (!NUMBER_RE.test(this.text)) return false
    this.at = NUMBER_RE.lastIndex
    return true
  }

  private literal(): boolean {
    const word = LITERALS.find((w) => this.text.startsWith(w, this.at))
    if (word !== undefined) this.at += word.length
    return word !== undefined
  }
}

/**
 * Where JSON text first goes wrong. Engines word `JSON.parse` errors differently and some give
 * no position at all, so a small scanner of the JSON grammar finds it instead.
 *
 * @param text - text that `JSON.parse` refused
 * @returns the offset of the first character that cannot continue valid JSON (the text's
 *   length when it ends too early), or `undefined` when the text is valid JSON or nested too
 *   deeply to scan
 * @internal
 */
export function jsonSyntaxErrorOffset(text: string): number | undefined {
  const scanner = new JsonScanner(text)
  try {
    if (scanner.value()) {
      scanner.skipSpace()
      if (scanner.at === text.length) return undefined
    }
  } catch {
    // Nesting deep enough to exhaust the stack: no position to report.
    return undefined
  }
  return Math.min(scanner.at, text.length)
}
