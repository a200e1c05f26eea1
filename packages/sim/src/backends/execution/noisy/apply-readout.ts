/**
 * Readout errors of terminal measurements, applied to sampled outcomes: each shot's bit in the
 * measured clbit is replaced by a draw from the error's row for the value actually measured.
 */
import type { Rng } from '../../../engine/random/seeded-rng.js'
import type { ReadoutError } from '../../../noise/readout-error.js'
import type { NoisyStep } from './noisy-step.js'

/** A terminal measurement's clbit and readout error. */
export interface TerminalReadout {
  readonly clbit: number
  readonly error: ReadoutError
}

/**
 * The non-ideal readout errors of the terminal measurements, in program order.
 *
 * @param steps - marked steps (top level)
 * @returns the clbits to post-process
 */
export function terminalReadouts(steps: readonly NoisyStep[]): TerminalReadout[] {
  const out: TerminalReadout[] = []
  for (const step of steps) {
    if (step.kind === 'measure' && step.isTerminal && step.readout?.isIdeal() === false) {
      out.push({ clbit: step.clbit, error: step.readout })
    }
  }
  return out
}

/**
 * Applies readout errors to per-shot outcomes, in place.
 *
 * @param outcomes - hex outcomes (`'0x5'`, clbit 0 least significant), one per shot
 * @param readouts - the clbits and their errors
 * @param rng - one uniform draw per shot and readout
 * @returns `outcomes`
 */
export function applyReadout(
  outcomes: string[],
  readouts: readonly TerminalReadout[],
  rng: Rng,
): string[] {
  if (readouts.length === 0) return outcomes
  const flip = readoutFlipper(readouts, rng)
  for (let s = 0; s < outcomes.length; s++) outcomes[s] = flip(outcomes[s]!)
  return outcomes
}

/**
 * Applies readout errors to counts, shot by shot.
 *
 * @param counts - hex outcome → shots
 * @param readouts - the clbits and their errors
 * @param rng - one uniform draw per shot and readout
 * @returns new counts
 */
export function applyReadoutToCounts(
  counts: Readonly<Record<string, number>>,
  readouts: readonly TerminalReadout[],
  rng: Rng,
): Record<string, number> {
  if (readouts.length === 0) return { ...counts }
  const flip = readoutFlipper(readouts, rng)
  const out: Record<string, number> = {}
  for (const [outcome, shots] of Object.entries(counts)) {
    for (let s = 0; s < shots; s++) {
      const reported = flip(outcome)
      out[reported] = (out[reported] ?? 0) + 1
    }
  }
  return out
}

/** A function reporting one shot's outcome through the readout errors. */
function readoutFlipper(
  readouts: readonly TerminalReadout[],
  rng: Rng,
): (outcome: string) => string {
  const masks = readouts.map((r) => 1n << BigInt(r.clbit))
  return (outcome) => {
    let value = BigInt(outcome)
    readouts.forEach((r, i) => {
      const mask = masks[i]!
      const measured = (value & mask) === 0n ? 0 : 1
      const reported = r.error.sample(measured, rng.nextDouble())
      if (reported !== measured) value ^= mask
    })
    return `0x${value.toString(16)}`
  }
}

/**
 * Counts hex outcomes.
 *
 * @param outcomes - one hex outcome per shot
 * @returns outcome → shots
 */
export function countOutcomes(outcomes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1
  return counts
}
