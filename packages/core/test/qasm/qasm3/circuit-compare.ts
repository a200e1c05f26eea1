/**
 * Test helpers: compare circuits structurally (instruction by instruction, custom gates by
 * matrix) and by their unitaries.
 */
import type { CircuitInstruction } from '../../../src/circuit/circuit-instruction.js'
import { circuitToMatrix } from '../../../src/circuit/circuit-unitary.js'
import type { Condition } from '../../../src/circuit/condition.js'
import { isControlFlowOp } from '../../../src/circuit/control-flow.js'
import { Gate } from '../../../src/circuit/gate.js'
import type { ParameterValue } from '../../../src/circuit/parameter-expression.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'

function sameValue(a: ParameterValue, b: ParameterValue): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
  return String(a) === String(b) || (typeof a !== 'number' && typeof b !== 'number' && a.equals(b))
}

function sameCondition(a: Condition | undefined, b: Condition | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.kind === 'clbit') return b.kind === 'clbit' && a.clbit === b.clbit && a.value === b.value
  return (
    b.kind === 'register' &&
    a.register.size === b.register.size &&
    a.op === b.op &&
    a.value === b.value
  )
}

/** The base name of a gate without the `_<n>` suffix an exporter adds to keep names unique. */
function baseName(name: string): string {
  return name.replace(/_\d+$/, '')
}

function sameOperation(
  a: CircuitInstruction['operation'],
  b: CircuitInstruction['operation'],
): string | undefined {
  if (baseName(a.name) !== baseName(b.name)) return `name ${a.name} vs ${b.name}`
  if (a.numQubits !== b.numQubits || a.numClbits !== b.numClbits) return `arity of ${a.name}`
  if (
    a.params.length !== b.params.length ||
    !a.params.every((p, i) => sameValue(p, b.params[i]!))
  ) {
    return `params of ${a.name}: ${a.params.map(String).join(',')} vs ${b.params.map(String).join(',')}`
  }
  if (isControlFlowOp(a) && isControlFlowOp(b)) {
    if (!sameCondition(a.condition, b.condition)) return `condition of ${a.name}`
    if (a.blocks.length !== b.blocks.length) return `blocks of ${a.name}`
    for (let i = 0; i < a.blocks.length; i++) {
      const inner = structuralDifference(a.blocks[i]!, b.blocks[i]!)
      if (inner !== undefined) return `${a.name} block ${i}: ${inner}`
    }
    return undefined
  }
  if (a instanceof Gate && b instanceof Gate && a.numQubits <= 3 && !a.isParameterized()) {
    if (!a.toMatrix().equalsUpToPhase(b.toMatrix(), 1e-8)) return `matrix of ${a.name}`
  }
  return undefined
}

/**
 * A conditioned instruction (`c_if`, OpenQASM 2's `if`) against the `if` an OpenQASM 3 reader
 * makes of it: the same condition, and a body holding just that instruction on the same bits.
 */
function conditionedDifference(x: CircuitInstruction, y: CircuitInstruction): string | undefined {
  const op = y.operation
  if (!isControlFlowOp(op) || op.blocks.length !== 1) return 'if_else shape'
  const body = op.blocks[0]!
  const c = x.condition!
  const yc = op.condition
  if (yc === undefined) return 'condition missing'
  if (
    c.kind === 'clbit'
      ? !(yc.kind === 'clbit' && yc.clbit === c.clbit && yc.value === c.value)
      : !sameCondition(c, yc)
  ) {
    return 'condition'
  }
  if (body.data.length !== 1) return 'if_else body size'
  const inner = body.data[0]!
  const diff = sameOperation(x.operation, inner.operation)
  if (diff !== undefined) return diff
  if (inner.qubits.map((q) => y.qubits[q]).join() !== x.qubits.join()) return 'if_else body qubits'
  return undefined
}

/**
 * Where two circuits differ structurally (undefined when they agree): bit counts, then each
 * instruction's name (ignoring `_n` suffixes), bits, parameters, condition, control-flow bodies,
 * and custom gates by matrix.
 */
export function structuralDifference(a: QuantumCircuit, b: QuantumCircuit): string | undefined {
  if (a.numQubits !== b.numQubits) return `qubits ${a.numQubits} vs ${b.numQubits}`
  if (a.numClbits !== b.numClbits) return `clbits ${a.numClbits} vs ${b.numClbits}`
  if (
    !sameValue(a.globalPhase, b.globalPhase) &&
    !(
      typeof a.globalPhase === 'number' &&
      typeof b.globalPhase === 'number' &&
      Math.abs(Math.abs(a.globalPhase - b.globalPhase) - 2 * Math.PI) < 1e-9
    )
  ) {
    return `global phase ${String(a.globalPhase)} vs ${String(b.globalPhase)}`
  }
  if (a.data.length !== b.data.length) return `${a.data.length} vs ${b.data.length} instructions`
  for (let i = 0; i < a.data.length; i++) {
    const x = a.data[i]!
    const y = b.data[i]!
    if (x.condition !== undefined && y.operation.name === 'if_else') {
      const inner = conditionedDifference(x, y)
      if (inner !== undefined) return `instruction ${i}: ${inner}`
      continue
    }
    const op = sameOperation(x.operation, y.operation)
    if (op !== undefined) return `instruction ${i}: ${op}`
    if (x.qubits.join() !== y.qubits.join() || x.clbits.join() !== y.clbits.join())
      return `instruction ${i}: bits`
    if (!sameCondition(x.condition, y.condition)) return `instruction ${i}: condition`
  }
  return undefined
}

