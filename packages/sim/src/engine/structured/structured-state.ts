/**
 * The structured front end's state: a scalar times a tensor product of sparse clusters. Gates act
 * within a cluster; a gate across clusters is first reduced on operands in definite basis states
 * (a satisfied control is dropped, a failed one makes the gate the identity, a diagonal is
 * restricted to the definite value), and only what remains merges clusters. Qubits that end up in
 * a definite basis state are factored out again, so product states stay products (QFT on a basis
 * state) and sparse states stay small (GHZ). Everything is exact: no amplitude is truncated.
 */
import type { TargetOp, UnitaryOp } from '../sim-program.js'
import {
  basisCluster,
  type Cluster,
  definiteBits,
  mergeClusters,
  splitDefinite,
} from './cluster.js'
import { applyLocalOp, type LocalOp } from './local-op.js'

/** What {@link StructuredState.apply} did. */
export type ApplyOutcome =
  /** Applied; the state is within budget. */
  | 'applied'
  /** Applied, but a cluster now exceeds the budget: hand over to the dense engine. */
  | 'applied-over-budget'
  /** Not applied (it would merge past the budget): hand over before this op. */
  | 'rejected'

/** A gate with its controls split off (no controls for plain ops). */
interface ReducedOp {
  readonly controls: readonly number[]
  /** Required value of each control, by position in `controls`. */
  readonly required: readonly number[]
  readonly target: TargetOp
}

/** A scalar times a tensor product of clusters covering every qubit once. */
export class StructuredState {
  /** The width of the register. */
  readonly numQubits: number
  /** Entries a cluster may hold before the dense engine takes over. */
  readonly maxEntries: number
  readonly #clusterOf: Cluster[]
  readonly #definite = new WeakMap<Cluster, { mask: number; values: number }>()
  #scalarRe = 1
  #scalarIm = 0

  /**
   * |0…0⟩ as a product of one-qubit clusters.
   *
   * @param numQubits - the register width
   * @param maxEntries - the largest cluster (in non-zero amplitudes) kept sparse
   */
  constructor(numQubits: number, maxEntries: number) {
    this.numQubits = numQubits
    this.maxEntries = maxEntries
    this.#clusterOf = Array.from({ length: numQubits }, (_, q) => basisCluster(q, 0))
  }

  /** The global scalar factor (global phases and factored-out amplitudes), `[re, im]`. */
  get scalar(): readonly [number, number] {
    return [this.#scalarRe, this.#scalarIm]
  }

  /**
   * The distinct clusters, ordered by their lowest qubit.
   *
   * @returns the factors of the state (without the scalar)
   */
  clusters(): Cluster[] {
    const seen = new Set<Cluster>()
    for (const c of this.#clusterOf) seen.add(c)
    return [...seen]
  }

  /**
   * Applies a unitary op, unless it would merge clusters past the budget.
   *
   * @param op - the op (global qubit indices)
   * @returns whether it was applied, and whether the budget is now exceeded
   */
  apply(op: UnitaryOp): ApplyOutcome {
    if (op.kind === 'global-phase') {
      this.#scale(Math.cos(op.phase), Math.sin(op.phase))
      return 'applied'
    }
    const reduced = this.#reduce(
      op.kind === 'controlled'
        ? {
            controls: op.controls,
            required: op.controls.map((_, i) => (op.controlState >> i) & 1),
            target: op.target,
          }
        : { controls: [], required: [], target: op },
    )
    if (reduced === undefined) return 'applied'
    const operands = [...reduced.controls, ...reduced.target.qubits]
    let cluster = this.#gather(operands)
    if (cluster === undefined) return 'rejected'
    const position = (q: number): number => cluster!.qubits.indexOf(q)
    let controlMask = 0
    let controlValue = 0
    reduced.controls.forEach((q, i) => {
      controlMask |= 1 << position(q)
      controlValue |= reduced.required[i]! << position(q)
    })
    cluster = applyLocalOp(
      cluster,
      toLocal(reduced.target, reduced.target.qubits.map(position), {
        controlMask,
        controlValue,
      }),
    )
    this.#install(cluster)
    return cluster.keys.length > this.maxEntries ? 'applied-over-budget' : 'applied'
  }

  /** The definite value (0 or 1) of `qubit`, or undefined when it is in superposition. */
  #definiteValue(qubit: number): number | undefined {
    const cluster = this.#clusterOf[qubit]!
    let bits = this.#definite.get(cluster)
    if (bits === undefined) {
      bits = definiteBits(cluster)
      this.#definite.set(cluster, bits)
    }
    const j = cluster.qubits.indexOf(qubit)
    return (bits.mask >> j) & 1 ? (bits.values >> j) & 1 : undefined
  }

