import type { Clbit } from '../../circuit/index.js'
import type { CircuitInstruction, QuantumCircuit } from '../../circuit/index.js'

/** A horizontal line of the drawing: one qubit, or one classical register (bundled) or bit. */
export interface Wire {
  readonly kind: 'quantum' | 'classical'
  readonly label: string
}

/** Where each bit of a circuit is drawn. */
export interface WireMap {
  readonly wires: readonly Wire[]
  /** Wire of qubit `i` (always `i`). */
  readonly qubitWire: (qubit: number) => number
  /** Wire of clbit `i`, and its index inside a bundled register (for the label under `╩`). */
  readonly clbitWire: (clbit: number) => { readonly wire: number; readonly label: string }
  /** Index of a clbit object in the circuit. */
  readonly clbitIndex: (bit: Clbit) => number
}

/**
 * Assigns wires: qubits first, then one wire per classical register when bundled (Qiskit's
 * `cregbundle=True`), else one per clbit.
 */
export function buildWireMap(circuit: QuantumCircuit, cregBundle: boolean): WireMap {
  const wires: Wire[] = circuit.qubits.map((_, i) => ({
    kind: 'quantum',
    label: qubitLabel(circuit, i),
  }))
  const clbitWires = new Map<number, { wire: number; label: string }>()
  if (cregBundle) {
    for (const reg of circuit.cregs) {
      const wire = wires.length
      wires.push({ kind: 'classical', label: `${reg.name}: ${reg.size}/` })
      reg.bits.forEach((bit, k) => {
        const index = circuit.findBit(bit).index
        if (!clbitWires.has(index)) clbitWires.set(index, { wire, label: `${k}` })
      })
    }
  }
  circuit.clbits.forEach((_, i) => {
    if (clbitWires.has(i)) return
    clbitWires.set(i, { wire: wires.length, label: '' })
    wires.push({ kind: 'classical', label: clbitLabel(circuit, i) })
  })
  return {
    wires,
    qubitWire: (q) => q,
    clbitWire: (c) => clbitWires.get(c) ?? { wire: wires.length - 1, label: '' },
    clbitIndex: (bit) => circuit.findBit(bit).index,
  }
}

function qubitLabel(circuit: QuantumCircuit, index: number): string {
  const found = circuit.findBit(circuit.qubits[index]!).registers[0]
  return found === undefined ? `q_${index}` : `${found[0].name}_${found[1]}`
}

function clbitLabel(circuit: QuantumCircuit, index: number): string {
  const found = circuit.findBit(circuit.clbits[index]!).registers[0]
  return found === undefined ? `c_${index}` : `${found[0].name}_${found[1]}`
}

/** The wires an instruction occupies, top to bottom, including condition and measurement targets. */
export function instructionWires(inst: CircuitInstruction, map: WireMap): number[] {
  const wires = inst.qubits.map(map.qubitWire)
  for (const c of inst.clbits) wires.push(map.clbitWire(c).wire)
  if (inst.condition !== undefined) wires.push(...conditionWires(inst.condition, map))
  return wires
}

/** The classical wires a condition reads. */
export function conditionWires(
  cond: NonNullable<CircuitInstruction['condition']>,
  map: WireMap,
): number[] {
  if (cond.kind === 'clbit') return [map.clbitWire(cond.clbit).wire]
  return cond.register.bits.map((b) => map.clbitWire(map.clbitIndex(b)).wire)
}

/**
 * Greedy layering: each instruction goes in the first column after every column that touches any
 * wire between its top and bottom wire (a drawn instruction blocks the wires its connector crosses).
 */
export function layerInstructions(
  data: readonly CircuitInstruction[],
  wiresOf: (inst: CircuitInstruction) => number[],
  numWires: number,
): CircuitInstruction[][] {
  const next = new Array<number>(numWires).fill(0)
  const layers: CircuitInstruction[][] = []
  for (const inst of data) {
    const ws = wiresOf(inst)
    if (ws.length === 0) continue
    const lo = Math.min(...ws)
    const hi = Math.max(...ws)
    let layer = 0
    for (let w = lo; w <= hi; w++) layer = Math.max(layer, next[w]!)
    for (let w = lo; w <= hi; w++) next[w] = layer + 1
    ;(layers[layer] ??= []).push(inst)
  }
  return layers
}
