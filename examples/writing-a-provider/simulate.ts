/**
 * How the toy device computes results: the ideal final state, sampled with a seed.
 */
import { QuantumCircuit } from '@qfabric/core/circuit'
import { toHexCounts } from '@qfabric/core/providers'
import { Statevector } from '@qfabric/core/quantum-info'

/**
 * Samples a circuit whose measurements are all final: the unitary part is simulated with
 * `Statevector`, outcomes over all qubits are drawn with the seed, and each is read out into the
 * clbits the measurements name (little-endian: clbit `c` is bit `c` of the outcome).
 *
 * @param circuit - gates, barriers and final measurements
 * @param shots - the number of samples
 * @param seed - the sampler's seed
 * @returns hex counts for the result JSON
 * @throws RangeError when a qubit is used after it was measured
 */
export function sampleCircuit(
  circuit: QuantumCircuit,
  shots: number,
  seed: number,
): Record<string, number> {
  const unitary = new QuantumCircuit(circuit.numQubits)
  const measured = new Map<number, number>() // qubit → clbit
  for (const inst of circuit.data) {
    const name = inst.operation.name
    if (name === 'measure') {
      measured.set(inst.qubits[0]!, inst.clbits[0]!)
    } else if (name !== 'barrier') {
      if (inst.qubits.some((q) => measured.has(q))) {
        throw new RangeError(
          `'${name}' follows a measurement: only final measurements are supported`,
        )
      }
      unitary.appendRaw({ operation: inst.operation, qubits: inst.qubits, clbits: [] })
    }
  }
  const samples = Statevector.fromCircuit(unitary).sampleCounts(shots, { seed })
  const outcomes = new Map<bigint, number>()
  for (const [bits, count] of Object.entries(samples)) {
    const state = BigInt(`0b${bits}`)
    let outcome = 0n
    for (const [qubit, clbit] of measured)
      outcome |= ((state >> BigInt(qubit)) & 1n) << BigInt(clbit)
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + count)
  }
  return toHexCounts(outcomes)
}
