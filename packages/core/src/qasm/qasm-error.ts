import { QfabricError } from '../internal/qfabric-error.js'

/** Where a diagnostic points: 1-based line and column, 0-based offset, and the file. */
export interface SourceSpan {
  readonly file: string
  readonly offset: number
  readonly length: number
  readonly line: number
  readonly column: number
}

/** One problem found in OpenQASM source. */
export interface QasmDiagnostic {
  /** A stable code, e.g. `qasm2.parse.missing-semicolon`, `qasm3.semantic.undefined-gate`. */
  readonly code: string
  readonly message: string
  readonly severity: 'error' | 'warning'
  readonly line: number
  readonly column: number
  readonly span: SourceSpan
  /** The source line the diagnostic points into, for display. */
  readonly excerpt: string
  readonly help?: string
}

/** Errors of the OpenQASM area. */
export class QasmError extends QfabricError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'QasmError'
  }
}

/**
 * Thrown by the OpenQASM parsers, and only by them: every problem found in the source, each with
 * its code, line and column. The message lists the first few as `file:line:column: message`.
 */
export class QasmParseError extends QasmError {
  readonly diagnostics: readonly QasmDiagnostic[]

  constructor(diagnostics: readonly QasmDiagnostic[], options?: { cause?: unknown }) {
    const shown = diagnostics
      .slice(0, 5)
      .map((d) => `${d.span.file}:${d.line}:${d.column}: ${d.message}`)
      .join('\n')
    const more = diagnostics.length > 5 ? `\n… and ${diagnostics.length - 5} more` : ''
    super('qasm.parse', `${shown}${more}`, options)
    this.name = 'QasmParseError'
    this.diagnostics = diagnostics
  }

  /** The first diagnostic's line. */
  get line(): number {
    return this.diagnostics[0]?.line ?? 0
  }

  /** The first diagnostic's column. */
  get column(): number {
    return this.diagnostics[0]?.column ?? 0
  }
}

/** Thrown when a circuit cannot be written in the requested OpenQASM version. */
export class QasmExportError extends QasmError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('qasm.export', message, options)
    this.name = 'QasmExportError'
  }
}

/**
 * Supplies the text of `include` files, so that parsers never touch a file system themselves.
 * Return `undefined` for a file that does not exist.
 */
export interface IncludeResolver {
  resolve(path: string, from: string): string | undefined
}
