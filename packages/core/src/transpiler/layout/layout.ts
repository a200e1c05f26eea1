import { LayoutError } from '../transpiler-error.js'

/**
 * An injective map from virtual qubits (circuit qubit indices) to physical qubits (device
 * qubit numbers) (Qiskit's `Layout`, over indices). Immutable: edits return new layouts.
 *
 * @example
 * ```ts
 * const layout = Layout.fromArray([2, 0, 1]) // virtual 0 → physical 2, 1 → 0, 2 → 1
 * layout.physical(0)                          // 2
 * layout.virtual(0)                           // 1
 * layout.withSwap(2, 0).toArray()             // [0, 2, 1]
 * ```
 */
export class Layout {
  readonly #v2p: ReadonlyMap<number, number>
  readonly #p2v: ReadonlyMap<number, number>

  /**
   * @param entries - `[virtual, physical]` pairs
   * @throws LayoutError `transpiler.invalid-layout` if an index is not a non-negative integer, or
   *   a virtual or physical qubit appears twice
   */
  constructor(entries: Iterable<readonly [number, number]>) {
    const v2p = new Map<number, number>()
    const p2v = new Map<number, number>()
    for (const [v, p] of entries) {
      checkIndex(v, 'virtual')
      checkIndex(p, 'physical')
      if (v2p.has(v)) throw invalid(`virtual qubit ${v} is mapped twice`)
      if (p2v.has(p)) throw invalid(`physical qubit ${p} is used twice`)
      v2p.set(v, p)
      p2v.set(p, v)
    }
    this.#v2p = v2p
    this.#p2v = p2v
    Object.freeze(this)
  }

  /**
   * The layout that sends virtual qubit `i` to `physical[i]`.
   *
   * @param physical - one physical qubit per virtual qubit
   * @returns the layout
   * @throws LayoutError `transpiler.invalid-layout` for repeated or invalid qubits
   */
  static fromArray(physical: readonly number[]): Layout {
    return new Layout(physical.map((p, v) => [v, p] as const))
  }

  /**
   * The identity layout on `n` qubits.
   *
   * @param n - the number of qubits
   * @returns `0 → 0, …, n−1 → n−1`
   */
  static trivial(n: number): Layout {
    return Layout.fromArray(Array.from({ length: n }, (_, i) => i))
  }

  /** The number of mapped qubits. */
  get size(): number {
    return this.#v2p.size
  }

  /** @returns the physical qubit of a virtual qubit, or `undefined` */
  physical(virtual: number): number | undefined {
    return this.#v2p.get(virtual)
  }

  /** @returns the virtual qubit on a physical qubit, or `undefined` */
  virtual(physical: number): number | undefined {
    return this.#p2v.get(physical)
  }

  /** The mapped virtual qubits, ascending. */
  virtualQubits(): number[] {
    return [...this.#v2p.keys()].sort((a, b) => a - b)
  }

  /** The used physical qubits, ascending. */
  physicalQubits(): number[] {
    return [...this.#p2v.keys()].sort((a, b) => a - b)
  }

  /** The `[virtual, physical]` pairs, by virtual qubit. */
  entries(): [number, number][] {
    return this.virtualQubits().map((v) => [v, this.#v2p.get(v)!])
  }

  /**
   * The physical qubit of each virtual qubit `0 … size−1`.
   *
   * @throws RangeError if the virtual qubits are not exactly `0 … size−1`
   */
  toArray(): number[] {
    const out: number[] = []
    for (let v = 0; v < this.#v2p.size; v++) {
      const p = this.#v2p.get(v)
      if (p === undefined) throw new RangeError(`virtual qubit ${v} is not mapped`)
      out.push(p)
    }
    return out
  }

  /**
   * This layout with the virtual qubits on two physical qubits exchanged (either may be free).
   *
   * @param a - a physical qubit
   * @param b - another physical qubit
   * @returns the new layout
   */
  withSwap(a: number, b: number): Layout {
    const va = this.#p2v.get(a)
    const vb = this.#p2v.get(b)
    const entries = this.entries().filter(([v]) => v !== va && v !== vb)
    if (va !== undefined) entries.push([va, b])
    if (vb !== undefined) entries.push([vb, a])
    return new Layout(entries)
  }

  /**
   * This layout followed by `other`: virtual `v` → `other.physical(this.physical(v))`
   * (Qiskit's `compose` over indices). Qubits `other` does not map are dropped.
   *
   * @param other - a layout whose virtual qubits are this layout's physical qubits
   * @returns the composition
   */
  compose(other: Layout): Layout {
    const out: [number, number][] = []
    for (const [v, p] of this.entries()) {
      const q = other.physical(p)
      if (q !== undefined) out.push([v, q])
    }
    return new Layout(out)
  }

  /** The inverse map, physical → virtual, as a layout. */
  inverse(): Layout {
    return new Layout([...this.#p2v])
  }

  /** Whether both layouts map the same qubits the same way. */
  equals(other: Layout): boolean {
    return this.size === other.size && [...this.#v2p].every(([v, p]) => other.physical(v) === p)
  }

  /** @returns `Layout({0: 2, 1: 0})` */
  toString(): string {
    return `Layout({${this.entries()
      .map(([v, p]) => `${v}: ${p}`)
      .join(', ')}})`
  }
}

function checkIndex(i: number, kind: string): void {
  if (!Number.isInteger(i) || i < 0) {
    throw invalid(`a ${kind} qubit must be a non-negative integer, got ${String(i)}`)
  }
}

function invalid(message: string): LayoutError {
  return new LayoutError('transpiler.invalid-layout', message)
}
