import type { DagOpNode } from '../dag/dag-node.js'
import type { Layout } from '../layout/layout.js'
import { TranspilerError } from '../transpiler-error.js'

/**
 * The declared keys of a {@link PropertySet} and the type of each value: the typed
 * replacement for Qiskit's string-keyed `property_set`. Passes of other modules (or other
 * packages) add their keys by interface merging:
 *
 * ```ts
 * declare module '@qfabric/core/transpiler' {
 *   interface PropertySetTypes {
 *     myAnalysisResult: number
 *   }
 * }
 * ```
 */
export interface PropertySetTypes {
  /**
   * The initial layout: circuit (virtual) qubit index → physical qubit. Set by the layout
   * passes; after ancilla allocation it covers every physical qubit (ancillas get virtual
   * indices from the input circuit's width up).
   */
  layout: Layout
  /**
   * The permutation routing caused: output-circuit qubit `p` (its position at the start) →
   * its position at the end (Qiskit's `final_layout`). Absent when no pass permuted qubits.
   */
  finalLayout: Layout
  /** Whether every 2-qubit operation sits on a coupling edge (`CheckMap`). */
  isSwapMapped: boolean
  /** Whether every 2-qubit operation is in a direction the target supports (`CheckGateDirection`). */
  isDirectionMapped: boolean
  /** Why `VF2Layout` stopped. */
  vf2LayoutStopReason: 'solution-found' | 'no-solution-found' | 'more-than-2q' | 'call-limit'
  /** Why `SabreLayout` stopped, and how many swaps its best trial used. */
  sabreLayoutSwaps: number
  /** The number of swaps the last routing pass inserted. */
  routingSwaps: number
  /** The circuit depth, as last measured (`Depth`). */
  depth: number
  /** The circuit size, as last measured (`Size`). */
  size: number
  /** Blocks of gates on at most two qubits to resynthesise (`Collect2qBlocks`). */
  blockList: readonly (readonly DagOpNode[])[]
  /** Start time of each operation node, by node id, in `dt` (scheduling passes). */
  nodeStartTime: ReadonlyMap<number, number>
}

/** A declared key of the property set. */
export type PropertyKey = Extract<keyof PropertySetTypes, string>

/**
 * The typed state passes share during one pass-manager run: analysis passes write results
 * under declared keys ({@link PropertySetTypes}), later passes and flow-controller conditions
 * read them.
 *
 * @example
 * ```ts
 * const ps = new PropertySet()
 * ps.set('depth', 12)
 * ps.get('depth')  // 12, typed number | undefined
 * ps.get('layout') // Layout | undefined
 * ```
 */
export class PropertySet {
  readonly #values = new Map<string, unknown>()

  /**
   * The value under a key.
   *
   * @param key - a declared key
   * @returns the value, or `undefined` if not set
   */
  get<TKey extends PropertyKey>(key: TKey): PropertySetTypes[TKey] | undefined {
    return this.#values.get(key) as PropertySetTypes[TKey] | undefined
  }

  /**
   * The value under a key, which a pass needs.
   *
   * @param key - a declared key
   * @param requiredBy - the name of the pass that needs it, for the message
   * @returns the value
   * @throws TranspilerError `transpiler.failed` if the key is not set
   */
  require<TKey extends PropertyKey>(key: TKey, requiredBy: string): PropertySetTypes[TKey] {
    if (!this.#values.has(key)) {
      throw new TranspilerError(
        'transpiler.failed',
        `${requiredBy} needs the property '${key}', which no earlier pass set`,
      )
    }
    return this.#values.get(key) as PropertySetTypes[TKey]
  }

  /**
   * Sets a value.
   *
   * @param key - a declared key
   * @param value - its value
   */
  set<TKey extends PropertyKey>(key: TKey, value: PropertySetTypes[TKey]): void {
    this.#values.set(key, value)
  }

  /** Whether a key is set. */
  has(key: PropertyKey): boolean {
    return this.#values.has(key)
  }

  /** Removes a key. @returns whether it was set */
  delete(key: PropertyKey): boolean {
    return this.#values.delete(key)
  }

  /** The keys that are set, in the order first set. */
  keys(): PropertyKey[] {
    return [...this.#values.keys()] as PropertyKey[]
  }

  /** A shallow copy. */
  copy(): PropertySet {
    const out = new PropertySet()
    for (const [k, v] of this.#values) out.#values.set(k, v)
    return out
  }
}
