/**
 * Reads the calibration of a qubit of the noisy fake device `fake_manila` — T1, T2, frequency,
 * and the error and length of its `sx` gate — the three ways a backend offers it. Every value
 * is in SI units: seconds and hertz.
 *
 * Run it with `node examples/dist/remote/qubit-properties.js` (a saved account or `QFABRIC_*`).
 */
import type { QfabricService } from '@qfabric/client'
import { runStandAlone } from './run-stand-alone.js'

/** What {@link main} returns: one qubit's calibration, in SI units. */
export interface QubitCalibration {
  readonly qubit: number
  /** Seconds. */
  readonly t1: number | null
  /** Seconds. */
  readonly t2: number | null
  /** Hertz. */
  readonly frequency: number | null
  /** Average error of `sx` on this qubit. */
  readonly sxError: number | null
  /** Seconds. */
  readonly sxLength: number | null
  /** The readout error, from the properties document. */
  readonly readoutError: number
}

/**
 * Prints a qubit's calibration.
 *
 * @param service - a service with an account
 * @param log - where to print
 * @param qubit - which qubit (default 1)
 * @returns the values, in SI units
 */
export async function main(
  service: QfabricService,
  log: (...values: unknown[]) => void = console.log,
  qubit = 1,
): Promise<QubitCalibration> {
  const backend = await service.backend('fake_manila')

  // 1. Per-qubit properties, as the transpiler's target holds them (Qiskit's qubit_properties).
  const qp = backend.qubitProperties(qubit)
  // 2. Instruction properties of the target: error and duration of a gate on given qubits.
  const sx = backend.target.get('sx')?.get([qubit]) ?? null
  // 3. The calibration document itself (Qiskit's BackendProperties), for everything else.
  const properties = await backend.properties()
  if (properties === null) throw new Error(`${backend.name} has no calibration`)

  const calibration: QubitCalibration = {
    qubit,
    t1: qp?.t1 ?? null,
    t2: qp?.t2 ?? null,
    frequency: qp?.frequency ?? null,
    sxError: sx?.error ?? null,
    sxLength: sx?.duration ?? null,
    readoutError: properties.readoutError(qubit),
  }
  const micro = (s: number | null) => (s === null ? '?' : `${(s * 1e6).toFixed(2)} µs`)
  log(
    `${backend.name}, qubit ${qubit} (calibrated ${properties.lastUpdateDate?.toISOString() ?? 'at an unknown date'}):`,
  )
  log(`  T1 ${micro(calibration.t1)}, T2 ${micro(calibration.t2)}`)
  log(`  frequency ${((calibration.frequency ?? NaN) / 1e9).toFixed(4)} GHz`)
  log(
    `  sx: error ${calibration.sxError}, length ${((calibration.sxLength ?? NaN) * 1e9).toFixed(1)} ns`,
  )
  log(`  readout error ${calibration.readoutError}`)
  return calibration
}

await runStandAlone(import.meta.url, main)
