import type { CircuitInstruction } from '../../circuit/circuit-instruction.js'
import type { Condition } from '../../circuit/condition.js'
import { IfElseOp } from '../../circuit/control-flow.js'
import { Barrier, Measure, Reset } from '../../circuit/directives.js'
import type { Instruction } from '../../circuit/instruction.js'
import { isStandardGate } from '../../circuit/library/standard-gates.js'
import type { Parameter } from '../../circuit/parameter.js'
import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import type { ClassicalRegister, QuantumRegister } from '../../circuit/register.js'
import { QasmExportError } from '../qasm-error.js'
import { formatQasm2Value } from './format-qasm2-value.js'
import { GateDefinitions, QELIB1_DECLARED_NAMES } from './qasm2-gate-definitions.js'
import { claimUniqueName, escapeQasm2Name, QASM2_RESERVED_WORDS } from './qasm2-names.js'

const NO_NAMES: ReadonlyMap<Parameter, string> = new Map()

/** A declared register: its OpenQASM name, size, and the circuit's bit indices in order. */
interface DeclaredRegister {
  readonly keyword: 'qreg' | 'creg'
  readonly name: string
  readonly bits: readonly number[]
  readonly source: QuantumRegister | ClassicalRegister | undefined
}

/**
 * Writes a circuit as an OpenQASM 2 program, with the semantics of Qiskit's `qasm2.dumps`: the
 * header and `include "qelib1.inc";`, gate declarations, the registers (bits outside any register
 * go to generated `qregless`/`cregless` registers), then the instructions. Standard gates keep
 * their `qelib1.inc` names; any other gate is declared once from its definition (recursively) or
 * as `opaque`, under a name that clashes with nothing. Numbers are written to read back exactly.
 * The global phase is dropped: OpenQASM 2 cannot express it.
 *
 * @param circuit - the circuit
 * @returns the program text
 * @throws QasmExportError if OpenQASM 2 cannot represent the circuit: unbound parameters, control
 *   flow other than an `if_else` with one instruction and no else branch, a condition other than
 *   `register == value` (or on the only bit of a one-bit register), non-finite parameters, or an
 *   operation with classical bits other than `measure`
 *
 * @example
 * ```ts
 * toQasm2(new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0))
 * // OPENQASM 2.0;
 * // include "qelib1.inc";
 * // qreg q[2];
 * // creg c[2];
 * // h q[0];
 * // cx q[0],q[1];
 * // measure q[0] -> c[0];
 * ```
 */
export function toQasm2(circuit: QuantumCircuit): string {
  if (circuit.numParameters > 0) {
    throw new QasmExportError('OpenQASM 2 cannot represent circuits with unbound parameters')
  }
  const taken = new Set<string>([...QASM2_RESERVED_WORDS, ...QELIB1_DECLARED_NAMES])
  const registers = declareRegisters(circuit, taken)
  const writer = new InstructionWriter(registers, new GateDefinitions(taken))
  const statements = circuit.data
    .map((inst) => writer.statement(inst))
    .filter((s) => s !== undefined)
  return [
    'OPENQASM 2.0;',
    'include "qelib1.inc";',
    ...writer.definitions.declarations,
    ...registers.map((r) => `${r.keyword} ${r.name}[${r.bits.length}];`),
    ...statements,
  ].join('\n')
}

/**
 * Names the registers: the circuit's own in order (a register whose bits an earlier one already
 * declared cannot be declared again without adding bits, so it is left out), then one generated
 * register for the bits no declared register holds.
 */
function declareRegisters(circuit: QuantumCircuit, taken: Set<string>): DeclaredRegister[] {
  const declared: DeclaredRegister[] = []
  const kinds = [
    { keyword: 'qreg', registers: circuit.qregs, bits: circuit.qubits, loose: 'qregless' },
    { keyword: 'creg', registers: circuit.cregs, bits: circuit.clbits, loose: 'cregless' },
  ] as const
  for (const kind of kinds) {
    const indexOf = new Map<unknown, number>(kind.bits.map((bit, i) => [bit, i]))
    const owned = new Set<number>()
    for (const register of kind.registers) {
      const bits = register.bits.map((bit) => indexOf.get(bit) ?? -1)
      if (bits.some((b) => b < 0 || owned.has(b))) continue
      for (const b of bits) owned.add(b)
      const name = claimUniqueName(escapeQasm2Name(register.name, 'reg_'), taken)
      declared.push({ keyword: kind.keyword, name, bits, source: register })
    }
    const loose = kind.bits.map((_, i) => i).filter((i) => !owned.has(i))
    if (loose.length > 0) {
      declared.push({
        keyword: kind.keyword,
        name: claimUniqueName(kind.loose, taken),
        bits: loose,
        source: undefined,
      })
    }
  }
  return declared
}

