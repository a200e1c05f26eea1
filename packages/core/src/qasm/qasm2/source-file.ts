/**
 * One OpenQASM source text with its name, able to turn offsets into 1-based lines and columns.
 * The line table is built on first use only: a program that parses cleanly never needs it.
 */
export class SourceFile {
  /** The file name diagnostics report (`<input>` for the main text unless named). */
  readonly name: string
  /** The full text. */
  readonly text: string
  #lineStarts: number[] | undefined

  /**
   * @param name - the file name to report
   * @param text - the file's text
   */
  constructor(name: string, text: string) {
    this.name = name
    this.text = text
  }

  /**
   * The 1-based line and column of an offset (clamped into the text).
   *
   * @param offset - a 0-based offset into the text
   * @returns the line and column, both ≥ 1
   */
  locate(offset: number): { line: number; column: number } {
    const starts = this.#starts()
    const clamped = Math.max(0, Math.min(offset, this.text.length))
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((starts[mid] ?? 0) <= clamped) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 }
  }

  /**
   * The text of a 1-based line, without its line break.
   *
   * @param line - the line number
   * @returns the line's text, or `''` past the end
   */
  lineText(line: number): string {
    const starts = this.#starts()
    const start = starts[line - 1]
    if (start === undefined) return ''
    let end = starts[line] ?? this.text.length
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--
    return this.text.slice(start, end)
  }

  #starts(): number[] {
    if (this.#lineStarts === undefined) {
      const starts = [0]
      const text = this.text
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
      this.#lineStarts = starts
    }
    return this.#lineStarts
  }
}
