import type { Condition } from '../../circuit/condition.js'
import type { Instruction } from '../../circuit/instruction.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import type { ClassicalRegister, QuantumRegister } from '../../circuit/register.js'
import type { Identifier, Spanned } from './ast.js'
import type { DiagnosticBag } from './diagnostic-bag.js'
import type { FoldProblem } from './expression-evaluator.js'
import type { CustomInstruction } from './qasm2-parse-options.js'
import { BUILTIN_GATES, PAPER_QELIB1_GATES, type LibraryGate } from './qelib1-gates.js'
import type { SourceFile } from './source-file.js'

/** A quantum register in the symbol table: its first qubit index and size. */
export interface QregSymbol {
  readonly kind: 'qreg'
  readonly start: number
  readonly size: number
  readonly register: QuantumRegister
}

/** A classical register in the symbol table. */
export interface CregSymbol {
  readonly kind: 'creg'
  readonly start: number
  readonly size: number
  readonly register: ClassicalRegister
}

/** A gate in the symbol table, and how to instantiate it. */
export interface GateSymbol {
  readonly kind: 'gate'
  readonly name: string
  readonly numParams: number
  readonly numQubits: number
  readonly make: (params: readonly ParameterValue[]) => Instruction
  /** Set when the user's constructor builds it: its failures become diagnostics. */
  readonly custom?: CustomInstruction | undefined
  /** The instance of a parameterless gate, built once and shared by every application. */
  fixed?: Instruction | undefined
  /** Instances of a one-parameter gate by angle: programs repeat angles (`rz(pi/2)`) a lot. */
  byValue?: Map<number, Instruction> | undefined
  /** A `qelib1.inc` gate beyond the paper's set, which a program's own definition may replace. */
  readonly isReplaceable?: boolean | undefined
}

/** Anything a name can denote at top level. */
export type GlobalSymbol = QregSymbol | CregSymbol | GateSymbol

/** Registers larger than this are refused rather than exhausting memory on a typo. */
export const MAX_REGISTER_SIZE = 1 << 20

/**
 * The state of lowering one program to a circuit: the circuit being built, the symbol table,
 * the diagnostics, and the file currently read (includes switch it).
 */
export class LoweringContext {
  readonly circuit = new QuantumCircuit()
  readonly symbols = new Map<string, GlobalSymbol>()
  readonly diagnostics: DiagnosticBag
  /** The file whose statements are being lowered. */
  file: SourceFile
  numQubits = 0
  numClbits = 0
  /** Set once a syntax error is seen: lowering stops, parsing goes on to report more. */
  hasSyntaxErrors = false
  /** Whether `qelib1.inc` was included already. */
  hasQelib1 = false
  /** The condition of the `if` statement being lowered, for the instructions it produces. */
  condition: Condition | undefined
  /** Reports a problem found while folding an expression (made once: it is on the hot path). */
  readonly reportProblem = (problem: FoldProblem): void => {
    this.error(problem.code, problem.message, problem)
  }
  readonly strict: boolean
  /** Custom instructions waiting for a compatible declaration. */
  readonly #overridable = new Map<string, CustomInstruction>()

  /**
   * @param file - the main file
   * @param diagnostics - where problems go
   * @param options - strictness and custom instructions
   */
  constructor(
    file: SourceFile,
    diagnostics: DiagnosticBag,
    options: {
      readonly strict: boolean
      readonly customInstructions: readonly CustomInstruction[]
    },
  ) {
    this.file = file
    this.diagnostics = diagnostics
    this.strict = options.strict
    this.#registerCustomInstructions(options.customInstructions)
    for (const gate of BUILTIN_GATES) this.defineLibraryGate(gate, undefined)
  }

  /**
   * Records an error at a node of the current file.
   *
   * @param code - the stable code
   * @param message - what is wrong
   * @param node - what it points at
   */
  error(code: string, message: string, node: Spanned): void {
    this.diagnostics.error(code, message, { file: this.file, start: node.start, end: node.end })
  }

  /**
   * Declares a gate of the language or of `qelib1.inc` (a custom instruction of the same name
   * takes its place).
   *
   * @param gate - the library gate
   * @param at - the statement that declares it, for diagnostics
   */
  defineLibraryGate(gate: LibraryGate, at: Spanned | undefined): void {
    const name = {
      kind: 'identifier',
      name: gate.name,
      start: at?.start ?? 0,
      end: at?.end ?? 0,
    } as const
    const isReplaceable = at !== undefined && !PAPER_QELIB1_GATES.has(gate.name)
    this.defineGate(
      name,
      { numParams: gate.numParams, numQubits: gate.numQubits, isReplaceable },
      gate.make,
    )
  }

  /**
   * Declares a gate (Qiskit's `define_gate`): a pending custom instruction of that name must
   * match the signature and then replaces the declaration; an existing name is an error unless
   * it is a built-in custom instruction with the same signature.
   *
   * @param name - the declared name
   * @param signature - numbers of parameters and qubits; whether a program may redefine it
   * @param make - builds an application
   */
  defineGate(
    name: Identifier,
    signature: {
      readonly numParams: number
      readonly numQubits: number
      readonly isReplaceable?: boolean | undefined
    },
    make: (params: readonly ParameterValue[]) => Instruction,
  ): void {
    const { numParams, numQubits } = signature
    const isReplaceable = signature.isReplaceable === true
    const custom = this.#overridable.get(name.name)
    if (custom !== undefined) {
      this.#overridable.delete(name.name)
      if (custom.numParams !== numParams || custom.numQubits !== numQubits) {
        this.error(
          'qasm2.semantic.custom-instruction-mismatch',
          `custom instruction '${name.name}' has ${count(custom.numParams, 'parameter')} and ` +
            `${count(custom.numQubits, 'qubit')}, but the program declares ` +
            `${count(numParams, 'parameter')} and ${count(numQubits, 'qubit')}`,
          name,
        )
        return
      }
      const existing = this.symbols.get(name.name)
      if (existing === undefined) this.symbols.set(name.name, customSymbol(custom))
      else if (existing.kind !== 'gate') this.#alreadyDefined(name)
      return
    }
    const existing = this.symbols.get(name.name)
    if (existing !== undefined && !(existing.kind === 'gate' && existing.isReplaceable === true)) {
      this.#alreadyDefined(name)
      return
    }
    this.symbols.set(name.name, {
      kind: 'gate',
      name: name.name,
      numParams,
      numQubits,
      make,
      isReplaceable,
    })
  }

  /**
   * Whether `name` is a custom instruction still waiting for its declaration.
   *
   * @param name - a gate name
   */
  isPendingCustom(name: string): boolean {
    return this.#overridable.has(name)
  }

  #alreadyDefined(name: Identifier): void {
    this.error('qasm2.semantic.redefinition', `'${name.name}' is already defined`, name)
  }

  #registerCustomInstructions(customs: readonly CustomInstruction[]): void {
    const at = { start: 0, end: 0 }
    for (const custom of customs) {
      if (this.#overridable.has(custom.name)) {
        this.error(
          'qasm2.semantic.duplicate-custom-instruction',
          `duplicate custom instruction '${custom.name}'`,
          at,
        )
        continue
      }
      this.#overridable.set(custom.name, custom)
      if (custom.builtin === true) this.symbols.set(custom.name, customSymbol(custom))
    }
  }
}

function customSymbol(custom: CustomInstruction): GateSymbol {
  return {
    kind: 'gate',
    name: custom.name,
    numParams: custom.numParams,
    numQubits: custom.numQubits,
    make: (params) => custom.constructor(...params),
    custom,
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
