import { Type, type Static } from '@sinclair/typebox'
import { defineSchema } from './define-schema.js'
import { Nullable } from './common.js'

/*
 * Device data in the shape of IBM's snapshots (`conf_<device>.json`, `props_<device>.json`), as
 * core's `BackendConfigurationJson`/`BackendPropertiesJson` type them, so that
 * `BackendConfiguration.fromJSON` and `BackendProperties.fromJSON` read the responses directly.
 * Only the fields core relies on are constrained; every other field passes through (the
 * snapshots carry dozens of pulse-level fields): `additionalProperties: true` is explicit because
 * Fastify's serialiser drops undeclared fields otherwise. Dates stay plain strings: they are upstream data
 * with local offsets, not timestamps this service wrote.
 */

const qubitList = Type.Array(Type.Integer({ minimum: 0 }))

/** One gate of a configuration's `gates` list (Qiskit's `GateConfig`). */
export const GateConfigJsonSchema = defineSchema(
  Type.Object(
    {
      name: Type.String(),
      parameters: Type.Optional(Nullable(Type.Array(Type.String()))),
      qasm_def: Type.Optional(Nullable(Type.String())),
      coupling_map: Type.Optional(Type.Array(qubitList)),
    },
    { additionalProperties: true, $id: 'GateConfigJson' },
  ),
)

/** `GET /v1/backends/{name}/configuration`: Qiskit's `QasmBackendConfiguration` dictionary. */
export const BackendConfigurationJsonSchema = defineSchema(
  Type.Object(
    {
      backend_name: Type.String(),
      backend_version: Type.String(),
      n_qubits: Type.Integer({ minimum: 0 }),
      basis_gates: Type.Array(Type.String()),
      gates: Type.Array(GateConfigJsonSchema),
      local: Type.Boolean(),
      simulator: Type.Boolean(),
      conditional: Type.Boolean(),
      open_pulse: Type.Boolean(),
      memory: Type.Boolean(),
      max_shots: Type.Integer({ minimum: 0 }),
      coupling_map: Nullable(Type.Array(qubitList), { description: 'null = all-to-all' }),
      max_experiments: Type.Optional(Type.Integer({ minimum: 0 })),
      supported_instructions: Type.Optional(Type.Array(Type.String())),
      dt: Type.Optional(Type.Number({ description: 'Sample time, ns' })),
      dtm: Type.Optional(Type.Number({ description: 'Measurement sample time, ns' })),
      meas_map: Type.Optional(Type.Array(qubitList)),
      timing_constraints: Type.Optional(
        Type.Object(
          {
            granularity: Type.Optional(Type.Integer()),
            min_length: Type.Optional(Type.Integer()),
            pulse_alignment: Type.Optional(Type.Integer()),
            acquire_alignment: Type.Optional(Type.Integer()),
          },
          { additionalProperties: true },
        ),
      ),
      description: Type.Optional(Type.String()),
      online_date: Type.Optional(Type.String()),
      rep_times: Type.Optional(Type.Array(Type.Number(), { description: 'µs' })),
      rep_delay_range: Type.Optional(Type.Array(Type.Number(), { description: 'µs' })),
      default_rep_delay: Type.Optional(Type.Number({ description: 'µs' })),
      processor_type: Type.Optional(
        Type.Object(
          {
            family: Type.Optional(Type.String()),
            revision: Type.Optional(Type.Union([Type.String(), Type.Number()])),
          },
          { additionalProperties: true },
        ),
      ),
    },
    {
      additionalProperties: true,
      $id: 'BackendConfigurationJson',
      description: 'IBM-style device configuration',
    },
  ),
)

/** A device configuration. */
export type BackendConfigurationJsonBody = Static<typeof BackendConfigurationJsonSchema>

/** A named value with a date and unit (Qiskit's `Nduv`). */
export const NduvJsonSchema = defineSchema(
  Type.Object(
    {
      date: Type.String(),
      name: Type.String(),
      unit: Type.String(),
      value: Type.Number(),
    },
    { additionalProperties: true, $id: 'NduvJson' },
  ),
)

/** The calibration of one gate on one qubit tuple (Qiskit's `GateProperties`). */
export const GatePropertiesJsonSchema = defineSchema(
  Type.Object(
    {
      gate: Type.String(),
      qubits: qubitList,
      parameters: Type.Array(NduvJsonSchema),
      name: Type.Optional(Type.String()),
    },
    { additionalProperties: true, $id: 'GatePropertiesJson' },
  ),
)

/** `GET /v1/backends/{name}/properties`: Qiskit's `BackendProperties` dictionary. */
export const BackendPropertiesJsonSchema = defineSchema(
  Type.Object(
    {
      backend_name: Type.String(),
      backend_version: Type.String(),
      last_update_date: Type.String(),
      qubits: Type.Array(Type.Array(NduvJsonSchema)),
      gates: Type.Array(GatePropertiesJsonSchema),
      general: Type.Array(NduvJsonSchema),
    },
    {
      additionalProperties: true,
      $id: 'BackendPropertiesJson',
      description: 'IBM-style device calibration',
    },
  ),
)

/** A device calibration. */
export type BackendPropertiesJsonBody = Static<typeof BackendPropertiesJsonSchema>
