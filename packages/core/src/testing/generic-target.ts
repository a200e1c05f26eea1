import type { Operation } from '../circuit/instruction.js'
import { SeededRng } from '../internal/seeded-rng.js'
import { CouplingMap } from '../target/coupling-map.js'
import { InstructionProperties } from '../target/instruction-properties.js'
import { QubitProperties } from '../target/qubit-properties.js'
import {
  controlFlowMapping,
  standardInstructionMapping,
} from '../target/standard-instruction-mapping.js'
import { Target } from '../target/target.js'
import { nameMappingEntries, type NameMapping } from '../target/target-operation.js'

/** Qiskit's `GenericBackendV2` default basis. */
export const GENERIC_DEFAULT_BASIS = Object.freeze(['cx', 'id', 'rz', 'sx', 'x'])

/** The instructions every generic target has, whatever the basis. */
export const GENERIC_ALWAYS_PRESENT = Object.freeze(['reset', 'delay', 'measure'])

/**
 * Duration (s) and error ranges each instruction's properties are drawn from, uniformly, per
 * qubit or per coupling edge: `[minDuration, maxDuration, minError, maxError]`, or a fixed
 * `[duration, error]` (`null` = unknown). Values of Qiskit's `GenericBackendV2`, extracted there
 * from historical IBM device data.
 */
export const GENERIC_NOISE_DEFAULTS: Readonly<
  Record<
    string,
    readonly [number, number, number, number] | readonly [number | null, number | null]
  >
> = Object.freeze({
  cx: [1e-8, 9e-7, 1e-5, 5e-3],
  ecr: [1e-8, 9e-7, 1e-5, 5e-3],
  cz: [1e-8, 9e-7, 1e-5, 5e-3],
  id: [3e-8, 4e-8, 9e-5, 1e-4],
  rz: [0, 0],
  sx: [1e-8, 9e-7, 1e-5, 5e-3],
  x: [1e-8, 9e-7, 1e-5, 5e-3],
  measure: [1e-8, 9e-7, 1e-5, 5e-3],
  delay: [null, null],
  reset: [null, null],
})

/** The range for instructions not in {@link GENERIC_NOISE_DEFAULTS}. */
export const GENERIC_NOISE_FALLBACK = Object.freeze([1e-8, 9e-7, 1e-5, 5e-3] as const)

/** Qubit property ranges (seconds, hertz) and `dt`, as Qiskit's `GenericBackendV2`. */
export const GENERIC_QUBIT_RANGES = Object.freeze({
  dt: 0.222e-9,
  t1: [100e-6, 200e-6],
  t2: [100e-6, 200e-6],
  frequency: [5e9, 5.5e9],
} as const)

/** What a generic target is built from. */
export interface GenericTargetOptions {
  /** The number of qubits (at least 1). */
  readonly numQubits: number
  /**
   * Instruction names: standard gate names, or names in `customGates`. `reset`, `delay` and
   * `measure` are always added. Default `['cx', 'id', 'rz', 'sx', 'x']`.
   */
  readonly basisGates?: readonly string[] | undefined
  /** Operations for non-standard basis names (a custom native gate); 1- or 2-qubit. */
  readonly customGates?: NameMapping | undefined
  /** The connectivity (its size must be `numQubits`); default: every ordered pair. */
  readonly couplingMap?: CouplingMap | readonly (readonly [number, number])[] | undefined
  /** Add the control-flow instructions (`if_else`, `while_loop`, `for_loop`, `box`) globally. */
  readonly controlFlow?: boolean | undefined
  /** The seed of every drawn property (default 0): the same seed gives the same target. */
  readonly seed?: number | undefined
  /** Draw errors and durations (default true); `false` leaves them unknown. */
  readonly noiseInfo?: boolean | undefined
}

