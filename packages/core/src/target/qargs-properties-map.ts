import type { InstructionProperties } from './instruction-properties.js'

/** Physical qubit indices an instruction acts on, in order (`[control, target]` for `cx`). */
export type Qargs = readonly number[]

/** One entry of an instruction: its qargs (`null` = any qubits) and its properties. */
export type QargsEntry = readonly [qargs: Qargs | null, properties: InstructionProperties | null]

/**
 * The key of a qargs tuple in the maps below: `'0,1'`; `null` stands for "any qubits" (a global
 * entry, Qiskit's `None` key).
 *
 * @param qargs - the qargs, or `null`
 * @returns the map key
 */
export function qargsKey(qargs: Qargs | null): string | null {
  return qargs === null ? null : qargs.join(',')
}

/**
 * The properties of one target instruction by qargs (what Qiskit's `target[name]` returns: a
 * `{qargs: InstructionProperties | None}` mapping). A `null` qargs key means the instruction is
 * global: available on any qubits. Read-only; it reflects later
 * `Target.updateInstructionProperties` calls.
 *
 * @example
 * ```ts
 * target.get('cx')?.get([0, 1])?.error
 * for (const [qargs, props] of target.get('cx') ?? []) console.log(qargs, props?.duration)
 * ```
 */
export class QargsPropertiesMap implements Iterable<QargsEntry> {
  readonly #entries: ReadonlyMap<string | null, QargsEntry>

  /** @internal Built by `Target`; the map is the target's own storage. */
  constructor(entries: ReadonlyMap<string | null, QargsEntry>) {
    this.#entries = entries
  }

  /** The number of qargs entries. */
  get size(): number {
    return this.#entries.size
  }

  /**
   * @param qargs - physical qubits, or `null` for the global entry
   * @returns whether the instruction has an entry for exactly these qargs
   */
  has(qargs: Qargs | null): boolean {
    return this.#entries.has(qargsKey(qargs))
  }

  /**
   * @param qargs - physical qubits, or `null` for the global entry
   * @returns the properties (`null` when the entry has none), or `undefined` when there is no
   *   entry for exactly these qargs
   */
  get(qargs: Qargs | null): InstructionProperties | null | undefined {
    return this.#entries.get(qargsKey(qargs))?.[1]
  }

  /** @returns the qargs of every entry (`null` for the global one), in insertion order */
  keys(): readonly (Qargs | null)[] {
    return [...this.#entries.values()].map(([qargs]) => qargs)
  }

  /** @returns the properties of every entry, in insertion order */
  values(): readonly (InstructionProperties | null)[] {
    return [...this.#entries.values()].map(([, props]) => props)
  }

  /** @returns `[qargs, properties]` pairs, in insertion order */
  entries(): readonly QargsEntry[] {
    return [...this.#entries.values()]
  }

  /** Iterates over `[qargs, properties]` pairs, in insertion order. */
  [Symbol.iterator](): Iterator<QargsEntry> {
    return this.#entries.values()
  }
}