  /**
   * Drops controls in definite states and restricts diagonals to definite operands.
   *
   * @returns the op left to apply, or undefined when it reduced to the identity or a scalar
   */
  #reduce(op: ReducedOp): ReducedOp | undefined {
    const controls: number[] = []
    const required: number[] = []
    for (let i = 0; i < op.controls.length; i++) {
      const q = op.controls[i]!
      const value = this.#definiteValue(q)
      if (value === undefined) {
        controls.push(q)
        required.push(op.required[i]!)
      } else if (value !== op.required[i]) return undefined
    }
    let target = op.target
    if (target.kind === 'diagonal') {
      const restricted = this.#restrictDiagonal(target.qubits, target.diagonal)
      if (isIdentityDiagonal(restricted.diagonal)) return undefined
      if (restricted.qubits.length === 0 && controls.length === 0) {
        this.#scale(restricted.diagonal[0]!, restricted.diagonal[1]!)
        return undefined
      }
      target = { kind: 'diagonal', qubits: restricted.qubits, diagonal: restricted.diagonal }
    }
    return { controls, required, target }
  }

  /** A diagonal restricted to the definite values of some of its qubits. */
  #restrictDiagonal(
    qubits: readonly number[],
    diagonal: Float64Array,
  ): { qubits: number[]; diagonal: Float64Array } {
    const kept: number[] = []
    const keptQubits: number[] = []
    let fixed = 0
    qubits.forEach((q, j) => {
      const value = this.#definiteValue(q)
      if (value === undefined) {
        kept.push(j)
        keptQubits.push(q)
      } else fixed |= value << j
    })
    if (kept.length === qubits.length) return { qubits: keptQubits, diagonal }
    const d = 1 << kept.length
    const out = new Float64Array(2 * d)
    for (let s = 0; s < d; s++) {
      let index = fixed
      for (let t = 0; t < kept.length; t++) index |= ((s >> t) & 1) << kept[t]!
      out[2 * s] = diagonal[2 * index]!
      out[2 * s + 1] = diagonal[2 * index + 1]!
    }
    return { qubits: keptQubits, diagonal: out }
  }

  /**
   * One cluster holding all of `qubits`: merges their clusters (after factoring definite qubits
   * out of them), or undefined when the merge would exceed the budget.
   */
  #gather(qubits: readonly number[]): Cluster | undefined {
    let distinct = new Set(qubits.map((q) => this.#clusterOf[q]!))
    if (distinct.size === 1) return [...distinct][0]!
    // Definite qubits would only multiply the merge by one, but they would stay in the merged
    // cluster: factor them out first.
    for (const c of distinct) if (c.qubits.length > 1) this.#install(c)
    distinct = new Set(qubits.map((q) => this.#clusterOf[q]!))
    let size = 1
    for (const c of distinct) size *= c.keys.length
    if (size > this.maxEntries) return undefined
    let merged: Cluster | undefined
    for (const c of distinct) merged = merged === undefined ? c : mergeClusters(merged, c)
    return merged
  }

  /** Records `cluster` as the cluster of its qubits, factoring out definite qubits. */
  #install(cluster: Cluster): void {
    const { rest, scalar, singles } = splitDefinite(cluster)
    if (rest !== undefined) for (const q of rest.qubits) this.#clusterOf[q] = rest
    for (const s of singles) this.#clusterOf[s.qubits[0]!] = s
    if (scalar[0] !== 1 || scalar[1] !== 0) this.#scale(scalar[0], scalar[1])
  }

  #scale(re: number, im: number): void {
    const r = this.#scalarRe
    this.#scalarRe = r * re - this.#scalarIm * im
    this.#scalarIm = r * im + this.#scalarIm * re
  }
}

function isIdentityDiagonal(diagonal: Float64Array): boolean {
  for (let j = 0; j < diagonal.length; j += 2)
    if (diagonal[j] !== 1 || diagonal[j + 1] !== 0) return false
  return true
}

function toLocal(
  target: TargetOp,
  positions: readonly number[],
  control: { readonly controlMask: number; readonly controlValue: number },
): LocalOp {
  const base = { positions, ...control }
  switch (target.kind) {
    case 'diagonal':
      return { ...base, kind: 'diagonal', diagonal: target.diagonal }
    case 'permutation':
      return {
        ...base,
        kind: 'permutation',
        permutation: target.permutation,
        phases: target.phases,
      }
    case 'matrix':
      return { ...base, kind: 'matrix', matrix: target.matrix }
  }
}
