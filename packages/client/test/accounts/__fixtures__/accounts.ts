import { formatApiToken } from '@qfabric/protocol'
import type { AccountStore } from '../../../src/accounts/account-store.js'

/** A well-formed API token; its secret ends in `wxyz`. */
export const TOKEN = formatApiToken({
  id: '0123456789abcdef',
  secret: 'abcdefghjkmnpqrstvwxyz0123456789abcdwxyz',
})

/** A second well-formed token. */
export const OTHER_TOKEN = formatApiToken({
  id: 'fedcba9876543210',
  secret: '0123456789abcdefghjkmnpqrstvwxyz01234567',
})

/** A store that fails any access: proves that a code path never touches the store. */
export function untouchableStore(): AccountStore {
  const fail = (): never => {
    throw new Error('the store must not be touched')
  }
  return { location: 'untouchable', read: fail, write: fail, update: fail }
}

/** What a promise rejects with; fails when it resolves or rejects with a non-error. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Error) return error
    throw error
  }
  throw new Error('expected a rejection')
}
