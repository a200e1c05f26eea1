import type { QuantumCircuit } from '../circuit/quantum-circuit.js'
import type { CouplingMap } from '../target/coupling-map.js'
import type { InstructionDurations } from '../target/instruction-durations.js'
import type { QubitProperties } from '../target/qubit-properties.js'
import type { Target } from '../target/target.js'
import type { AbortSignalLike } from './abort-signal.js'
import type { Job } from './job.js'
import type { OptionsView } from './options.js'
import type { Provider } from './provider.js'

/** What `backend.run()` takes: one circuit or a batch (one result per circuit, in order). */
export type RunInput = QuantumCircuit | readonly QuantumCircuit[]

/**
 * Per-run settings: option overrides (validated against `backend.options`, never stored) plus
 * job-level fields that are not options.
 */
export interface RunOptions {
  /** Shots per circuit. */
  readonly shots?: number | undefined
  /** A seed for simulators. */
  readonly seed?: number | undefined
  /** Keep per-shot outcomes (`result.getMemory()`), where the backend supports it. */
  readonly memory?: boolean | undefined
  /** Stops the *submission*; the job, once accepted, is cancelled only with `job.cancel()`. */
  readonly signal?: AbortSignalLike | undefined
  /** A name for the job. */
  readonly jobName?: string | undefined
  /** Tags for the job. */
  readonly jobTags?: readonly string[] | undefined
  /** Any other option the backend defines. */
  readonly [option: string]: unknown
}

/** The keys of {@link RunOptions} that are job-level fields, not backend options. */
export const RUN_CONTROL_KEYS: ReadonlySet<string> = new Set(['signal', 'jobName', 'jobTags'])

/**
 * A device or simulator that runs circuits (Qiskit's `BackendV2` semantics, one interface). Its
 * `target` says which operations it runs on which qubits, with what errors and durations; the
 * other descriptive members derive from it. Values Qiskit leaves as `None` are `null`.
 * Optional capabilities (`status()`, `properties()`, …) are detected with the `supports*` type
 * guards. Extend `BaseBackend` to get the derived members for free.
 */
export interface Backend {
  /** The backend's unique name within its provider. */
  readonly name: string
  /** A description, or `null`. */
  readonly description: string | null
  /** The backend's version, or `null`. */
  readonly backendVersion: string | null
  /** When the backend went online (UTC), or `null`. */
  readonly onlineDate: Date | null
  /** The provider the backend came from, if any. */
  readonly provider?: Provider | undefined
  /** What the backend runs, where, and how well. */
  readonly target: Target
  /** The number of qubits, or `null` when the target does not constrain it. */
  readonly numQubits: number | null
  /** The connectivity, or `null` when every pair of qubits is coupled (or unconstrained). */
  readonly couplingMap: CouplingMap | null
  /** The names of the operations in the target. */
  readonly operationNames: readonly string[]
  /** The sample time in seconds, or `null`. */
  readonly dt: number | null
  /** The durations of the target's instructions. */
  readonly instructionDurations: InstructionDurations
  /** The largest number of circuits one job may hold, or `null` for no limit. */
  readonly maxCircuits: number | null
  /** The run options: defaults, validators (read limits here), unknown-key policy. */
  readonly options: OptionsView
  /**
   * T1/T2/frequency of one qubit.
   *
   * @returns the properties, or `null` when the target has none for that qubit
   */
  qubitProperties(qubit: number): QubitProperties | null
  /**
   * Submits circuits; resolves once the backend has accepted them (validation done, an id
   * assigned). Invalid circuits or options reject here, not later.
   */
  run(circuits: RunInput, options?: RunOptions): Promise<Job>
}
