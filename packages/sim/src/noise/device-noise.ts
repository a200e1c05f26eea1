/**
 * The errors of a device noise model, derived from a target's calibration the way Qiskit Aer's
 * `NoiseModel.from_backend` (`basic_device_gate_errors`, `basic_device_readout_errors`) does.
 */
import { Gate } from '@qfabric/core/circuit'
import type {
  BackendProperties,
  InstructionProperties,
  QubitProperties,
  Target,
} from '@qfabric/core/target'
import { depolarizingError, maxDepolarizingParameter } from './depolarizing-error.js'
import { NoiseError } from './noise-error.js'
import type { QubitRelaxation } from './noise-model-json.js'
import type { QuantumError } from './quantum-error.js'
import { ReadoutError } from './readout-error.js'
import { thermalRelaxationError } from './thermal-relaxation-error.js'

/** Options of `NoiseModel.fromBackend`. */
export interface FromBackendOptions {
  /** Include depolarizing gate errors (default `true`). */
  readonly gateErrors?: boolean | undefined
  /** Include readout errors (default `true`). */
  readonly readoutErrors?: boolean | undefined
  /** Include thermal relaxation over gate durations and delays (default `true`). */
  readonly thermalRelaxation?: boolean | undefined
  /**
   * The qubit temperature in **kelvin** (SI; Aer takes millikelvin), giving each qubit the
   * excited-state population `1/(1 + e^{h·f/(k_B·T)})` from its frequency (default 0).
   */
  readonly temperature?: number | undefined
  /**
   * The calibration the target came from, if at hand: qubits that report
   * `prob_meas1_prep0`/`prob_meas0_prep1` get those asymmetric readout errors (as the IBM fake
   * backends do) instead of the symmetric `measure` error of the target.
   */
  readonly properties?: BackendProperties | null | undefined
}

/** The parts of the target `fromBackend` reads (a `Target` has them all). */
export type DeviceTarget = Pick<
  Target,
  'operationNames' | 'get' | 'operationFromName' | 'qubitProperties'
>

/** What {@link deviceNoise} derives. @internal */
export interface DeviceNoise {
  readonly basisGates: readonly string[]
  readonly quantum: readonly { name: string; qubits: readonly number[]; error: QuantumError }[]
  readonly readout: readonly { qubits: readonly number[]; error: ReadoutError }[]
  readonly relaxation: readonly (readonly [number, QubitRelaxation])[]
}

/** `h / k_B` in kelvin·seconds (exact SI constants). */
const H_OVER_KB = 6.62607015e-34 / 1.380649e-23

/**
 * The errors of a device (see `NoiseModel.fromBackend`).
 *
 * @internal
 */
export function deviceNoise(
  backend: DeviceTarget | { readonly target: DeviceTarget },
  options: FromBackendOptions,
): DeviceNoise {
  const target = resolveTarget(backend)
  const thermal = options.thermalRelaxation ?? true
  const temperature = options.temperature ?? 0
  const relaxOf = (q: number): QubitRelaxation | undefined =>
    qubitRelaxation(target.qubitProperties?.[q] ?? null, temperature)
  return {
    basisGates: target.operationNames,
    quantum: gateErrors(target, { thermal, depolarizing: options.gateErrors ?? true, relaxOf }),
    readout: options.readoutErrors === false ? [] : readoutErrors(target, options.properties),
    relaxation: thermal ? delayRelaxation(target, relaxOf) : [],
  }
}

function resolveTarget(backend: unknown): DeviceTarget {
  const candidate =
    typeof backend === 'object' && backend !== null && 'target' in backend
      ? backend.target
      : backend
  const t = candidate as Partial<DeviceTarget> | null
  if (
    typeof t !== 'object' ||
    t === null ||
    typeof t.get !== 'function' ||
    typeof t.operationFromName !== 'function' ||
    !Array.isArray(t.operationNames)
  ) {
    throw new NoiseError(
      'sim.noise.invalid-backend',
      'fromBackend needs a Target or a backend with one',
      {
        argument: 'backend',
      },
    )
  }
  return t as DeviceTarget
}

interface GateErrorOptions {
  readonly thermal: boolean
  readonly depolarizing: boolean
  readonly relaxOf: (q: number) => QubitRelaxation | undefined
}

/** Aer's `_basic_device_target_gate_errors`: every instruction but `measure`, per qargs. */
function gateErrors(target: DeviceTarget, options: GateErrorOptions): DeviceNoise['quantum'] {
  const out: { name: string; qubits: readonly number[]; error: QuantumError }[] = []
  for (const name of target.operationNames) {
    const operation = target.operationFromName(name)
    if (name === 'measure' || typeof operation === 'function') continue
    const isGate = operation instanceof Gate
    for (const [qubits, props] of target.get(name)?.entries() ?? []) {
      if (qubits === null || props === null) continue
      const error = instructionError(qubits, props, { ...options, isGate })
      if (error) out.push({ name, qubits, error })
    }
  }
  return out
}

/**
 * Depolarizing (gates only) composed with relaxation over the duration; `undefined` when the
 * instruction is ideal.
 */
