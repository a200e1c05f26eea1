import type { SeededRng } from '../../internal/seeded-rng.js'
import type { DeviceGraph } from './device-graph.js'
import type { InteractionGraph } from './interaction-graph.js'

/** What {@link startingLayouts} draws from. @internal */
export interface StartingLayoutOptions {
  readonly graph: InteractionGraph
  readonly device: DeviceGraph
  /** The device component of each circuit qubit, on a disconnected device. */
  readonly components: Int32Array | undefined
  /** A dense placement of the circuit qubits, if one exists. */
  readonly dense: readonly number[] | undefined
  /** How many layouts. */
  readonly trials: number
  readonly rng: SeededRng
}

/**
 * Starting layouts for Sabre layout trials: the trivial layout (if its interactions are all
 * connected), the dense one, then seeded random ones, each over every device qubit (virtual
 * qubits from the circuit's width up are ancillas). On a disconnected device, every circuit
 * qubit stays in its assigned component.
 *
 * @returns `trials` layouts, virtual → physical
 * @internal
 */
export function startingLayouts(options: StartingLayoutOptions): Int32Array[] {
  const { graph, device, rng } = options
  const out: Int32Array[] = []
  const trivial = Array.from({ length: graph.numQubits }, (_, v) => v)
  const connected = (placement: readonly number[]): boolean =>
    [...graph.edges.keys()].every((key) => {
      const a = Math.floor(key / graph.numQubits)
      const b = key % graph.numQubits
      return device.dist(placement[a]!, placement[b]!) !== Infinity
    })
  for (const placement of [trivial, options.dense]) {
    if (out.length < options.trials && placement !== undefined && connected(placement)) {
      out.push(withAncillas(placement, device.numQubits))
    }
  }
  while (out.length < options.trials) out.push(randomLayout(options, rng))
  return out
}

function randomLayout(options: StartingLayoutOptions, rng: SeededRng): Int32Array {
  const { graph, device, components } = options
  const pools = (components === undefined ? [device.components.flat()] : device.components).map(
    (c) => shuffle([...c], rng),
  )
  const placement = Array.from({ length: graph.numQubits }, (_, v) =>
    pools[components === undefined ? 0 : components[v]!]!.pop()!,
  )
  // Ancillas take the rest, in random order too.
  const rest = shuffle(pools.flat(), rng)
  return Int32Array.from([...placement, ...rest])
}

function withAncillas(placement: readonly number[], n: number): Int32Array {
  const used = new Set(placement)
  const rest: number[] = []
  for (let p = 0; p < n; p++) if (!used.has(p)) rest.push(p)
  return Int32Array.from([...placement, ...rest])
}

function shuffle<TItem>(items: TItem[], rng: SeededRng): TItem[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}
