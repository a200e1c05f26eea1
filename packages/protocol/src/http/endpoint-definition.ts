import type { TSchema } from '@sinclair/typebox'
import type { TokenScope } from '../schemas/token.js'

/** HTTP methods of the contract. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/** One endpoint: method, path template, who may call it, and the schemas of each part. */
export interface EndpointDefinition {
  readonly method: HttpMethod
  /** An OpenAPI-style template of `PATHS`. */
  readonly path: string
  /** `public`: no token needed; `token`: a valid token with one of `scopes` (admin implies all). */
  readonly auth: 'public' | 'token'
  readonly scopes: readonly TokenScope[]
  readonly summary: string
  readonly params?: TSchema
  readonly query?: TSchema
  readonly headers?: TSchema
  readonly body?: TSchema
  /** The status of a normal success (201 for creations, 202 for accepted cancels, …). */
  readonly status: number
  /** Success statuses and their body schema (`null`: no JSON body, e.g. 204, 303, 304, SSE). */
  readonly responses: Readonly<Record<number, TSchema | null>>
}

/** Any valid token, whatever its scopes. */
export const ANY_SCOPE: readonly TokenScope[] = []
/** Tokens that may read jobs. */
export const JOBS_READ: readonly TokenScope[] = ['jobs:read']
/** Tokens that may submit, change and cancel jobs. */
export const JOBS_WRITE: readonly TokenScope[] = ['jobs:write']
/** Tokens that may read backends. */
export const BACKENDS_READ: readonly TokenScope[] = ['backends:read']
/** Admin tokens only. */
export const ADMIN: readonly TokenScope[] = ['admin']
