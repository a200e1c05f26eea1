/**
 * The JSON shapes of IBM's device snapshots (`conf_<device>.json`, `props_<device>.json`) and of
 * a backend status, exactly as Qiskit's `BackendConfiguration.to_dict()`,
 * `BackendProperties.to_dict()` and `BackendStatus.to_dict()` write them: snake_case keys and the
 * file's own units (ns for `dt`, µs for `rep_times`, per-value units in properties).
 */

/** One gate of a configuration's `gates` list (Qiskit's `GateConfig`). */
export interface GateConfigJson {
  /** The gate name, as in `basis_gates`. */
  readonly name: string
  /** Parameter names (`['theta']`); `null` on IBM's `reset` entries. */
  readonly parameters?: readonly string[] | null
  /** The OpenQASM 2 definition, or `null`. */
  readonly qasm_def?: string | null
  /** The qubit tuples the gate is available on. */
  readonly coupling_map?: readonly (readonly number[])[]
  /** Optional label, description, … (kept as given). */
  readonly [key: string]: unknown
}

/** The timing constraints object of newer configurations. */
export interface TimingConstraintsJson {
  readonly granularity?: number
  readonly min_length?: number
  readonly pulse_alignment?: number
  readonly acquire_alignment?: number
}

/** A backend configuration (Qiskit's `QasmBackendConfiguration` dictionary). */
export interface BackendConfigurationJson {
  readonly backend_name: string
  readonly backend_version: string
  readonly n_qubits: number
  readonly basis_gates: readonly string[]
  readonly gates: readonly GateConfigJson[]
  readonly local: boolean
  readonly simulator: boolean
  readonly conditional: boolean
  readonly open_pulse: boolean
  readonly memory: boolean
  readonly max_shots: number
  /** Directed `[control, target]` pairs, or `null` for all-to-all. */
  readonly coupling_map: readonly (readonly number[])[] | null
  readonly max_experiments?: number
  readonly supported_instructions?: readonly string[]
  /** Sample time, in nanoseconds. */
  readonly dt?: number
  /** Measurement sample time, in nanoseconds. */
  readonly dtm?: number
  readonly meas_map?: readonly (readonly number[])[]
  readonly timing_constraints?: TimingConstraintsJson
  readonly description?: string
  /** ISO 8601 date. */
  readonly online_date?: string
  /** Repetition times, in microseconds. */
  readonly rep_times?: readonly number[]
  /** Range of the repetition delay, in microseconds. */
  readonly rep_delay_range?: readonly number[]
  /** Default repetition delay, in microseconds. */
  readonly default_rep_delay?: number
  readonly processor_type?: { readonly family?: string; readonly revision?: string | number }
  /** Any other field (kept and readable, as Qiskit's overflow dictionary). */
  readonly [key: string]: unknown
}

/** A named value with a date and unit (Qiskit's `Nduv`). */
export interface NduvJson {
  /** ISO 8601 date of the measurement. */
  readonly date: string
  readonly name: string
  /** `''`, `'us'`, `'ns'`, `'GHz'`, … */
  readonly unit: string
  readonly value: number
}

/** The calibration of one gate on one qubit tuple (Qiskit's `GateProperties`). */
export interface GatePropertiesJson {
  /** The gate name (`'cx'`). */
  readonly gate: string
  readonly qubits: readonly number[]
  /** `gate_error`, `gate_length`, and possibly `operational`. */
  readonly parameters: readonly NduvJson[]
  /** The entry's own name (`'cx0_1'`). */
  readonly name?: string
}

/** A device calibration snapshot (Qiskit's `BackendProperties` dictionary). */
export interface BackendPropertiesJson {
  readonly backend_name: string
  readonly backend_version: string
  /** ISO 8601 date. */
  readonly last_update_date: string
  /** Per qubit: `T1`, `T2`, `frequency`, `readout_error`, `readout_length`, … */
  readonly qubits: readonly (readonly NduvJson[])[]
  readonly gates: readonly GatePropertiesJson[]
  /** Device-wide values (`jq_*`, `zz_*` couplings, …). */
  readonly general: readonly NduvJson[]
  readonly [key: string]: unknown
}

/** A backend status (Qiskit's `BackendStatus` dictionary). */
export interface BackendStatusJson {
  readonly backend_name: string
  readonly backend_version: string
  readonly operational: boolean
  readonly pending_jobs: number
  readonly status_msg: string
}
