/**
 * OpenQASM 2 and 3: parsers that turn programs into `QuantumCircuit`s and exporters that write
 * circuits back, with Qiskit's semantics (`qiskit.qasm2`, `qiskit.qasm3`).
 *
 * - {@link parseQasm} reads either version (from the `OPENQASM` header; OpenQASM 2 without one);
 *   {@link parseQasm2} and {@link parseQasm3} read one. They throw one {@link QasmParseError}
 *   listing every problem found, each a {@link QasmDiagnostic} with a stable `code`
 *   (`qasm2.parse.missing-semicolon`, `qasm3.semantic.undefined-gate`, …), 1-based line and
 *   column, span and source excerpt. The `analyze*` variants return the diagnostics (and the
 *   syntax tree) instead of throwing, for editors.
 * - {@link toQasm2} and {@link toQasm3} write circuits; what a version cannot express throws
 *   {@link QasmExportError}.
 * - `include` files come from an injected {@link IncludeResolver} — parsers never touch a file
 *   system. The default, {@link InMemoryIncludeResolver}, serves `qelib1.inc` and
 *   `stdgates.inc`; the CLI and server add file-system resolvers of their own.
 *
 * @example
 * ```ts
 * import { parseQasm, toQasm3 } from '@qfabric/core/qasm'
 *
 * const circuit = parseQasm('OPENQASM 2.0; include "qelib1.inc"; qreg q[2]; h q[0]; cx q[0], q[1];')
 * console.log(toQasm3(circuit))
 * ```
 *
 * @packageDocumentation
 */

export {
  QasmError,
  QasmExportError,
  QasmParseError,
  type IncludeResolver,
  type QasmDiagnostic,
  type SourceSpan,
} from './qasm-error.js'
export {
  InMemoryIncludeResolver,
  STANDARD_INCLUDES,
  chainIncludeResolvers,
  createDefaultIncludeResolver,
  type InMemoryIncludeResolverOptions,
} from './include-resolver.js'
export { QELIB1_INC, STDGATES_INC } from './include-resolver-sources.js'
export {
  analyzeQasm,
  detectQasmVersion,
  parseQasm,
  type ParseQasmOptions,
  type QasmAnalysis,
  type QasmVersion,
} from './parse-qasm.js'

export { analyzeQasm2, parseQasm2, type Qasm2Analysis } from './qasm2/parse-qasm2.js'
export type {
  AbortSignalLike,
  CustomInstruction,
  Qasm2ParseOptions,
} from './qasm2/qasm2-parse-options.js'
export { Qasm2Gate, type GateTemplate } from './qasm2/qasm2-gate.js'
export { toQasm2 } from './qasm2/to-qasm2.js'
export type * as Qasm2Ast from './qasm2/ast.js'

export {
  analyzeQasm3,
  parseQasm3,
  type Qasm3Analysis,
  type Qasm3ParseOptions,
} from './qasm3/parser.js'
export { toQasm3, type Qasm3ExportOptions } from './qasm3/exporter.js'
export type * as Qasm3Ast from './qasm3/ast.js'
