import type { QasmDiagnostic } from '../qasm-error.js'
import type { Program } from './ast.js'
import { lexQasm3 } from './lexer.js'
import { SourceFile } from './source-file.js'
import { StatementParser } from './statement-parser.js'

/** What {@link parseProgram} returns: the tree (always, possibly partial) and the problems. */
export interface ParsedProgram {
  readonly program: Program
  readonly source: SourceFile
  readonly diagnostics: readonly QasmDiagnostic[]
}

/**
 * Lexes and parses OpenQASM 3 source into its syntax tree, without any semantic checks.
 * Never throws for bad input: syntax errors are returned as `qasm3.lex.*` / `qasm3.parse.*`
 * diagnostics and the statements around them are still parsed.
 *
 * @param text - the source text
 * @param file - the file name diagnostics carry (default `<input>`)
 * @returns the program, its source file and the diagnostics
 */
export function parseProgram(text: string, file = '<input>'): ParsedProgram {
  const source = new SourceFile(file, text)
  const diagnostics: QasmDiagnostic[] = []
  const tokens = lexQasm3(source, diagnostics)
  const program = new StatementParser(source, tokens, diagnostics).program()
  return { program, source, diagnostics }
}
