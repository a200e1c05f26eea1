import type { Qubit } from '../../circuit/bit.js'
import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import { Layout } from './layout.js'

/** The fields of a {@link TranspileLayout}. */
export interface TranspileLayoutInit {
  /**
   * Virtual qubit → physical qubit at the start of the output circuit. Virtual qubits
   * `0 … inputQubits.length−1` are the input circuit's qubits; higher ones are ancillas.
   */
  readonly initialLayout: Layout
  /** The input circuit's qubits, in order (virtual qubit `i` is `inputQubits[i]`). */
  readonly inputQubits: readonly Qubit[]
  /**
   * Output qubit `p` (its position at the start) → its position at the end, when routing
   * permuted qubits.
   */
  readonly finalLayout?: Layout | undefined
  /** The output circuit's qubit count. */
  readonly outputQubitCount: number
}

/**
 * How a transpiled circuit's qubits relate to its input's (Qiskit's `TranspileLayout`). The
 * transpiler preserves the unitary up to two permutations: the initial layout (input qubit `v`
 * starts on physical qubit `initialIndexLayout()[v]`) and the routing permutation (the state on
 * physical qubit `p` at the start ends on `routingPermutation()[p]`). Together: input qubit `v`
 * ends on `finalIndexLayout()[v]`.
 *
 * @example
 * ```ts
 * const out = transpile(circuit, { target })
 * const layout = getTranspileLayout(out)
 * layout?.initialIndexLayout()  // [2, 1, 0]
 * layout?.routingPermutation()  // [1, 0, 2]
 * layout?.finalIndexLayout()    // [2, 0, 1]
 * ```
 */
export class TranspileLayout {
  /** Virtual → physical at the start (ancillas included). */
  readonly initialLayout: Layout
  /** Input circuit qubit → its index (virtual qubit). */
  readonly inputQubitMapping: ReadonlyMap<Qubit, number>
  /** The permutation routing caused (output position at start → at end), if any. */
  readonly finalLayout: Layout | undefined
  /** The input circuit's qubit count. */
  readonly inputQubitCount: number
  /** The output circuit's qubit count. */
  readonly outputQubitCount: number

  /** @param init - the layouts and qubit counts */
  constructor(init: TranspileLayoutInit) {
    this.initialLayout = init.initialLayout
    this.inputQubitMapping = new Map(init.inputQubits.map((q, i) => [q, i]))
    this.finalLayout = init.finalLayout
    this.inputQubitCount = init.inputQubits.length
    this.outputQubitCount = init.outputQubitCount
    Object.freeze(this)
  }

  /**
   * The physical qubit each virtual qubit starts on (Qiskit's `initial_index_layout`).
   *
   * @param options - `filterAncillas` (default `false`): only the input circuit's qubits
   * @returns `out[v]` = physical qubit of virtual qubit `v`
   */
  initialIndexLayout(options: { readonly filterAncillas?: boolean | undefined } = {}): number[] {
    const all = this.initialLayout.virtualQubits()
    const virtuals =
      (options.filterAncillas ?? false) ? all.filter((v) => v < this.inputQubitCount) : all
    return virtuals.map((v) => this.initialLayout.physical(v)!)
  }

  /**
   * The initial layout restricted to the input circuit's qubits (or not), as a layout.
   *
   * @param options - `filterAncillas` (default `false`)
   * @returns virtual → physical
   */
  initialVirtualLayout(options: { readonly filterAncillas?: boolean | undefined } = {}): Layout {
    return Layout.fromArray(this.initialIndexLayout(options))
  }

  /**
   * Where routing moved the state on each output qubit (Qiskit's `routing_permutation`).
   *
   * @returns `out[p]` = position at the end of the qubit that starts at `p` (identity if none)
   */
  routingPermutation(): number[] {
    return Array.from(
      { length: this.outputQubitCount },
      (_, p) => this.finalLayout?.physical(p) ?? p,
    )
  }

  /**
   * The physical qubit each virtual qubit ends on (Qiskit's `final_index_layout`).
   *
   * @param options - `filterAncillas` (default `true`): only the input circuit's qubits
   * @returns `out[v]` = final physical qubit of virtual qubit `v`
   */
  finalIndexLayout(options: { readonly filterAncillas?: boolean | undefined } = {}): number[] {
    const permutation = this.routingPermutation()
    return this.initialIndexLayout({ filterAncillas: options.filterAncillas ?? true }).map(
      (p) => permutation[p] ?? p,
    )
  }
}

const LAYOUTS = new WeakMap<QuantumCircuit, TranspileLayout>()

/**
 * The layout a pass manager attached to its output circuit, if any. The circuit model has no
 * layout field, so it lives in a side table keyed by the circuit object: copies of the circuit
 * (`copy()`, `compose`, JSON) do not carry it.
 *
 * @param circuit - a circuit
 * @returns its layout, or `undefined`
 */
export function getTranspileLayout(circuit: QuantumCircuit): TranspileLayout | undefined {
  return LAYOUTS.get(circuit)
}

/**
 * Attaches (or with `undefined`, removes) a circuit's layout.
 *
 * @param circuit - a circuit
 * @param layout - its layout
 */
export function setTranspileLayout(
  circuit: QuantumCircuit,
  layout: TranspileLayout | undefined,
): void {
  if (layout === undefined) LAYOUTS.delete(circuit)
  else LAYOUTS.set(circuit, layout)
}
