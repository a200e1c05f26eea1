import { Type, type Static } from '@sinclair/typebox'
import {
  DisplayNameSchema,
  InstancePathSchema,
  InstancePrefixSchema,
  LiteralUnion,
  ResourceIdSchema,
  TimestampSchema,
} from './common.js'
import { defineSchema } from './define-schema.js'
import { TokenInfoSchema } from './token.js'

/** A user's service-wide role: `admin` manages everything; `member` acts through memberships. */
export const USER_ROLES = ['admin', 'member'] as const

/** A user's service-wide role. */
export type UserRole = (typeof USER_ROLES)[number]

/** Whether a user account may be used. */
export const USER_STATUSES = ['active', 'disabled'] as const

/** A user account's status. */
export type UserStatus = (typeof USER_STATUSES)[number]

/**
 * Roles of a membership in a hub, group or project, weakest last: `admin` manages members and
 * limits below that level; `member` submits and reads jobs; `viewer` only reads.
 */
export const MEMBERSHIP_ROLES = ['admin', 'member', 'viewer'] as const

/** A membership role. */
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number]

/** A login name: lowercase letters, digits, `.`, `_`, `-`, `@`; 1–64 characters. */
export const LOGIN_PATTERN = '^[a-z0-9][a-z0-9._@-]{0,63}$'

/** A user account (§8.1). */
export const UserSchema = defineSchema(
  Type.Object(
    {
      id: ResourceIdSchema,
      login: Type.String({ pattern: LOGIN_PATTERN }),
      display_name: DisplayNameSchema,
      status: LiteralUnion(USER_STATUSES),
      role: LiteralUnion(USER_ROLES),
      created_at: TimestampSchema,
    },
    { $id: 'User', description: 'A user account' },
  ),
)

/** A user account. */
export type User = Static<typeof UserSchema>

/** A membership: a user's role in a hub, group or project, inherited downwards. */
export const MembershipSchema = defineSchema(
  Type.Object(
    {
      id: ResourceIdSchema,
      user_id: ResourceIdSchema,
      instance: InstancePrefixSchema,
      role: LiteralUnion(MEMBERSHIP_ROLES),
      created_at: TimestampSchema,
    },
    { $id: 'Membership', description: "A user's role at one level of the instance tree" },
  ),
)

/** A membership. */
export type Membership = Static<typeof MembershipSchema>

/** One project the caller can use, with the role it has there (after inheritance). */
export const InstanceAccessSchema = defineSchema(
  Type.Object(
    { instance: InstancePathSchema, role: LiteralUnion(MEMBERSHIP_ROLES) },
    { $id: 'InstanceAccess', description: 'A usable instance and the effective role in it' },
  ),
)

/** A usable instance with the effective role. */
export type InstanceAccess = Static<typeof InstanceAccessSchema>

/** `GET /v1/me`: who the token belongs to, what it may do, and where. */
export const MeResponseSchema = defineSchema(
  Type.Object(
    {
      user: UserSchema,
      token: TokenInfoSchema,
      memberships: Type.Array(MembershipSchema),
      instances: Type.Array(InstanceAccessSchema),
    },
    { $id: 'MeResponse', description: 'The caller: user, token, memberships, instances' },
  ),
)

/** `GET /v1/me` response. */
export type MeResponse = Static<typeof MeResponseSchema>

/** `POST /v1/users` (admin). */
export const CreateUserRequestSchema = defineSchema(
  Type.Object(
    {
      login: Type.String({ pattern: LOGIN_PATTERN }),
      display_name: Type.Optional(DisplayNameSchema),
      role: Type.Optional(LiteralUnion(USER_ROLES, { default: 'member' })),
    },
    { $id: 'CreateUserRequest', additionalProperties: false },
  ),
)

/** `POST /v1/users` body. */
export type CreateUserRequest = Static<typeof CreateUserRequestSchema>

/** `PATCH /v1/users/{id}` (admin): at least one field. */
export const UpdateUserRequestSchema = defineSchema(
  Type.Object(
    {
      display_name: Type.Optional(DisplayNameSchema),
      role: Type.Optional(LiteralUnion(USER_ROLES)),
      status: Type.Optional(LiteralUnion(USER_STATUSES)),
    },
    { $id: 'UpdateUserRequest', additionalProperties: false, minProperties: 1 },
  ),
)

/** `PATCH /v1/users/{id}` body. */
export type UpdateUserRequest = Static<typeof UpdateUserRequestSchema>

/** `GET /v1/users` (admin). */
export const UserListSchema = defineSchema(
  Type.Object({ items: Type.Array(UserSchema) }, { $id: 'UserList' }),
)

/** `GET /v1/users` response. */
export type UserList = Static<typeof UserListSchema>

/** `POST /v1/memberships` (admin of the level, or service admin). */
export const CreateMembershipRequestSchema = defineSchema(
  Type.Object(
    {
      user_id: ResourceIdSchema,
      instance: InstancePrefixSchema,
      role: LiteralUnion(MEMBERSHIP_ROLES),
    },
    { $id: 'CreateMembershipRequest', additionalProperties: false },
  ),
)

/** `POST /v1/memberships` body. */
export type CreateMembershipRequest = Static<typeof CreateMembershipRequestSchema>

/** `GET /v1/memberships` query. */
export const MembershipListQuerySchema = defineSchema(
  Type.Object(
    {
      user_id: Type.Optional(ResourceIdSchema),
      instance: Type.Optional(InstancePrefixSchema),
    },
    { $id: 'MembershipListQuery', additionalProperties: false },
  ),
)

/** `GET /v1/memberships` query. */
export type MembershipListQuery = Static<typeof MembershipListQuerySchema>

/** `GET /v1/memberships` response. */
export const MembershipListSchema = defineSchema(
  Type.Object({ items: Type.Array(MembershipSchema) }, { $id: 'MembershipList' }),
)

/** `GET /v1/memberships` response. */
export type MembershipList = Static<typeof MembershipListSchema>
