import type { CircuitInstruction } from '../../../circuit/circuit-instruction.js'
import type { Instruction } from '../../../circuit/instruction.js'
import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import { addValues } from '../../../circuit/parameter-functions.js'
import type { IncludeResolver, QasmDiagnostic } from '../../qasm-error.js'
import type { AbortSignalLike, CustomInstruction } from '../../qasm2/qasm2-parse-options.js'
import type { Statement, TextSpan } from '../ast.js'
import type { SourceFile } from '../source-file.js'
import { BitLayout } from './bit-layout.js'
import type { LoweredBlock } from './body-circuit.js'
import { fail } from './lowering-error.js'
import { Scope, type ClbitsSymbol } from './scope.js'

const NO_CLBITS: readonly number[] = Object.freeze([])

/** Options of the lowering. */
export interface LoweringOptions {
  /** Resolves `include` files other than `stdgates.inc`. */
  readonly includeResolver?: IncludeResolver | undefined
  /** Gates supplied by the caller (Qiskit's `custom_instructions`). */
  readonly customInstructions?: readonly CustomInstruction[] | undefined
  /** Checked between statements: lowering stops by throwing `signal.reason`. */
  readonly signal?: AbortSignalLike | undefined
  /** At most this many instructions are produced (unrolled loops count); default 10 million. */
  readonly maxInstructions?: number | undefined
}

/** Lowers statements in the current context (injected to keep the modules acyclic). */
export type StatementLowerer = (ctx: LoweringContext, statements: readonly Statement[]) => void

/**
 * The state of one lowering run: the bits allocated so far, the block being filled, the scope,
 * and whether the current block runs conditionally at run time (`isDynamic`), where classical
 * state cannot change.
 */
export class LoweringContext {
  readonly layout = new BitLayout()
  readonly diagnostics: QasmDiagnostic[]
  readonly options: LoweringOptions
  readonly lowerStatements: StatementLowerer
  /** The file whose statements are being lowered (changes inside includes). */
  source: SourceFile
  scope: Scope
  instructions: CircuitInstruction[] = []
  globalPhase: ParameterValue = 0
  /**
   * How many bodies that run conditionally at run time (`if` on bits, `while`, a `ForLoopOp`)
   * enclose the current block. Classical variables declared outside the innermost one cannot
   * change inside it, and no bits can be allocated there.
   */
  dynamicLevel = 0
  /** The dynamic levels of the loops being unrolled, innermost last (for `break`). */
  readonly unrollLevels: number[] = []
  /** While inlining a subroutine: its local bit variable that is the call's result. */
  forwarding: { readonly declaration: unknown; readonly target: ClbitsSymbol } | undefined
  /** Nesting of inlined subroutine calls. */
  callDepth = 0
  /** Nesting of include files. */
  includeDepth = 0
  /** The number of instructions still allowed. */
  budget: number
  readonly #singles: { readonly indices: readonly number[]; readonly isSingle: true }[] = []
  readonly #pairs = new Map<number, readonly number[]>()
  /** Whether the `stdgates.inc` names are in scope. */
  hasStdgates = false
  /**
   * Nesting of speculative lowerings (a loop tried as a `ForLoopOp`, a gate body tried as a
   * template): inside one, errors propagate to the attempt instead of being reported.
   */
  attemptDepth = 0
  /** The number of hardware qubits `$n` the program uses (allocated first, as loose qubits). */
  hardwareQubitCount = 0
  /** Whether a gate body is being lowered (its qubits are the gate's arguments). */
  isGateBody = false

  constructor(options: {
    source: SourceFile
    diagnostics: QasmDiagnostic[]
    lowering: LoweringOptions
    lowerStatements: StatementLowerer
  }) {
    this.source = options.source
    this.diagnostics = options.diagnostics
    this.options = options.lowering
    this.lowerStatements = options.lowerStatements
    this.scope = new Scope()
    this.budget = options.lowering.maxInstructions ?? 10_000_000
  }

