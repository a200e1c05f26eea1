import { createJobId } from '@qfabric/core/providers'
import type { User, UserRole, UserStatus } from '@qfabric/protocol'
import type { Selectable } from 'kysely'
import type { NewUser, UserPatch } from '../account-types.js'
import type { UsersTable } from '../database-schema.js'
import { JobStoreError } from '../job-store-error.js'
import { toIso, type StoreContext } from '../store-context.js'

function rowToUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    login: row.login,
    display_name: row.display_name,
    status: row.status as UserStatus,
    role: row.role as UserRole,
    created_at: toIso(row.created_at),
  }
}

/**
 * Creates a user.
 *
 * @param ctx - the store
 * @param user - login, display name, role, status
 * @returns the user
 * @throws {@link JobStoreError} `store.conflict` when the login or id is taken
 */
export async function createUser(ctx: StoreContext, user: NewUser): Promise<User> {
  const now = ctx.clock.now()
  const row = {
    id: user.id ?? `user_${createJobId(now)}`,
    login: user.login,
    display_name: user.display_name ?? user.login,
    role: user.role ?? 'member',
    status: user.status ?? 'active',
    created_at: now,
  }
  try {
    await ctx.db.insertInto('users').values(row).execute()
  } catch (error) {
    if (ctx.dialect.isUniqueViolation(error)) {
      throw new JobStoreError('store.conflict', `User ${user.login} exists.`, { cause: error })
    }
    throw error
  }
  return rowToUser(row)
}

/**
 * A user by id.
 *
 * @param ctx - the store
 * @param id - the user id
 * @returns the user, or `undefined`
 */
export async function getUser(ctx: StoreContext, id: string): Promise<User | undefined> {
  const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : rowToUser(row)
}

/**
 * A user by login name.
 *
 * @param ctx - the store
 * @param login - the login
 * @returns the user, or `undefined`
 */
export async function getUserByLogin(ctx: StoreContext, login: string): Promise<User | undefined> {
  const row = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('login', '=', login)
    .executeTakeFirst()
  return row === undefined ? undefined : rowToUser(row)
}

/**
 * Every user, oldest first.
 *
 * @param ctx - the store
 * @returns the users
 */
export async function listUsers(ctx: StoreContext): Promise<User[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(rowToUser)
}

/**
 * Changes a user's display name, role or status.
 *
 * @param ctx - the store
 * @param id - the user id
 * @param patch - the changes
 * @returns the user
 * @throws {@link JobStoreError} `store.not-found`
 */
export async function updateUser(ctx: StoreContext, id: string, patch: UserPatch): Promise<User> {
  const set = {
    ...(patch.display_name === undefined ? {} : { display_name: patch.display_name }),
    ...(patch.role === undefined ? {} : { role: patch.role }),
    ...(patch.status === undefined ? {} : { status: patch.status }),
  }
  const row =
    Object.keys(set).length === 0
      ? await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
      : await ctx.db
          .updateTable('users')
          .set(set)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst()
  if (row === undefined) throw new JobStoreError('store.not-found', `No user ${id}.`)
  return rowToUser(row)
}
