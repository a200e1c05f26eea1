import type { DeviceGraph } from '../layout/device-graph.js'

/**
 * Swaps that move every virtual qubit back home (`layout[v]` → `v`), for routing inside
 * control flow: leaves of a breadth-first spanning tree are fixed first, each by walking its
 * token home through the qubits not yet fixed (which stay connected), as approximate token
 * swapping on trees does.
 *
 * @param layout - virtual → physical, a permutation of the device's qubits
 * @param device - the device
 * @returns the swaps, as physical pairs, in order
 * @internal
 */
export function restoringSwaps(layout: Int32Array, device: DeviceGraph): [number, number][] {
  const n = device.numQubits
  const p2v = new Int32Array(n)
  layout.forEach((p, v) => (p2v[p] = v))
  const swaps: [number, number][] = []
  const fixed = new Uint8Array(n)
  for (const component of device.components) {
    for (const leaf of leafOrder(component, device)) {
      if (p2v[leaf] !== leaf) {
        const path = pathWithin(p2v.indexOf(leaf), leaf, { device, fixed })
        for (let i = 0; i + 1 < path.length; i++) {
          const a = path[i]!
          const b = path[i + 1]!
          ;[p2v[a], p2v[b]] = [p2v[b]!, p2v[a]!]
          swaps.push([a, b])
        }
      }
      fixed[leaf] = 1
    }
  }
  return swaps
}

/** The qubits of a component, last-discovered first in breadth-first order (leaves first). */
function leafOrder(component: readonly number[], device: DeviceGraph): number[] {
  const start = component[0]!
  const order = [start]
  const seen = new Set(order)
  for (let h = 0; h < order.length; h++) {
    for (const v of device.neighbors[order[h]!]!) {
      if (!seen.has(v)) {
        seen.add(v)
        order.push(v)
      }
    }
  }
  return order.reverse()
}

/** A shortest path avoiding fixed qubits (breadth-first). */
function pathWithin(
  from: number,
  to: number,
  { device, fixed }: { readonly device: DeviceGraph; readonly fixed: Uint8Array },
): number[] {
  const parent = new Map<number, number>([[from, from]])
  const queue = [from]
  for (let h = 0; h < queue.length && !parent.has(to); h++) {
    const u = queue[h]!
    for (const v of device.neighbors[u]!) {
      if (fixed[v] === 0 && !parent.has(v)) {
        parent.set(v, u)
        queue.push(v)
      }
    }
  }
  const path = [to]
  while (path[0] !== from) path.unshift(parent.get(path[0]!)!)
  return path
}
