import { createJobId } from '@qfabric/core/providers'
import type { Membership, MembershipRole } from '@qfabric/protocol'
import type { Selectable } from 'kysely'
import type { NewMembership } from '../account-types.js'
import type { MembershipsTable } from '../database-schema.js'
import { JobStoreError } from '../job-store-error.js'
import { toIso, type StoreContext } from '../store-context.js'
import { ensureInstanceNodes } from './instances.js'

function rowToMembership(row: Selectable<MembershipsTable>): Membership {
  return {
    id: row.id,
    user_id: row.user_id,
    instance: row.instance,
    role: row.role as MembershipRole,
    created_at: toIso(row.created_at),
  }
}

/**
 * Gives a user a role at a level of the instance tree (creating the level if needed), or
 * changes the role of an existing membership.
 *
 * @param ctx - the store
 * @param membership - user, instance prefix, role
 * @returns the membership
 * @throws {@link JobStoreError} `store.not-found` (no such user)
 */
export async function upsertMembership(
  ctx: StoreContext,
  membership: NewMembership,
): Promise<Membership> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now()
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', membership.user_id)
      .executeTakeFirst()
    if (user === undefined)
      throw new JobStoreError('store.not-found', `No user ${membership.user_id}.`)
    await ensureInstanceNodes(trx, membership.instance, now)
    const row = await trx
      .insertInto('memberships')
      .values({
        id: `mem_${createJobId(now)}`,
        user_id: membership.user_id,
        instance: membership.instance,
        role: membership.role,
        created_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['user_id', 'instance']).doUpdateSet({ role: membership.role }),
      )
      .returningAll()
      .executeTakeFirstOrThrow()
    return rowToMembership(row)
  })
}

/**
 * Memberships, optionally of one user and/or at one exact level, oldest first.
 *
 * @param ctx - the store
 * @param filter - user id and/or instance prefix
 * @returns the memberships
 */
export async function listMemberships(
  ctx: StoreContext,
  filter: { readonly userId?: string | undefined; readonly instance?: string | undefined } = {},
): Promise<Membership[]> {
  let query = ctx.db.selectFrom('memberships').selectAll().orderBy('created_at').orderBy('id')
  if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId)
  if (filter.instance !== undefined) query = query.where('instance', '=', filter.instance)
  return (await query.execute()).map(rowToMembership)
}

/**
 * Removes a membership.
 *
 * @param ctx - the store
 * @param id - the membership id
 * @returns whether one was removed
 */
export async function deleteMembership(ctx: StoreContext, id: string): Promise<boolean> {
  const result = await ctx.db.deleteFrom('memberships').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}
