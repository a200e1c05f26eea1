import { Measure, standardGate, type QuantumCircuit } from '../../../src/circuit/index.js'
import { SeededRng } from '../../../src/internal/seeded-rng.js'
import type { CouplingMap } from '../../../src/target/coupling-map.js'
import { InstructionProperties } from '../../../src/target/instruction-properties.js'
import { Target } from '../../../src/target/target.js'
import type { Layout } from '../../../src/transpiler/layout/layout.js'
import { PassManager } from '../../../src/transpiler/passmanager/pass-manager.js'
import type { Pass } from '../../../src/transpiler/passmanager/pass.js'
import type { PropertySet } from '../../../src/transpiler/passmanager/property-set.js'

/** Runs passes and returns the property set. */
export function analyse(circuit: QuantumCircuit, passes: Pass[]): PropertySet {
  return new PassManager(passes).runWithPropertySet(circuit).propertySet
}

/** Runs passes and returns the layout they set. */
export function layoutOf(circuit: QuantumCircuit, passes: Pass[]): Layout | undefined {
  return analyse(circuit, passes).get('layout')
}

/**
 * A target on a coupling map with random (seeded) errors: `cx` on every edge (both directions
 * sharing one error), `x` and `measure` on every qubit.
 */
export function noisyTarget(map: CouplingMap, seed: number): Target {
  const rng = new SeededRng(seed)
  const n = map.size()
  const edgeError = new Map<string, number>()
  const cx: [number[], InstructionProperties][] = []
  for (const [a, b] of map.getEdges()) {
    const key = `${Math.min(a, b)},${Math.max(a, b)}`
    if (!edgeError.has(key)) edgeError.set(key, rng.uniform(1e-3, 5e-2))
    cx.push([[a, b], new InstructionProperties({ error: edgeError.get(key)! })])
  }
  const perQubit = (): [number[], InstructionProperties][] =>
    Array.from({ length: n }, (_, q) => [
      [q],
      new InstructionProperties({ error: rng.uniform(1e-4, 8e-2) }),
    ])
  return new Target({ numQubits: n })
    .addInstruction(standardGate('cx'), cx)
    .addInstruction(standardGate('x'), perQubit())
    .addInstruction(new Measure(), perQubit())
    .freeze()
}

/** Every circuit qubit is mapped, onto distinct qubits of the device. */
export function isValidLayout(layout: Layout, numVirtual: number, numPhysical: number): boolean {
  const physical = Array.from({ length: numVirtual }, (_, v) => layout.physical(v))
  return (
    physical.every((p) => p !== undefined && p >= 0 && p < numPhysical) &&
    new Set(physical).size === numVirtual
  )
}
