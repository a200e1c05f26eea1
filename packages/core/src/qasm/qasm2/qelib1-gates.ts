import type { Instruction } from '../../circuit/instruction.js'
import { standardGate } from '../../circuit/library/standard-gates.js'
import type { StandardGateName } from '../../circuit/library/standard-gate-specs.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import { Qasm2Gate, type GateTemplate } from './qasm2-gate.js'

/** A gate the OpenQASM 2 language or `qelib1.inc` provides, and how to make it. */
export interface LibraryGate {
  /** The OpenQASM 2 name. */
  readonly name: string
  readonly numParams: number
  readonly numQubits: number
  /** Builds the operation for these parameter values. */
  readonly make: (params: readonly ParameterValue[]) => Instruction
}

/** `name` with `[numParams, numQubits]`, made as the standard gate `gate` (default: `name`). */
function standard(
  name: string,
  [numParams, numQubits]: readonly [number, number],
  gate: StandardGateName = name as StandardGateName,
): LibraryGate {
  return { name, numParams, numQubits, make: (params) => standardGate(gate, params) }
}

/** `u0(gamma)`: an idle of length gamma; Qiskit has no gate for it, so it keeps its definition. */
const U0_TEMPLATE: GateTemplate = {
  name: 'u0',
  numQubits: 1,
  numParams: 1,
  build: () => new QuantumCircuit(1).append(standardGate('u', [0, 0, 0]), [0]),
}

/**
 * The gates of `qelib1.inc` as the OpenQASM 2 paper (arXiv:1707.03429) defines it, which is the
 * version Qiskit's parser builds in. Qiskit's longer file adds the others (`u`, `p`, `sx`, …);
 * a program may define those itself, as programs written against the paper's file do, and its
 * definition then replaces the built-in one.
 */
export const PAPER_QELIB1_GATES: ReadonlySet<string> = new Set([
  'u3',
  'u2',
  'u1',
  'cx',
  'id',
  'x',
  'y',
  'z',
  'h',
  's',
  'sdg',
  't',
  'tdg',
  'rx',
  'ry',
  'rz',
  'cz',
  'cy',
  'ch',
  'ccx',
  'crz',
  'cu1',
  'cu3',
])

/** The built-in gates of the language: `U` is Qiskit's `u`, `CX` its `cx`. */
export const BUILTIN_GATES: readonly LibraryGate[] = [
  standard('U', [3, 1], 'u'),
  standard('CX', [0, 2], 'cx'),
]

/**
 * The gates of Qiskit's `qelib1.inc`, in file order, mapped to the standard gates as Qiskit maps
 * them (`rc3x` → `rcccx`, `c3sqrtx` → `c3sx`, `c4x` → `mcx` with four controls); `u0` has no
 * standard counterpart and keeps its `qelib1.inc` definition.
 */
export const QELIB1_GATES: readonly LibraryGate[] = [
  standard('u3', [3, 1]),
  standard('u2', [2, 1]),
  standard('u1', [1, 1]),
  standard('cx', [0, 2]),
  standard('id', [0, 1]),
  { name: 'u0', numParams: 1, numQubits: 1, make: (params) => new Qasm2Gate(U0_TEMPLATE, params) },
  standard('u', [3, 1]),
  standard('p', [1, 1]),
  standard('x', [0, 1]),
  standard('y', [0, 1]),
  standard('z', [0, 1]),
  standard('h', [0, 1]),
  standard('s', [0, 1]),
  standard('sdg', [0, 1]),
  standard('t', [0, 1]),
  standard('tdg', [0, 1]),
  standard('rx', [1, 1]),
  standard('ry', [1, 1]),
  standard('rz', [1, 1]),
  standard('sx', [0, 1]),
  standard('sxdg', [0, 1]),
  standard('cz', [0, 2]),
  standard('cy', [0, 2]),
  standard('swap', [0, 2]),
  standard('ch', [0, 2]),
  standard('ccx', [0, 3]),
  standard('cswap', [0, 3]),
  standard('crx', [1, 2]),
  standard('cry', [1, 2]),
  standard('crz', [1, 2]),
  standard('cu1', [1, 2]),
  standard('cp', [1, 2]),
  standard('cu3', [3, 2]),
  standard('csx', [0, 2]),
  standard('cu', [4, 2]),
  standard('rxx', [1, 2]),
  standard('rzz', [1, 2]),
  standard('rccx', [0, 3]),
  standard('rc3x', [0, 4], 'rcccx'),
  standard('c3x', [0, 4]),
  standard('c3sqrtx', [0, 4], 'c3sx'),
  {
    name: 'c4x',
    numParams: 0,
    numQubits: 5,
    make: () => standardGate('mcx', [], { numCtrlQubits: 4 }),
  },
]
