import { Type, type Static } from '@sinclair/typebox'
import { defineSchema } from './define-schema.js'
import { MetadataSchema, Nullable } from './common.js'

/*
 * `GET /v1/jobs/{id}/result`: exactly Qiskit's `Result.to_dict()` (core's `ResultJson`), so
 * `Result.fromJSON` reads the body and result files move between Qiskit and qfabric unchanged.
 * Extra keys are allowed and kept at every level, as Qiskit keeps them (`additionalProperties:
 * true` is explicit because Fastify's serialiser drops undeclared fields otherwise).
 */

/** A complex number as Qiskit's JSON encoder writes it: `[re, im]`. */
export const ComplexJsonSchema = Type.Tuple([Type.Number(), Type.Number()], {
  description: '[re, im]',
})

const registerSizes = Type.Array(Type.Tuple([Type.String(), Type.Integer({ minimum: 0 })]))
const bitLabels = Type.Array(Type.Tuple([Type.String(), Type.Integer({ minimum: 0 })]))

/** An experiment's header (Qiskit's `QobjExperimentHeader`). */
export const ExperimentHeaderJsonSchema = defineSchema(
  Type.Object(
    {
      name: Type.Optional(Type.String()),
      creg_sizes: Type.Optional(registerSizes),
      memory_slots: Type.Optional(Type.Integer({ minimum: 0 })),
      qreg_sizes: Type.Optional(registerSizes),
      n_qubits: Type.Optional(Type.Integer({ minimum: 0 })),
      clbit_labels: Type.Optional(bitLabels),
      qubit_labels: Type.Optional(bitLabels),
      global_phase: Type.Optional(Type.Number()),
      metadata: Type.Optional(Nullable(MetadataSchema)),
    },
    { additionalProperties: true, $id: 'ExperimentHeaderJson' },
  ),
)

/** An experiment's data: hex-keyed counts, memory, little-endian statevector, unitary. */
export const ExperimentDataJsonSchema = defineSchema(
  Type.Object(
    {
      counts: Type.Optional(
        Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
          description: 'Outcome as hex ("0x5") → shots',
        }),
      ),
      memory: Type.Optional(Type.Array(Type.Unknown(), { description: 'Per-shot outcomes' })),
      statevector: Type.Optional(Type.Array(ComplexJsonSchema)),
      unitary: Type.Optional(Type.Array(Type.Array(ComplexJsonSchema))),
    },
    { additionalProperties: true, $id: 'ExperimentDataJson' },
  ),
)

/** One experiment's result (Qiskit's `ExperimentResult.to_dict()`). */
export const ExperimentResultJsonSchema = defineSchema(
  Type.Object(
    {
      shots: Type.Union([
        Type.Integer({ minimum: 0 }),
        Type.Tuple([Type.Integer({ minimum: 0 }), Type.Integer({ minimum: 0 })]),
      ]),
      success: Type.Boolean(),
      data: ExperimentDataJsonSchema,
      meas_level: Type.Optional(Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)])),
      meas_return: Type.Optional(Type.Union([Type.Literal('single'), Type.Literal('avg')])),
      status: Type.Optional(Type.String()),
      seed: Type.Optional(Type.Integer()),
      seed_simulator: Type.Optional(Type.Integer()),
      time_taken: Type.Optional(Type.Number({ minimum: 0 })),
      header: Type.Optional(ExperimentHeaderJsonSchema),
    },
    { additionalProperties: true, $id: 'ExperimentResultJson' },
  ),
)

/** A job's result: Qiskit's `Result.to_dict()`. */
export const ResultJsonSchema = defineSchema(
  Type.Object(
    {
      backend_name: Type.String(),
      backend_version: Type.String(),
      qobj_id: Type.Optional(Nullable(Type.String())),
      job_id: Type.String(),
      success: Type.Boolean(),
      results: Type.Array(ExperimentResultJsonSchema),
      date: Type.Optional(Nullable(Type.String())),
      status: Type.Optional(Nullable(Type.String())),
      header: Type.Optional(Nullable(MetadataSchema)),
      time_taken: Type.Optional(Type.Number({ minimum: 0 })),
    },
    {
      additionalProperties: true,
      $id: 'ResultJson',
      description: "Qiskit's Result.to_dict() shape",
    },
  ),
)

/** A result body (assignable to core's `ResultJson`). */
export type ResultJsonBody = Static<typeof ResultJsonSchema>
