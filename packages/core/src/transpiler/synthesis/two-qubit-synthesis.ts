import { Gate } from '../../circuit/gate.js'
import type { Instruction } from '../../circuit/instruction.js'
import { standardGate } from '../../circuit/library/standard-gates.js'
import { ComplexMatrix } from '../../math/complex-matrix.js'
import type { EulerBasis } from '../../math/euler-angles.js'
import { TwoQubitBasisDecomposer } from '../../math/two-qubit-basis-decomposer.js'
import { isOperationClass } from '../../target/target-operation.js'
import { eulerBasesFor } from './one-qubit-synthesis.js'
import { gateFromSpec, type SequenceGate } from './sequence-dag.js'
import type { TargetView } from './target-view.js'

/** A two-qubit synthesis: gates on qubits 0 and 1 of the pair, and a global phase. */
export interface TwoQubitResult {
  readonly gates: readonly SequenceGate[]
  readonly globalPhase: number
  /** The number of two-qubit basis gates used. */
  readonly numBasisGates: number
}

/** One way to synthesise on a pair: a decomposer, its gate, and whether it runs reversed. */
interface Candidate {
  readonly decomposer: TwoQubitBasisDecomposer
  readonly gate: Instruction
  /** The basis gate exists only as (q1, q0): synthesise the swapped unitary, swap the qubits. */
  readonly flipped: boolean
  readonly error: number
}

/** The Euler bases preferred for the 1-qubit layers, best first. */
const PREFERRED_BASES: readonly EulerBasis[] = [
  'ZSXX',
  'ZSX',
  'U',
  'U3',
  'PSX',
  'ZYZ',
  'ZXZ',
  'XZX',
  'XYX',
  'U321',
  'RR',
  'U1X',
]

/**
 * Synthesises two-qubit unitaries into a target's instructions (the two-qubit half of Qiskit's
 * `UnitarySynthesis` default plugin): KAK synthesis with `TwoQubitBasisDecomposer` over each
 * two-qubit instruction the pair has that is locally equivalent to CX (`cx`, `cz`, `ecr`, or a
 * custom gate with a known matrix), in the direction the target supports, with the pair's
 * 1-qubit basis between them. The candidate with the lowest two-qubit error wins.
 */
export class TwoQubitSynthesizer {
  readonly #view: TargetView
  readonly #candidates = new Map<string, readonly Candidate[]>()
  readonly #decomposers = new Map<string, TwoQubitBasisDecomposer | null>()

  /** @param view - the target view */
  constructor(view: TargetView) {
    this.#view = view
  }

  /**
   * Whether some instruction can synthesise on the pair.
   *
   * @param qargs - the physical pair, or `undefined` for any pair
   */
  canSynthesize(qargs: readonly number[] | undefined): boolean {
    return this.#candidatesOn(qargs).length > 0
  }

  /**
   * The fewest basis gates a unitary needs on the pair.
   *
   * @param u - a 4×4 unitary on (qargs[0], qargs[1]), little-endian
   * @param qargs - the physical pair, or `undefined`
   * @returns 0–3, or `undefined` when the pair has no usable two-qubit instruction
   */
  numBasisGates(u: ComplexMatrix, qargs: readonly number[] | undefined): number | undefined {
    const first = this.#candidatesOn(qargs)[0]
    return first?.decomposer.numBasisGates(u)
  }

  /**
   * Synthesises a unitary on the pair.
   *
   * @param u - a 4×4 unitary on (qargs[0], qargs[1]), little-endian
   * @param qargs - the physical pair, or `undefined`
   * @returns the gates (qubit 0 is `qargs[0]`), or `undefined` when the pair has no usable
   *   two-qubit instruction
   */
  synthesize(u: ComplexMatrix, qargs: readonly number[] | undefined): TwoQubitResult | undefined {
    const best = this.#candidatesOn(qargs)[0]
    if (best === undefined) return undefined
    const target = best.flipped ? swapConjugate(u) : u
    const synthesis = best.decomposer.decompose(target)
    const map = (q: number): number => (best.flipped ? 1 - q : q)
    const gates = synthesis.gates.map((g) => ({
      operation: g.qubits.length === 2 ? best.gate : gateFromSpec(g),
      qubits: g.qubits.map(map),
    }))
    return { gates, globalPhase: synthesis.globalPhase, numBasisGates: synthesis.numBasisGates }
  }

  #candidatesOn(qargs: readonly number[] | undefined): readonly Candidate[] {
    const key = qargs === undefined ? '*' : qargs.join(',')
    let list = this.#candidates.get(key)
    if (list === undefined) {
      list = this.#findCandidates(qargs)
      this.#candidates.set(key, list)
    }
    return list
  }

  #findCandidates(qargs: readonly number[] | undefined): Candidate[] {
    const view = this.#view
    if (view.isUnconstrained) {
      const d = this.#decomposer('cx', standardGate('cx'), 'U')
      return d === undefined
        ? []
        : [{ decomposer: d, gate: standardGate('cx'), flipped: false, error: 0 }]
    }
    const euler = this.#eulerBasis(qargs)
    if (euler === undefined) return []
    const out: Candidate[] = []
    const orders: [readonly number[] | undefined, boolean][] =
      qargs === undefined
        ? [[undefined, false]]
        : [
            [qargs, false],
            [[qargs[1]!, qargs[0]!], true],
          ]
    for (const [pair, flipped] of orders) {
      for (const name of view.namesOn(pair)) {
        const gate = this.#twoQubitGate(name)
        if (gate === undefined) continue
        const decomposer = this.#decomposer(name, gate, euler)
        if (decomposer === undefined) continue
        out.push({ decomposer, gate, flipped, error: view.error(name, pair) ?? 0 })
      }
    }
    return out.sort((a, b) => a.error - b.error || Number(a.flipped) - Number(b.flipped))
  }

  /** A fixed two-qubit gate of the target under `name`, or `undefined`. */
  #twoQubitGate(name: string): Gate | undefined {
    const target = this.#view.target
    if (target === undefined) return undefined
    const op = target.operationFromName(name)
    if (isOperationClass(op) || !(op instanceof Gate) || op.numQubits !== 2) return undefined
    if (op.isParameterized()) return undefined
    return op
  }

  #eulerBasis(qargs: readonly number[] | undefined): EulerBasis | undefined {
    const view = this.#view
    const sets =
      qargs === undefined ? [view.namesOn(undefined)] : qargs.map((q) => view.namesOn([q]))
    const common = new Set([...sets[0]!].filter((n) => sets.every((s) => s.has(n))))
    const available = new Set(eulerBasesFor(common))
    return PREFERRED_BASES.find((b) => available.has(b))
  }

  #decomposer(name: string, gate: Gate, euler: EulerBasis): TwoQubitBasisDecomposer | undefined {
    const key = `${name}|${euler}`
    let d = this.#decomposers.get(key)
    if (d === undefined) {
      try {
        d = new TwoQubitBasisDecomposer({ name, matrix: gate.toMatrix() }, { eulerBasis: euler })
      } catch {
        // Not locally equivalent to CX, or no matrix (an opaque gate): not a synthesis basis.
        d = null
      }
      this.#decomposers.set(key, d)
    }
    return d ?? undefined
  }
}

/** `SWAP·u·SWAP`: the same operator with its two qubits exchanged. */
export function swapConjugate(u: ComplexMatrix): ComplexMatrix {
  const perm = [0, 2, 1, 3]
  const out = new ComplexMatrix(4, 4)
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) out.set(perm[i]!, perm[j]!, u.get(i, j))
  }
  return out
}