function instructionError(
  qubits: readonly number[],
  props: InstructionProperties,
  options: GateErrorOptions & { readonly isGate: boolean },
): QuantumError | undefined {
  const relax =
    options.thermal && props.duration
      ? relaxationError(qubits, props.duration, options.relaxOf)
      : undefined
  const depol =
    options.depolarizing && options.isGate && props.error
      ? deviceDepolarizingError(qubits.length, props.error, relax)
      : undefined
  return depol && relax ? depol.compose(relax) : (depol ?? relax)
}

/**
 * One single-qubit relaxation per qubit, the first qubit lowest (Aer's `expand` chain).
 * Qubits without T1/T2 contribute an identity.
 */
function relaxationError(
  qubits: readonly number[],
  duration: number,
  relaxOf: (q: number) => QubitRelaxation | undefined,
): QuantumError | undefined {
  let error: QuantumError | undefined
  for (const q of qubits) {
    const r = relaxOf(q) ?? { t1: Infinity, t2: Infinity, excitedStatePopulation: 0 }
    const single = thermalRelaxationError(r.t1, r.t2, duration, r.excitedStatePopulation)
    error = error ? error.expand(single) : single
  }
  return error
}

/**
 * Aer's `_device_depolarizing_error`: the depolarizing parameter that, composed with the
 * relaxation, gives an average gate infidelity equal to the reported error `e`:
 * `λ = d·(e − r)/(d·F_r − 1)` with `F_r = 1 − r` the relaxation's average gate fidelity, `e`
 * capped at `d/(d + 1)` and `λ` at `4^n/(4^n − 1)`.
 */
function deviceDepolarizingError(
  numQubits: number,
  reported: number,
  relax: QuantumError | undefined,
): QuantumError | undefined {
  const relaxFidelity = relax ? relax.averageGateFidelity() : 1
  const relaxInfidelity = 1 - relaxFidelity
  if (!(reported > relaxInfidelity)) return undefined
  const d = 2 ** numQubits
  const e = Math.min(reported, d / (d + 1))
  const lambda = (d * (e - relaxInfidelity)) / (d * relaxFidelity - 1)
  return depolarizingError(Math.min(lambda, maxDepolarizingParameter(numQubits)), numQubits)
}

/**
 * Relaxation data of a qubit: T2 truncated to `2·T1` (a missing T2 is taken as `2·T1`, a
 * missing T1 as infinite); `undefined` when neither is known.
 */
function qubitRelaxation(
  props: QubitProperties | null,
  temperature: number,
): QubitRelaxation | undefined {
  const t1 = props?.t1 ?? null
  const t2 = props?.t2 ?? null
  if (t1 === null && t2 === null) return undefined
  const T1 = t1 ?? Infinity
  const T2 = Math.min(t2 ?? Infinity, 2 * T1)
  return {
    t1: T1,
    t2: T2,
    excitedStatePopulation: excitedPopulation(props?.frequency ?? null, temperature),
  }
}

/**
 * The Maxwell–Boltzmann excited-state population of a two-level system (Aer's
 * `_excited_population`, in SI units); a negative temperature makes |1⟩ the thermal ground.
 */
export function excitedPopulation(frequency: number | null, temperature: number): number {
  if (frequency === null || temperature === 0 || !Number.isFinite(frequency)) return 0
  const population = 1 / (1 + Math.exp((H_OVER_KB * frequency) / Math.abs(temperature)))
  return temperature < 0 ? 1 - population : population
}

/** Per measured qubit: the target's `measure` error, or the calibration's asymmetric one. */
function readoutErrors(
  target: DeviceTarget,
  properties: BackendProperties | null | undefined,
): DeviceNoise['readout'] {
  const out: { qubits: readonly number[]; error: ReadoutError }[] = []
  for (const [qargs, props] of target.get('measure')?.entries() ?? []) {
    if (qargs?.length !== 1) continue
    const q = qargs[0]!
    const asym = properties ? asymmetricReadout(properties, q) : undefined
    const p = props?.error ?? null
    if (asym) out.push({ qubits: [q], error: asym })
    else if (p !== null && p > 0)
      out.push({
        qubits: [q],
        error: new ReadoutError([
          [1 - p, p],
          [p, 1 - p],
        ]),
      })
  }
  return out
}

function asymmetricReadout(properties: BackendProperties, q: number): ReadoutError | undefined {
  if (q >= properties.numQubits) return undefined
  const values = properties.qubitProperty(q)
  const p10 = values.get('prob_meas1_prep0')?.value
  const p01 = values.get('prob_meas0_prep1')?.value
  if (p10 === undefined || p01 === undefined) return undefined
  return new ReadoutError([
    [1 - p10, p10],
    [p01, 1 - p01],
  ])
}

function delayRelaxation(
  target: DeviceTarget,
  relaxOf: (q: number) => QubitRelaxation | undefined,
): [number, QubitRelaxation][] {
  const out: [number, QubitRelaxation][] = []
  const n = target.qubitProperties?.length ?? 0
  for (let q = 0; q < n; q++) {
    const r = relaxOf(q)
    if (r) out.push([q, r])
  }
  return out
}
