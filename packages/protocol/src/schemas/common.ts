import {
  Type,
  type Static,
  type TLiteral,
  type TNull,
  type TSchema,
  type TUnion,
} from '@sinclair/typebox'
import { PROTOCOL_LIMITS } from '../protocol-limits.js'
import { defineSchema } from './define-schema.js'

/**
 * One segment of an instance path (`hub`, `group` or `project`): lowercase letters, digits, `-`
 * and `_`, starting with a letter or digit, 1–64 characters — safe in URLs and file names.
 */
export const INSTANCE_SEGMENT_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}$'

/** A full instance path `hub/group/project`. */
export const INSTANCE_PATH_PATTERN =
  '^[a-z0-9][a-z0-9_-]{0,63}/[a-z0-9][a-z0-9_-]{0,63}/[a-z0-9][a-z0-9_-]{0,63}$'

/** An instance prefix: `hub`, `hub/group` or `hub/group/project`. */
export const INSTANCE_PREFIX_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}(/[a-z0-9][a-z0-9_-]{0,63}){0,2}$'

/** A backend name: `sim-statevector`, `qasm_simulator`, `fake_lima`, `ibm.fez`, … */
export const BACKEND_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$'

/** Server-issued ids (jobs, users, tokens, memberships): opaque to clients. */
export const RESOURCE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$'

/** A program name (`circuit-runner`): lowercase words joined by `-`. */
export const PROGRAM_NAME_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'

/** Printable text without control characters (names, tags). */
export const PRINTABLE_PATTERN = '^[^\\u0000-\\u001F\\u007F]*$'

/**
 * A schema that also admits `null`.
 *
 * @param schema - any schema
 * @param options - schema options (`description`, …) for the union
 * @returns `schema | null`
 */
export function Nullable<TItem extends TSchema>(
  schema: TItem,
  options?: { description?: string },
): TUnion<[TItem, TNull]> {
  return Type.Union([schema, Type.Null()], options)
}

/**
 * A schema for one of a closed set of strings (an `as const` table), as a union of literals.
 *
 * @param values - the allowed strings
 * @param options - schema options (`description`, `default`, …)
 * @returns the schema
 */
export function LiteralUnion<TValue extends string>(
  values: readonly TValue[],
  options?: { description?: string; default?: TValue },
): TUnion<TLiteral<TValue>[]> {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  )
}

/** An RFC 3339 timestamp in UTC, as the server writes it (`2026-09-01T10:00:00.000Z`). */
export const TimestampSchema = Type.String({
  format: 'date-time',
  description: 'RFC 3339 timestamp (UTC)',
  examples: ['2026-09-01T10:00:00.000Z'],
})

/** An opaque server-issued id. */
export const ResourceIdSchema = Type.String({
  pattern: RESOURCE_ID_PATTERN,
  description: 'Opaque id (clients must not parse it)',
})

/** A job id: opaque; this server issues `job_<ULID>`, so id order is creation order. */
export const JobIdSchema = Type.String({
  pattern: RESOURCE_ID_PATTERN,
  description: 'Job id (opaque; ULID-based, so ordered by creation)',
  examples: ['job_01J9Z3K7Q8V2M4N6P0R2S4T6V8'],
})

/** A backend name. */
export const BackendNameSchema = Type.String({
  pattern: BACKEND_NAME_PATTERN,
  description: 'Backend name',
  examples: ['sim-statevector'],
})

/** A full instance path `hub/group/project`. */
export const InstancePathSchema = Type.String({
  pattern: INSTANCE_PATH_PATTERN,
  description: 'Instance path hub/group/project',
  examples: ['acme/research/vqe'],
})

/** An instance prefix (`hub`, `hub/group` or `hub/group/project`). */
export const InstancePrefixSchema = Type.String({
  pattern: INSTANCE_PREFIX_PATTERN,
  description: 'Instance prefix: hub, hub/group or hub/group/project',
  examples: ['acme', 'acme/research', 'acme/research/vqe'],
})

/** A program name (`circuit-runner`). */
export const ProgramNameSchema = Type.String({
  pattern: PROGRAM_NAME_PATTERN,
  maxLength: 64,
  description: 'Program that interprets the input',
  examples: ['circuit-runner'],
})

/** A human-readable name (job, token). */
export const DisplayNameSchema = Type.String({
  pattern: PRINTABLE_PATTERN,
  maxLength: PROTOCOL_LIMITS.maxNameLength,
  description: 'Human-readable name',
})

/** A human-readable name that must not be empty (token names). */
export const RequiredNameSchema = Type.String({
  pattern: PRINTABLE_PATTERN,
  minLength: 1,
  maxLength: PROTOCOL_LIMITS.maxNameLength,
  description: 'Human-readable name (not empty)',
})

/** One tag. */
export const TagSchema = Type.String({
  pattern: PRINTABLE_PATTERN,
  minLength: 1,
  maxLength: PROTOCOL_LIMITS.maxTagLength,
  description: 'A tag (free text)',
  examples: ['exp-42'],
})

/** A job's tags: distinct, at most {@link PROTOCOL_LIMITS}.maxTags. */
export const TagsSchema = Type.Array(TagSchema, {
  maxItems: PROTOCOL_LIMITS.maxTags,
  uniqueItems: true,
  description: 'Tags (distinct)',
})

/** Free-form JSON metadata the caller attaches; stored and returned as given. */
export const MetadataSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Free-form JSON object, stored and returned unchanged',
})

/** Free-form JSON metadata. */
export type Metadata = Static<typeof MetadataSchema>

/** A non-negative integer count. */
export const CountSchema = Type.Integer({ minimum: 0 })

/** `{ limit, used, remaining }` of one limit; `null` limit means unlimited. */
export const LimitUsageSchema = defineSchema(
  Type.Object(
    {
      limit: Nullable(CountSchema, { description: 'The limit; null = unlimited' }),
      used: CountSchema,
      remaining: Nullable(CountSchema, {
        description: 'limit − used, at least 0; null = unlimited',
      }),
    },
    { $id: 'LimitUsage', description: 'One limit and how much of it is used' },
  ),
)

/** One limit and its use. */
export type LimitUsage = Static<typeof LimitUsageSchema>

/** `{ id }` path parameters. */
export const IdParamsSchema = defineSchema(
  Type.Object({ id: ResourceIdSchema }, { $id: 'IdParams', additionalProperties: false }),
)

/** `{ id }` path parameters. */
export type IdParams = Static<typeof IdParamsSchema>
