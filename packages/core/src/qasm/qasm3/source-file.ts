import type { QasmDiagnostic, SourceSpan } from '../qasm-error.js'

/** A range of source text: a 0-based UTF-16 offset and a length. Every AST node carries one. */
export interface TextSpan {
  readonly offset: number
  readonly length: number
}

/** Extra fields of a diagnostic beyond its code, message and position. */
export interface DiagnosticExtras {
  readonly severity?: 'error' | 'warning'
  readonly help?: string
}

/**
 * One source text with its name, and the line table to turn offsets into 1-based lines and
 * columns. The table is built on first use: a file that parses cleanly never needs it.
 */
export class SourceFile {
  readonly name: string
  readonly text: string
  #lineStarts: Int32Array | undefined

  /**
   * @param name - the file name diagnostics show (`<input>` for a string)
   * @param text - the source text
   */
  constructor(name: string, text: string) {
    this.name = name
    this.text = text
  }

  /**
   * The 1-based line and column of an offset (columns count UTF-16 code units).
   *
   * @param offset - a 0-based offset, clamped into the text
   * @returns the line and column
   */
  location(offset: number): { line: number; column: number } {
    const starts = this.#starts()
    const clamped = Math.max(0, Math.min(offset, this.text.length))
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= clamped) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: clamped - starts[lo]! + 1 }
  }

  /**
   * The text of a 1-based line, without its line break.
   *
   * @param line - the line number
   * @returns the line's text ('' outside the file)
   */
  lineText(line: number): string {
    const starts = this.#starts()
    const start = starts[line - 1]
    if (start === undefined) return ''
    const next = starts[line]
    let end = next ?? this.text.length
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--
    return this.text.slice(start, end)
  }

  /**
   * The full source span of a text range.
   *
   * @param span - the range
   * @returns its span with file, line and column
   */
  sourceSpan(span: TextSpan): SourceSpan {
    const { line, column } = this.location(span.offset)
    return { file: this.name, offset: span.offset, length: span.length, line, column }
  }

  /**
   * A diagnostic pointing into this file.
   *
   * @param code - the stable code, e.g. `qasm3.parse.missing-semicolon`
   * @param message - what is wrong
   * @param options - where (`span`), and optional severity and help
   * @returns the diagnostic
   */
  diagnostic(
    code: string,
    message: string,
    options: { span: TextSpan } & DiagnosticExtras,
  ): QasmDiagnostic {
    const span = this.sourceSpan(options.span)
    const base = {
      code,
      message,
      severity: options.severity ?? 'error',
      line: span.line,
      column: span.column,
      span,
      excerpt: this.lineText(span.line),
    }
    return options.help === undefined ? base : { ...base, help: options.help }
  }

  #starts(): Int32Array {
    if (this.#lineStarts !== undefined) return this.#lineStarts
    const text = this.text
    const starts = [0]
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) starts.push(i + 1)
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++
        starts.push(i + 1)
      }
    }
    this.#lineStarts = Int32Array.from(starts)
    return this.#lineStarts
  }
}
