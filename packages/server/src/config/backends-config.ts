import { Type, type Static } from '@sinclair/typebox'
import {
  AvailabilityWindowSchema,
  BACKEND_KINDS,
  BACKEND_STATUSES,
  BackendNameSchema,
  InstancePrefixSchema,
  LiteralUnion,
  ProgramNameSchema,
} from '@qfabric/protocol'

const limit = (description: string) =>
  Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description }))

/** Per-backend limits in the configuration file; omitted = the built-in default. */
export const BackendLimitsConfigSchema = Type.Object(
  {
    max_shots: limit('Shots per circuit'),
    max_circuits: limit('Circuits per job'),
    max_executions: limit('Shots × circuits per job'),
    max_qubits: limit('Qubits per circuit (default: the backend’s)'),
    max_request_bytes: limit('Bytes of a POST /v1/jobs body'),
    max_result_bytes: limit('Bytes of a result'),
    max_execution_seconds: limit('Run time of a job'),
  },
  { additionalProperties: false },
)

/** Per-backend limits as configured. */
export type BackendLimitsConfig = Static<typeof BackendLimitsConfigSchema>

/**
 * One backend of the server: what clients call it, where it comes from (`<source>:<name>` in the
 * backend registry: `local:qasm_simulator`, `fake:fake_manila`, or a plugin's source), who sees
 * it, its status and limits.
 */
export const BackendEntryConfigSchema = Type.Object(
  {
    name: BackendNameSchema,
    source: Type.String({
      pattern: '^[a-z][a-z0-9_-]*:[A-Za-z0-9_.-]+$',
      description:
        '<registry source>:<backend name>, e.g. local:qasm_simulator or fake:fake_manila',
    }),
    kind: Type.Optional(LiteralUnion(BACKEND_KINDS)),
    description: Type.Optional(Type.String()),
    status: Type.Optional(LiteralUnion(BACKEND_STATUSES, { default: 'online' })),
    status_message: Type.Optional(Type.String()),
    availability_windows: Type.Optional(Type.Array(AvailabilityWindowSchema)),
    instances: Type.Optional(
      Type.Array(InstancePrefixSchema, {
        description: 'Instance prefixes that see this backend; omitted = every instance',
      }),
    ),
    programs: Type.Optional(Type.Array(ProgramNameSchema, { minItems: 1 })),
    limits: Type.Optional(BackendLimitsConfigSchema),
  },
  { additionalProperties: false },
)

/** One configured backend. */
export type BackendEntryConfig = Static<typeof BackendEntryConfigSchema>

/**
 * The backends configuration (a JSON file or an object): the backends the server offers. Names
 * must be unique.
 *
 * @example
 * ```json
 * { "backends": [
 *   { "name": "sim-qasm", "source": "local:qasm_simulator", "limits": { "max_shots": 100000 } },
 *   { "name": "fake_manila", "source": "fake:fake_manila", "instances": ["acme"],
 *     "availability_windows": [{ "day": "weekdays", "start_hour": 8, "end_hour": 18 }] }
 * ] }
 * ```
 */
export const BackendsConfigSchema = Type.Object(
  {
    backends: Type.Array(BackendEntryConfigSchema),
    defaults: Type.Optional(
      Type.Object(
        { limits: Type.Optional(BackendLimitsConfigSchema) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

/** The backends configuration. */
export type BackendsConfig = Static<typeof BackendsConfigSchema>