/**
 * The unitary part of a circuit: gates only, after checking that resets come before any gate
 * on their qubit and measurements after the last one (so dropping them keeps the unitary).
 * Undefined when the circuit has control flow, conditions or mid-circuit measurements.
 */
export function unitaryPart(circuit: QuantumCircuit): QuantumCircuit | undefined {
  const touched = new Set<number>()
  const measured = new Set<number>()
  const out = new QuantumCircuit(circuit.numQubits)
  out.globalPhase = circuit.globalPhase
  for (const inst of circuit.data) {
    const op = inst.operation
    if (inst.condition !== undefined || isControlFlowOp(op)) return undefined
    if (op.name === 'barrier' || op.name === 'delay') continue
    if (op.name === 'reset') {
      if (touched.has(inst.qubits[0]!)) return undefined
      continue
    }
    if (op.name === 'measure') {
      measured.add(inst.qubits[0]!)
      continue
    }
    if (!(op instanceof Gate)) return undefined
    if (inst.qubits.some((q) => measured.has(q))) return undefined
    for (const q of inst.qubits) touched.add(q)
    out.appendRaw({ operation: op, qubits: inst.qubits, clbits: [] })
  }
  return out
}

/** A seeded generator of uniform numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Applies a circuit of gates to a state vector (interleaved re/im, little-endian), gate by
 * gate from each gate's own matrix: an independent check of `circuitToMatrix`.
 */
export function applyCircuit(circuit: QuantumCircuit, state: Float64Array): Float64Array {
  let psi = state.slice()
  const n = circuit.numQubits
  for (const inst of circuit.data) {
    const op = inst.operation
    if (!(op instanceof Gate)) throw new TypeError(`'${op.name}' is not a gate`)
    const m = op.toMatrix()
    const k = inst.qubits.length
    const dim = 1 << k
    const out = new Float64Array(psi.length)
    for (let basis = 0; basis < 1 << n; basis++) {
      let sub = 0
      for (let j = 0; j < k; j++) sub |= ((basis >> inst.qubits[j]!) & 1) << j
      let rest = basis
      for (let j = 0; j < k; j++) rest &= ~(1 << inst.qubits[j]!)
      const re = psi[2 * basis]!
      const im = psi[2 * basis + 1]!
      if (re === 0 && im === 0) continue
      for (let row = 0; row < dim; row++) {
        const entry = m.get(row, sub)
        let target = rest
        for (let j = 0; j < k; j++) target |= ((row >> j) & 1) << inst.qubits[j]!
        out[2 * target] = out[2 * target]! + entry.re * re - entry.im * im
        out[2 * target + 1] = out[2 * target + 1]! + entry.re * im + entry.im * re
      }
    }
    psi = out
  }
  const phase = circuit.globalPhase as number
  const [c, s] = [Math.cos(phase), Math.sin(phase)]
  for (let i = 0; i < psi.length; i += 2) {
    const [re, im] = [psi[i]!, psi[i + 1]!]
    psi[i] = c * re - s * im
    psi[i + 1] = c * im + s * re
  }
  return psi
}

function randomState(n: number, random: () => number): Float64Array {
  const v = new Float64Array(2 << n)
  let norm = 0
  for (let i = 0; i < v.length; i++) {
    v[i] = random() - 0.5
    norm += v[i]! * v[i]!
  }
  return v.map((x) => x / Math.sqrt(norm))
}

/**
 * Whether two circuits have the same unitary up to global phase: by dense matrices
 * (`circuitToMatrix`, `equalsUpToPhase`) up to 5 qubits, beyond that by applying both to two
 * random states and checking they agree up to one common phase.
 */
export function sameUnitary(a: QuantumCircuit, b: QuantumCircuit): boolean {
  if (a.numQubits <= 5) return circuitToMatrix(a).equalsUpToPhase(circuitToMatrix(b), 1e-8)
  const random = seededRandom(a.numQubits * 7919 + a.data.length)
  const states = [randomState(a.numQubits, random), randomState(a.numQubits, random)]
  let phase: [number, number] | undefined
  for (const state of states) {
    const x = applyCircuit(a, state)
    const y = applyCircuit(b, state)
    // ⟨y|x⟩ is the phase e^{iφ} when x = e^{iφ} y.
    let re = 0
    let im = 0
    for (let i = 0; i < x.length; i += 2) {
      re += y[i]! * x[i]! + y[i + 1]! * x[i + 1]!
      im += y[i]! * x[i + 1]! - y[i + 1]! * x[i]!
    }
    if (Math.abs(Math.hypot(re, im) - 1) > 1e-8) return false
    if (phase !== undefined && Math.hypot(re - phase[0], im - phase[1]) > 1e-8) return false
    phase = [re, im]
  }
  return true
}

/** `value` as an instance of `ctor`, or a thrown TypeError (a checked cast for tests). */
export function instanceOf<TInstance>(
  value: unknown,
  ctor: abstract new (...args: never[]) => TInstance,
): TInstance {
  if (!(value instanceof ctor)) throw new TypeError(`expected a ${ctor.name}`)
  return value
}
