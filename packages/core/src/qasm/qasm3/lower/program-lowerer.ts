import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import type { QuantumCircuit } from '../../../circuit/quantum-circuit.js'
import type { QasmDiagnostic } from '../../qasm-error.js'
import type { Statement } from '../ast.js'
import type { SourceFile } from '../source-file.js'
import { MAX_BITS } from './bit-layout.js'
import { lowerRecovering, lowerStatements } from './lower-statement.js'
import { LoweringContext, type LoweringOptions } from './lowering-context.js'
import { EndSignal } from './loop-signal.js'

/**
 * Lowers a program statement by statement as the parser produces them, following the
 * semantics of Qiskit's OpenQASM 3 importer where the circuit model can express the program
 * and reporting `qasm3.semantic.*` / `qasm3.unsupported.*` diagnostics where it cannot.
 * Lowering as the parser goes lets each statement's syntax tree be dropped at once.
 *
 * Hardware qubits `$0…$n` are the circuit's first qubits (loose, without a register);
 * `qubit`/`bit` declarations add registers in declaration order.
 */
export class ProgramLowerer {
  readonly diagnostics: QasmDiagnostic[] = []
  readonly #ctx: LoweringContext
  readonly #name: string | undefined
  #hasEnded = false

  /**
   * @param source - the main file
   * @param options - include resolver, custom instructions, budget, circuit name
   * @param hardwareQubits - how many hardware qubits `$n` the program names
   */
  constructor(
    source: SourceFile,
    options: LoweringOptions & { name?: string | undefined },
    hardwareQubits: number,
  ) {
    const ctx = new LoweringContext({
      source,
      diagnostics: this.diagnostics,
      lowering: options,
      lowerStatements,
    })
    this.#ctx = ctx
    this.#name = options.name
    for (const custom of options.customInstructions ?? []) {
      if (custom.builtin !== true) continue
      const { name, numParams, numQubits } = custom
      const build = (params: readonly ParameterValue[]) => custom.constructor(...params)
      ctx.scope.declare(
        name,
        { kind: 'gate', gate: { name, numParams, numQubits, build } },
        { offset: 0, length: 0 },
      )
    }
    if (hardwareQubits > MAX_BITS) {
      ctx.report(
        'qasm3.unsupported.too-many-qubits',
        `the program names ${hardwareQubits} hardware qubits`,
        { offset: 0, length: 0 },
      )
    } else if (hardwareQubits > 0) {
      ctx.layout.addLooseQubits(hardwareQubits)
      ctx.hardwareQubitCount = hardwareQubits
    }
  }

  /** Lowers one top-level statement (nothing after an `end;`). */
  lower(statement: Statement): void {
    if (this.#hasEnded) return
    try {
      lowerRecovering(this.#ctx, statement)
    } catch (error) {
      if (!(error instanceof EndSignal)) throw error
      this.#hasEnded = true
    }
  }

  /** The circuit, or undefined when an error was reported. */
  finish(): QuantumCircuit | undefined {
    if (this.diagnostics.some((d) => d.severity === 'error')) return undefined
    const ctx = this.#ctx
    const circuit = ctx.layout.createCircuit(this.#name)
    circuit.globalPhase = ctx.globalPhase
    for (const inst of ctx.instructions) circuit.appendRaw(inst)
    return circuit
  }
}
