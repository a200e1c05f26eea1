/**
 * Samples terminal measurements from one stabilizer state: the Z-basis distribution is derived
 * once (an affine subspace), projected onto the clbits, and each shot is the offset plus a
 * random combination of the directions — O(k · clbits / 32) per shot.
 */
import { wordsFor } from './bit-words.js'
import type { OutcomeTally } from './outcome-tally.js'
import type { Pacer } from './pacer.js'
import type { StabilizerTableau } from './stabilizer-tableau.js'
import type { RandomBits } from './tableau-measure.js'
import type { MeasureTarget } from './terminal-tail.js'
import { zBasisDistribution } from './z-basis-distribution.js'

/** What {@link sampleTerminal} needs besides the state. */
export interface TerminalSampling {
  readonly measures: readonly MeasureTarget[]
  readonly numClbits: number
  readonly shots: number
  readonly rng: RandomBits
  readonly tally: OutcomeTally
  readonly pacer?: Pacer | undefined
  /** The clbits before the measurements, clbit c at bit c (default all 0). */
  readonly initial?: Uint32Array | undefined
}

/** Shots sampled between cancellation checks. */
const SHOT_CHUNK = 1024

/**
 * Records `shots` outcomes of measuring `measures` on `t` (a later measurement into the same
 * clbit wins; other clbits keep their `initial` values).
 *
 * @param t - the final state (not modified)
 * @param sampling - measurements, sizes, randomness, where to record, cancellation
 * @returns when every shot is recorded
 * @throws the signal's reason when aborted
 */
export async function sampleTerminal(
  t: StabilizerTableau,
  sampling: TerminalSampling,
): Promise<void> {
  const { measures, numClbits, shots, rng, tally, pacer } = sampling
  const initial = sampling.initial ?? new Uint32Array(wordsFor(numClbits))
  if (shots === 0) return
  if (measures.length === 0) {
    tally.addWords(initial, shots)
    return
  }
  const project = projector(measures, { numClbits, initial })
  const distribution = await zBasisDistribution(t, pacer)
  const offset = project(distribution.offset, true)
  const basis = distribution.basis
    .map((v) => project(v, false))
    .filter((v) => v.some((w) => w !== 0))
  if (basis.length === 0) {
    tally.addWords(offset, shots)
    return
  }
  const out = new Uint32Array(offset.length)
  for (let shot = 0; shot < shots; shot++) {
    out.set(offset)
    let bits = 0
    for (let i = 0; i < basis.length; i++) {
      if ((i & 31) === 0) bits = rng.nextUint32()
      if (((bits >>> (i & 31)) & 1) === 0) continue
      const v = basis[i]!
      for (let w = 0; w < out.length; w++) out[w]! ^= v[w]!
    }
    tally.addWords(out)
    if (shot % SHOT_CHUNK === SHOT_CHUNK - 1) await pacer?.tick()
  }
}

/**
 * Maps qubit bit vectors to clbit bit vectors: clbit c reads the qubit last measured into it;
 * with `keepInitial`, unmeasured clbits take their initial values (for the offset only —
 * directions leave them alone).
 */
function projector(
  measures: readonly MeasureTarget[],
  clbits: { readonly numClbits: number; readonly initial: Uint32Array },
): (v: Uint32Array, keepInitial: boolean) => Uint32Array {
  const { numClbits, initial } = clbits
  const qubitOf = new Int32Array(numClbits).fill(-1)
  for (const m of measures) qubitOf[m.clbit] = m.qubit
  return (v, keepInitial) => {
    const out = new Uint32Array(initial.length)
    for (let c = 0; c < numClbits; c++) {
      const q = qubitOf[c]!
      const bit =
        q >= 0
          ? (v[q >>> 5]! >>> (q & 31)) & 1
          : keepInitial
            ? (initial[c >>> 5]! >>> (c & 31)) & 1
            : 0
      if (bit === 1) out[c >>> 5]! |= 1 << (c & 31)
    }
    return out
  }
}
