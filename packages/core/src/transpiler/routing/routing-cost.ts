import { Gate } from '../../circuit/gate.js'
import type { RoutingDag } from './routing-dag.js'

/** What {@link estimatedTwoQubitCost} scores. @internal */
export interface RoutingCostInput {
  readonly source: RoutingDag
  readonly events: readonly number[]
  readonly initialLayout: Int32Array
  readonly width: number
}

/**
 * An estimate of the 2-qubit gate count after 2-qubit block resynthesis: consecutive 2-qubit
 * operations on the same pair of physical qubits (1-qubit gates between them allowed) form a
 * block that costs at most 3 CNOTs; a swap counts 3, any other 2-qubit gate 1. A swap next to a
 * gate on the same pair is therefore almost free, which plain swap counting misses; Sabre
 * trials are ranked by this estimate, then by swap count.
 *
 * @internal
 */
export function estimatedTwoQubitCost(input: RoutingCostInput): number {
  const { source, width } = input
  const v2p = Int32Array.from(input.initialLayout)
  const p2v = new Int32Array(width).fill(-1)
  v2p.forEach((p, v) => (p2v[p] = v))
  const blockOf = new Int32Array(width).fill(-1)
  const costs: number[] = []
  const addTwoQubit = (a: number, b: number, cost: number): void => {
    const block = blockOf[a]!
    if (block >= 0 && block === blockOf[b]) {
      costs[block]! += cost
      return
    }
    blockOf[a] = costs.length
    blockOf[b] = costs.length
    costs.push(cost)
  }
  for (const event of input.events) {
    if (event < 0) {
      const code = -1 - event
      const a = Math.floor(code / width)
      const b = code % width
      addTwoQubit(a, b, 3)
      const va = p2v[a]!
      const vb = p2v[b]!
      p2v[a] = vb
      p2v[b] = va
      if (va >= 0) v2p[va] = b
      if (vb >= 0) v2p[vb] = a
      continue
    }
    const node = source.nodes[event]!
    const qubits = node.qubits.map((q) => v2p[q]!)
    if (source.twoQubit[event] === 1 && node.condition === undefined) {
      addTwoQubit(qubits[0]!, qubits[1]!, node.operation.name === 'swap' ? 3 : 1)
    } else if (
      qubits.length !== 1 ||
      node.condition !== undefined ||
      !(node.operation instanceof Gate)
    ) {
      // Measurements, resets, barriers and conditioned operations end the blocks they touch.
      for (const p of qubits) blockOf[p] = -1
    }
  }
  return costs.reduce((sum, c) => sum + Math.min(3, c), 0)
}