/**
 * Builds the target of a generic device (Qiskit's `GenericBackendV2._build_generic_target`): T1,
 * T2 and frequency per qubit, then each basis instruction on every qubit (1-qubit) or every
 * coupling edge (2-qubit) with a duration and an error drawn uniformly from
 * {@link GENERIC_NOISE_DEFAULTS}, all from one seeded generator. `dt` is 0.222 ns and all qubits
 * are measured together. The target is frozen.
 *
 * @param options - qubits, basis, coupling, control flow, seed
 * @returns the target
 * @throws RangeError for a qubit count below 1, a coupling map of the wrong size, or a basis gate
 *   on more than 2 qubits
 * @throws TypeError for a basis name that is neither standard nor in `customGates`
 */
export function createGenericTarget(options: GenericTargetOptions): Target {
  const n = options.numQubits
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`numQubits must be a positive integer, got ${n}`)
  const coupling = toCouplingMap(options.couplingMap, n)
  const rng = new SeededRng(options.seed ?? 0)
  const ranges = GENERIC_QUBIT_RANGES
  const target = new Target({
    description: `Generic Target with ${n} qubits`,
    numQubits: n,
    dt: ranges.dt,
    qubitProperties: Array.from(
      { length: n },
      () =>
        new QubitProperties({
          t1: rng.uniform(ranges.t1[0], ranges.t1[1]),
          t2: rng.uniform(ranges.t2[0], ranges.t2[1]),
          frequency: rng.uniform(ranges.frequency[0], ranges.frequency[1]),
        }),
    ),
    concurrentMeasurements: [Array.from({ length: n }, (_, q) => q)],
  })
  const operations = resolveOperations(options)
  const edges = coupling.getEdges()
  for (const [name, op] of operations) {
    if (op.numQubits > 2)
      throw new RangeError(
        `basis gate ${name} acts on ${op.numQubits} qubits; at most 2 are supported`,
      )
    const qargsList: readonly (readonly number[])[] =
      op.numQubits === 2 ? edges : Array.from({ length: n }, (_, q) => [q])
    target.addInstruction(
      op,
      qargsList.map(
        (qargs) => [qargs, drawProperties(name, rng, options.noiseInfo ?? true)] as const,
      ),
      name,
    )
  }
  if (options.controlFlow === true) {
    for (const [name, cls] of controlFlowMapping()) target.addInstruction(cls, undefined, name)
  }
  return target.freeze()
}

function toCouplingMap(given: GenericTargetOptions['couplingMap'], n: number): CouplingMap {
  if (given === undefined) return CouplingMap.fromFull(n)
  const map = given instanceof CouplingMap ? given : new CouplingMap(given)
  if (map.size() !== n) {
    throw new RangeError(
      `The number of qubits (got ${n}) must match the size of the coupling map (got ${map.size()}).`,
    )
  }
  return map
}

function resolveOperations(options: GenericTargetOptions): [string, Operation][] {
  const known = new Map<string, unknown>(standardInstructionMapping())
  for (const [name, op] of nameMappingEntries(options.customGates)) known.set(name, op)
  const names = [...(options.basisGates ?? GENERIC_DEFAULT_BASIS)]
  for (const name of GENERIC_ALWAYS_PRESENT) if (!names.includes(name)) names.push(name)
  return names.map((name) => {
    const op = known.get(name)
    if (op === undefined || typeof op === 'function') {
      throw new TypeError(
        `Provided basis gate ${name} is not a standard instruction nor a custom gate.`,
      )
    }
    return [name, op as Operation]
  })
}

function drawProperties(name: string, rng: SeededRng, noiseInfo: boolean): InstructionProperties {
  const spec = GENERIC_NOISE_DEFAULTS[name] ?? GENERIC_NOISE_FALLBACK
  if (!noiseInfo) return new InstructionProperties()
  if (spec.length === 2) return new InstructionProperties({ duration: spec[0], error: spec[1] })
  const duration = rng.uniform(spec[0], spec[1])
  const error = rng.uniform(spec[2], spec[3])
  return new InstructionProperties({ duration, error })
}