/** Writes top-level statements: bits as `reg[i]`, conditions as `if(reg==n)`. */
class InstructionWriter {
  readonly definitions: GateDefinitions
  readonly #registers: readonly DeclaredRegister[]
  readonly #qubitLabels: string[] = []
  readonly #clbitLabels: string[] = []

  constructor(registers: readonly DeclaredRegister[], definitions: GateDefinitions) {
    this.#registers = registers
    this.definitions = definitions
    for (const register of registers) {
      const labels = register.keyword === 'qreg' ? this.#qubitLabels : this.#clbitLabels
      register.bits.forEach((bit, i) => (labels[bit] = `${register.name}[${i}]`))
    }
  }

  /** The statement of one instruction, or `undefined` for one that writes nothing. */
  statement(inst: CircuitInstruction): string | undefined {
    const op = inst.operation
    if (op instanceof IfElseOp) return this.#ifElse(inst, op)
    const body = this.#operation(inst)
    if (body === undefined || inst.condition === undefined) return body
    return `${this.#condition(inst.condition)} ${body}`
  }

  #operation(inst: CircuitInstruction): string | undefined {
    const op = inst.operation
    const qubits = inst.qubits.map((q) => this.#qubitLabels[q]).join(',')
    if (op instanceof Measure)
      return `measure ${qubits} -> ${this.#clbitLabels[inst.clbits[0] ?? -1] ?? ''};`
    if (op instanceof Reset) return `reset ${qubits};`
    if (op instanceof Barrier) return qubits === '' ? undefined : `barrier ${qubits};`
    if (op.name === 'global_phase' && isStandardGate(op)) return undefined
    if (isControlFlow(op)) {
      throw new QasmExportError(
        `OpenQASM 2 cannot represent the control-flow operation '${op.name}'`,
      )
    }
    if (op.numClbits !== 0) {
      throw new QasmExportError(
        `OpenQASM 2 cannot represent '${op.name}', which acts on classical bits`,
      )
    }
    const site = this.definitions.callSite(op)
    const params =
      site.takesParams && op.params.length > 0
        ? `(${op.params.map((p) => formatQasm2Value(p, NO_NAMES)).join(',')})`
        : ''
    return `${site.name}${params} ${qubits};`
  }

  /** `if_else` with one instruction and no else branch is `if (…) op;`; nothing else fits. */
  #ifElse(inst: CircuitInstruction, op: IfElseOp): string | undefined {
    const inner = op.trueBody.data
    const only = inner[0]
    if (
      op.falseBody !== undefined ||
      inner.length !== 1 ||
      only === undefined ||
      only.condition !== undefined ||
      isControlFlow(only.operation)
    ) {
      throw new QasmExportError(
        'OpenQASM 2 can only represent an if_else with no else branch and a single instruction in its body',
      )
    }
    const mapped: CircuitInstruction = {
      operation: only.operation,
      qubits: only.qubits.map((q) => inst.qubits[q] ?? -1),
      clbits: only.clbits.map((c) => inst.clbits[c] ?? -1),
    }
    const body = this.#operation(mapped)
    return body === undefined ? undefined : `${this.#condition(op.condition)} ${body}`
  }

  #condition(condition: Condition): string {
    if (condition.kind === 'register') {
      const declared = this.#registers.find((r) => r.source === condition.register)
      if (declared === undefined) {
        throw new QasmExportError(
          `the condition's register '${condition.register.name}' is not declared in OpenQASM 2`,
        )
      }
      if (condition.op !== '==') {
        throw new QasmExportError(`OpenQASM 2 conditions can only test '==', not '${condition.op}'`)
      }
      return `if(${declared.name}==${condition.value})`
    }
    const single = this.#registers.find(
      (r) => r.keyword === 'creg' && r.bits.length === 1 && r.bits[0] === condition.clbit,
    )
    if (single === undefined) {
      throw new QasmExportError(
        'OpenQASM 2 can only condition on whole registers; a single-bit condition needs the bit to be a one-bit register',
      )
    }
    return `if(${single.name}==${condition.value ? 1 : 0})`
  }
}

function isControlFlow(op: Instruction): boolean {
  return 'blocks' in op
}