  /**
   * Takes one unit of the instruction budget.
   *
   * @throws LoweringError `qasm3.unsupported.too-many-instructions` when it is spent
   */
  spend(): void {
    if (--this.budget < 0) {
      fail(
        'qasm3.unsupported.too-many-instructions',
        'the program produces too many instructions',
        {
          offset: 0,
          length: 0,
        },
      )
    }
  }

  /** Appends an instruction (global bit indices) to the current block. */
  emit(
    operation: Instruction,
    qubits: readonly number[],
    clbits: readonly number[] = NO_CLBITS,
  ): void {
    this.spend()
    const inst: CircuitInstruction = {
      operation,
      qubits: Object.isFrozen(qubits) ? qubits : Object.freeze(qubits),
      clbits: Object.isFrozen(clbits) ? clbits : Object.freeze(clbits),
    }
    this.instructions.push(Object.freeze(inst))
  }

  /**
   * The circuit index of the hardware qubit `$n`.
   *
   * @throws LoweringError inside gate bodies or for an unallocated index
   */
  hardwareQubitIndex(n: number, span: TextSpan): number {
    if (this.isGateBody) {
      fail('qasm3.semantic.hardware-qubit-in-gate', 'gate bodies cannot use hardware qubits', span)
    }
    if (n >= this.hardwareQubitCount) {
      fail('qasm3.semantic.index-out-of-range', `hardware qubit $${n} is not available`, span)
    }
    return n
  }

  /**
   * The qubit list of one qubit, shared: gate lines name single qubits over and over, and the
   * frozen list can serve as the instruction's qubits as it is.
   */
  singleQubit(index: number): { readonly indices: readonly number[]; readonly isSingle: true } {
    let list = this.#singles[index]
    if (list === undefined) {
      list = Object.freeze({ indices: Object.freeze([index]), isSingle: true as const })
      this.#singles[index] = list
    }
    return list
  }

  /** The frozen qubit list `[a, b]`, shared between instructions on the same pair. */
  qubitPair(a: number, b: number): readonly number[] {
    const key = a * 0x100000 + b
    let pair = this.#pairs.get(key)
    if (pair === undefined) {
      pair = Object.freeze([a, b])
      if (this.#pairs.size < 65536) this.#pairs.set(key, pair)
    }
    return pair
  }

  /** Adds to the current block's global phase. */
  addGlobalPhase(value: ParameterValue): void {
    this.globalPhase = addValues(this.globalPhase, value)
  }

  /**
   * Lowers `statements` into a fresh block in a child scope and returns it; the current block,
   * scope and mode are restored afterwards, also on errors.
   *
   * @param statements - the body
   * @param options - whether the body runs conditionally, and extra setup of its scope
   * @returns the lowered block
   */
  lowerBlock(
    statements: readonly Statement[],
    options: {
      isDynamic: boolean
      setup?: (scope: Scope) => void
      after?: () => void
      scope?: Scope
    },
  ): LoweredBlock {
    const saved = { instructions: this.instructions, phase: this.globalPhase, scope: this.scope }
    const level = this.dynamicLevel
    this.instructions = []
    this.globalPhase = 0
    this.scope = options.scope ?? new Scope(this.scope)
    if (options.isDynamic) this.dynamicLevel++
    try {
      options.setup?.(this.scope)
      this.lowerStatements(this, statements)
      options.after?.()
      return { instructions: this.instructions, globalPhase: this.globalPhase }
    } finally {
      this.instructions = saved.instructions
      this.globalPhase = saved.phase
      this.scope = saved.scope
      this.dynamicLevel = level
    }
  }

  /** Whether the current block runs conditionally at run time. */
  get isDynamic(): boolean {
    return this.dynamicLevel > 0
  }

  /** Appends a lowered block's instructions and phase to the current block (inlining). */
  splice(block: LoweredBlock): void {
    for (const inst of block.instructions) this.instructions.push(inst)
    this.addGlobalPhase(block.globalPhase)
  }

  /** Records a diagnostic at `span` of the current file. */
  report(code: string, message: string, span: TextSpan): void {
    if (this.diagnostics.length >= 100) return
    this.diagnostics.push(this.source.diagnostic(code, message, { span }))
  }
}
