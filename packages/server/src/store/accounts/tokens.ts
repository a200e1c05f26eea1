import type { TokenScope } from '@qfabric/protocol'
import type { Selectable } from 'kysely'
import type { NewToken, StoredToken } from '../account-types.js'
import type { ApiTokensTable } from '../database-schema.js'
import { JobStoreError } from '../job-store-error.js'
import { fromIso, toIso, type StoreContext } from '../store-context.js'

function rowToToken(row: Selectable<ApiTokensTable>): StoredToken {
  return {
    id: row.id,
    user_id: row.user_id,
    name: row.name,
    prefix: row.prefix,
    scopes: JSON.parse(row.scopes_json) as TokenScope[],
    instances: row.instances_json === null ? null : (JSON.parse(row.instances_json) as string[]),
    created_at: toIso(row.created_at),
    last_used_at: toIso(row.last_used_at),
    expires_at: toIso(row.expires_at),
    token_hash: row.token_hash,
    revoked_at: toIso(row.revoked_at),
  }
}

/**
 * Stores a token: only its hash, never the secret (§8.11).
 *
 * @param ctx - the store
 * @param token - id, owner, name, display prefix, hash, scopes, restriction, expiry
 * @returns the stored token
 * @throws {@link JobStoreError} `store.not-found` (no such user), `store.conflict` (id or hash taken)
 */
export async function createToken(ctx: StoreContext, token: NewToken): Promise<StoredToken> {
  const user = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('id', '=', token.user_id)
    .executeTakeFirst()
  if (user === undefined) throw new JobStoreError('store.not-found', `No user ${token.user_id}.`)
  const row: Selectable<ApiTokensTable> = {
    id: token.id,
    user_id: token.user_id,
    name: token.name,
    prefix: token.prefix,
    token_hash: token.token_hash,
    scopes_json: JSON.stringify([...new Set(token.scopes)]),
    instances_json:
      token.instances === undefined || token.instances === null
        ? null
        : JSON.stringify(token.instances),
    created_at: ctx.clock.now(),
    expires_at:
      token.expires_at === undefined || token.expires_at === null
        ? null
        : fromIso(token.expires_at),
    revoked_at: null,
    last_used_at: null,
  }
  try {
    await ctx.db.insertInto('api_tokens').values(row).execute()
  } catch (error) {
    if (ctx.dialect.isUniqueViolation(error)) {
      throw new JobStoreError('store.conflict', `Token ${token.id} exists.`, { cause: error })
    }
    throw error
  }
  return rowToToken(row)
}

/**
 * A token by id.
 *
 * @param ctx - the store
 * @param id - the token id
 * @returns the token (revoked and expired ones too), or `undefined`
 */
export async function getToken(ctx: StoreContext, id: string): Promise<StoredToken | undefined> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row === undefined ? undefined : rowToToken(row)
}

/**
 * The token with a given hash (the hash is unique and indexed).
 *
 * @param ctx - the store
 * @param tokenHash - `hashToken(presented token)`
 * @returns the token, or `undefined`
 */
export async function findTokenByHash(
  ctx: StoreContext,
  tokenHash: string,
): Promise<StoredToken | undefined> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  return row === undefined ? undefined : rowToToken(row)
}

/**
 * A user's tokens, oldest first.
 *
 * @param ctx - the store
 * @param userId - the user
 * @returns the tokens
 */
export async function listTokens(ctx: StoreContext, userId: string): Promise<StoredToken[]> {
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(rowToToken)
}

/**
 * Revokes a token (keeps the first revocation time).
 *
 * @param ctx - the store
 * @param id - the token id
 * @param now - the time (default: the clock)
 * @returns whether the token exists
 */
export async function revokeToken(ctx: StoreContext, id: string, now?: number): Promise<boolean> {
  const at = now ?? ctx.clock.now()
  await ctx.db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute()
  return (await getToken(ctx, id)) !== undefined
}

/**
 * Records that a token was used.
 *
 * @param ctx - the store
 * @param id - the token id
 * @param now - the time (default: the clock)
 */
export async function touchToken(ctx: StoreContext, id: string, now?: number): Promise<void> {
  await ctx.db
    .updateTable('api_tokens')
    .set({ last_used_at: now ?? ctx.clock.now() })
    .where('id', '=', id)
    .execute()
}
