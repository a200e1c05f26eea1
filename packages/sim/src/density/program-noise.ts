/**
 * Noise for programs given as `SimProgram`s rather than circuits: their gates carry no names, so
 * only the model's `measure` and `reset` errors (and its readout errors, applied when sampling)
 * can be placed.
 */
import { NOISE_BEFORE_INSTRUCTIONS, type NoiseModel } from '../noise/noise-model.js'
import type { DensityOp, DensityProgram } from './density-program.js'
import { channelOp } from './superoperator.js'

/**
 * `program` with the model's `measure` and `reset` errors inserted.
 *
 * @param program - a program
 * @param model - the noise model
 * @returns a new program (the input when the model adds nothing)
 * @throws NoiseError `sim.noise.qubit-mismatch` for a multi-qubit all-qubit `measure` error
 */
export function addProgramNoise(program: DensityProgram, model: NoiseModel): DensityProgram {
  if (!model.hasQuantumErrors()) return program
  return { ...program, ops: withNoise(program.ops, model) }
}

function withNoise(ops: readonly DensityOp[], model: NoiseModel): DensityOp[] {
  return ops.flatMap((op): DensityOp[] => {
    switch (op.kind) {
      case 'measure':
      case 'reset': {
        const errors = model.errorsFor(op.kind, [op.qubit]).map((e) => channelOp(e, [op.qubit]))
        return NOISE_BEFORE_INSTRUCTIONS.has(op.kind) ? [...errors, op] : [op, ...errors]
      }
      case 'conditional':
        return [{ ...op, then: withNoise(op.then, model), else: withNoise(op.else, model) }]
      case 'while':
        return [{ ...op, body: withNoise(op.body, model) }]
      case 'matrix':
      case 'diagonal':
      case 'permutation':
      case 'controlled':
      case 'global-phase':
      case 'channel':
        return [op]
    }
  })
}
