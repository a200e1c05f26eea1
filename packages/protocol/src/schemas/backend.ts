import { Type, type Static } from '@sinclair/typebox'
import {
  BackendNameSchema,
  CountSchema,
  InstancePrefixSchema,
  LiteralUnion,
  Nullable,
  ProgramNameSchema,
  TimestampSchema,
} from './common.js'
import { defineSchema } from './define-schema.js'

/** What a backend is. */
export const BACKEND_KINDS = ['simulator', 'qpu'] as const

/** A backend kind. */
export type BackendKind = (typeof BACKEND_KINDS)[number]

/** A backend's operational status (§8.1). Only `online` backends run jobs. */
export const BACKEND_STATUSES = ['online', 'maintenance', 'offline', 'retired'] as const

/** A backend's status. */
export type BackendServiceStatus = (typeof BACKEND_STATUSES)[number]

/** Days of availability windows (Braket's `executionDay`, lowercase). */
export const AVAILABILITY_DAYS = [
  'everyday',
  'weekdays',
  'weekend',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const

/** A day (or set of days) of an availability window. */
export type AvailabilityDay = (typeof AVAILABILITY_DAYS)[number]

/** When a backend runs jobs: on `day`, from `start_hour` to `end_hour`, UTC (Braket shape). */
export const AvailabilityWindowSchema = defineSchema(
  Type.Object(
    {
      day: LiteralUnion(AVAILABILITY_DAYS),
      start_hour: Type.Integer({ minimum: 0, maximum: 23, description: 'UTC hour, inclusive' }),
      end_hour: Type.Integer({ minimum: 1, maximum: 24, description: 'UTC hour, exclusive' }),
    },
    { $id: 'AvailabilityWindow', description: 'A weekly UTC window in which jobs run' },
  ),
)

/** An availability window. */
export type AvailabilityWindow = Static<typeof AvailabilityWindowSchema>

const limit = (description: string) =>
  Nullable(Type.Integer({ minimum: 1 }), { description: `${description}; null = no limit` })

/** Per-backend limits (§8.7), checked synchronously by `POST /v1/jobs` (422 when exceeded). */
export const BackendLimitsSchema = defineSchema(
  Type.Object(
    {
      max_shots: limit('Shots per circuit'),
      max_circuits: limit('Circuits per job'),
      max_executions: limit('Shots × circuits per job'),
      max_qubits: limit('Qubits per circuit'),
      max_request_bytes: limit('Bytes of a POST /v1/jobs body'),
      max_result_bytes: limit('Bytes of a result'),
      max_execution_seconds: limit('Run time of a job'),
    },
    { $id: 'BackendLimits', description: 'What one job may ask of this backend' },
  ),
)

/** Per-backend limits. */
export type BackendLimits = Static<typeof BackendLimitsSchema>

/** A backend's queue right now. */
export const BackendQueueSchema = defineSchema(
  Type.Object(
    {
      length: CountSchema,
      running: CountSchema,
      estimated_wait_seconds: Nullable(Type.Number({ minimum: 0 }), {
        description: 'Expected wait of a job submitted now; null = no estimate',
      }),
    },
    { $id: 'BackendQueue', description: 'Queued and running jobs of a backend' },
  ),
)

/** A backend's queue. */
export type BackendQueue = Static<typeof BackendQueueSchema>

/** A backend as listed by `GET /v1/backends` and returned by `GET /v1/backends/{name}`. */
export const BackendSchema = defineSchema(
  Type.Object(
    {
      name: BackendNameSchema,
      kind: LiteralUnion(BACKEND_KINDS),
      description: Nullable(Type.String()),
      status: LiteralUnion(BACKEND_STATUSES),
      status_message: Nullable(Type.String()),
      accepting_jobs: Type.Boolean(),
      availability_windows: Type.Array(AvailabilityWindowSchema, {
        description: 'Empty = always available',
      }),
      num_qubits: Type.Integer({ minimum: 0 }),
      basis_gates: Type.Array(Type.String()),
      programs: Type.Array(ProgramNameSchema, { description: 'Programs this backend runs' }),
      limits: BackendLimitsSchema,
      queue: BackendQueueSchema,
      version: Nullable(Type.String()),
      calibration_id: Nullable(Type.String({ description: 'Id of the current calibration' })),
      online_date: Nullable(TimestampSchema),
    },
    { $id: 'Backend', description: 'A backend: status, queue and limits' },
  ),
)

/** A backend. */
export type Backend = Static<typeof BackendSchema>

/** `GET /v1/backends` response. */
export const BackendListSchema = defineSchema(
  Type.Object({ items: Type.Array(BackendSchema) }, { $id: 'BackendList' }),
)

/** `GET /v1/backends` response. */
export type BackendList = Static<typeof BackendListSchema>

/** `GET /v1/backends` query. */
export const BackendListQuerySchema = defineSchema(
  Type.Object(
    {
      instance: Type.Optional(InstancePrefixSchema),
      kind: Type.Optional(LiteralUnion(BACKEND_KINDS)),
      status: Type.Optional(LiteralUnion(BACKEND_STATUSES)),
      min_qubits: Type.Optional(Type.Integer({ minimum: 0 })),
    },
    { $id: 'BackendListQuery', additionalProperties: false },
  ),
)

/** `GET /v1/backends` query. */
export type BackendListQuery = Static<typeof BackendListQuerySchema>

/** `{name}` path parameter of backend endpoints. */
export const BackendParamsSchema = defineSchema(
  Type.Object({ name: BackendNameSchema }, { $id: 'BackendParams', additionalProperties: false }),
)

/** `{name}` path parameter. */
export type BackendParams = Static<typeof BackendParamsSchema>

/**
 * `GET /v1/backends/{name}/status`: Qiskit's `BackendStatus` dictionary (so core's
 * `BackendStatus.fromJSON` reads it) plus the service's own fields.
 */
export const BackendStatusResponseSchema = defineSchema(
  Type.Object(
    {
      backend_name: BackendNameSchema,
      backend_version: Type.String(),
      operational: Type.Boolean({ description: 'status = online and accepting jobs' }),
      pending_jobs: CountSchema,
      status_msg: Type.String(),
      status: LiteralUnion(BACKEND_STATUSES),
      accepting_jobs: Type.Boolean(),
      queue: BackendQueueSchema,
      next_window_start: Nullable(TimestampSchema, {
        description: 'Start of the next availability window, if outside one',
      }),
    },
    { $id: 'BackendStatusResponse', description: 'Qiskit BackendStatus plus queue' },
  ),
)

/** `GET /v1/backends/{name}/status` response. */
export type BackendStatusResponse = Static<typeof BackendStatusResponseSchema>

/** `GET /v1/backends/{name}/properties` query: a past calibration, by time or id. */
export const BackendPropertiesQuerySchema = defineSchema(
  Type.Object(
    {
      at: Type.Optional(TimestampSchema),
      calibration_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    },
    { $id: 'BackendPropertiesQuery', additionalProperties: false, maxProperties: 1 },
  ),
)

/** `GET /v1/backends/{name}/properties` query. */
export type BackendPropertiesQuery = Static<typeof BackendPropertiesQuerySchema>
