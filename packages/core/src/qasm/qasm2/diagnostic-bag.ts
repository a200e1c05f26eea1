import type { QasmDiagnostic } from '../qasm-error.js'
import type { SourceFile } from './source-file.js'

/** At most this many diagnostics are kept; past it the parse is pointless to continue. */
export const MAX_DIAGNOSTICS = 100

/** Where in which file a diagnostic points: offsets of the first and past-the-last character. */
export interface DiagnosticLocation {
  readonly file: SourceFile
  readonly start: number
  readonly end: number
}

/**
 * Collects the diagnostics of one parse (all files, includes too), each with its stable code,
 * span and source excerpt.
 */
export class DiagnosticBag {
  readonly #items: QasmDiagnostic[] = []
  #errors = 0

  /** The diagnostics collected so far, in the order they were found. */
  get items(): readonly QasmDiagnostic[] {
    return this.#items
  }

  /** How many errors (not warnings) were found, kept or not. */
  get errorCount(): number {
    return this.#errors
  }

  /** Whether the bag is full and the caller should stop looking for more. */
  get isFull(): boolean {
    return this.#items.length >= MAX_DIAGNOSTICS
  }

  /**
   * Records an error.
   *
   * @param code - the stable code, e.g. `qasm2.parse.missing-semicolon`
   * @param message - what is wrong
   * @param where - the file and offsets it points at
   */
  error(code: string, message: string, where: DiagnosticLocation): void {
    this.#add({ code, message, severity: 'error' }, where)
  }

  /**
   * Records a warning (kept, but does not fail the parse).
   *
   * @param code - the stable code
   * @param message - what is suspicious
   * @param where - the file and offsets it points at
   */
  warning(code: string, message: string, where: DiagnosticLocation): void {
    this.#add({ code, message, severity: 'warning' }, where)
  }

  #add(
    what: { code: string; message: string; severity: 'error' | 'warning' },
    where: DiagnosticLocation,
  ): void {
    const { code, message, severity } = what
    if (severity === 'error') this.#errors++
    if (this.isFull) return
    const { file } = where
    const start = Math.max(0, Math.min(where.start, file.text.length))
    const end = Math.max(start, Math.min(where.end, file.text.length))
    const { line, column } = file.locate(start)
    const span = { file: file.name, offset: start, length: end - start, line, column }
    this.#items.push({
      code,
      message,
      severity,
      line,
      column,
      span,
      excerpt: file.lineText(line),
    })
  }
}
