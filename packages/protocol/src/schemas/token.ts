import { Type, type Static } from '@sinclair/typebox'
import {
  DisplayNameSchema,
  InstancePrefixSchema,
  LiteralUnion,
  Nullable,
  RequiredNameSchema,
  ResourceIdSchema,
  TimestampSchema,
} from './common.js'
import { defineSchema } from './define-schema.js'

/** What an API token may do (§8.1). `admin` implies every other scope. */
export const TOKEN_SCOPES = ['jobs:read', 'jobs:write', 'backends:read', 'admin'] as const

/** A token scope. */
export type TokenScope = (typeof TOKEN_SCOPES)[number]

/** One token scope. */
export const TokenScopeSchema = LiteralUnion(TOKEN_SCOPES, { description: 'Token scope' })

/** An API token as listed: never the secret, only its shown `prefix`. */
export const TokenInfoSchema = defineSchema(
  Type.Object(
    {
      id: ResourceIdSchema,
      user_id: ResourceIdSchema,
      name: DisplayNameSchema,
      prefix: Type.String({ description: 'The first characters of the token, to recognise it' }),
      scopes: Type.Array(TokenScopeSchema, { uniqueItems: true }),
      instances: Nullable(Type.Array(InstancePrefixSchema), {
        description: 'Instances the token is restricted to; null = all of its user',
      }),
      created_at: TimestampSchema,
      last_used_at: Nullable(TimestampSchema),
      expires_at: Nullable(TimestampSchema, { description: 'null = never expires' }),
    },
    { $id: 'TokenInfo', description: 'An API token (without its secret)' },
  ),
)

/** An API token (without its secret). */
export type TokenInfo = Static<typeof TokenInfoSchema>

/** `POST /v1/tokens`. `user_id` (admins only) creates a token for another user. */
export const CreateTokenRequestSchema = defineSchema(
  Type.Object(
    {
      name: RequiredNameSchema,
      scopes: Type.Array(TokenScopeSchema, { minItems: 1, uniqueItems: true }),
      instances: Type.Optional(
        Type.Array(InstancePrefixSchema, { minItems: 1, uniqueItems: true }),
      ),
      expires_at: Type.Optional(Nullable(TimestampSchema)),
      user_id: Type.Optional(ResourceIdSchema),
    },
    { $id: 'CreateTokenRequest', additionalProperties: false },
  ),
)

/** `POST /v1/tokens` body. */
export type CreateTokenRequest = Static<typeof CreateTokenRequestSchema>

/** `POST /v1/tokens` → 201: the token's record plus the secret `token`, shown this once. */
export const CreatedTokenSchema = defineSchema(
  Type.Object(
    {
      ...TokenInfoSchema.properties,
      token: Type.String({ description: 'The API token (qjs_<id>_<secret>); shown only once' }),
    },
    { $id: 'CreatedToken', description: 'A new API token, with its secret' },
  ),
)

/** `POST /v1/tokens` response. */
export type CreatedToken = Static<typeof CreatedTokenSchema>

/** `GET /v1/tokens`: the caller's tokens. */
export const TokenListSchema = defineSchema(
  Type.Object({ items: Type.Array(TokenInfoSchema) }, { $id: 'TokenList' }),
)

/** `GET /v1/tokens` response. */
export type TokenList = Static<typeof TokenListSchema>
