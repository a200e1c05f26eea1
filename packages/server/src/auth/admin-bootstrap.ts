import { apiTokenDisplayPrefix, parseApiToken, TOKEN_SCOPES, type User } from '@qfabric/protocol'
import { ServerConfigError } from '../config/server-config-error.js'
import { issueToken } from './issue-token.js'
import type { Clock } from '../store/clock.js'
import type { JobStore } from '../store/job-store.js'
import { hashToken } from '../store/token-hash.js'

/** The login of the administrator account the server bootstraps. */
export const ADMIN_LOGIN = 'admin'

/** The environment variable an operator can set to the first admin token. */
export const ADMIN_TOKEN_ENV = 'QFABRIC_ADMIN_TOKEN'

async function adminUser(store: JobStore): Promise<User> {
  const existing = await store.getUserByLogin(ADMIN_LOGIN)
  if (existing === undefined) {
    return store.createUser({ login: ADMIN_LOGIN, display_name: 'Administrator', role: 'admin' })
  }
  if (existing.role !== 'admin' || existing.status !== 'active') {
    return store.updateUser(existing.id, { role: 'admin', status: 'active' })
  }
  return existing
}

/**
 * Creates a new admin token (every scope) for the `admin` account, creating the account on
 * first use. The token is returned once; only its hash is stored.
 *
 * @param store - the store
 * @param options - token name and clock
 * @returns the token (`qjs_<id>_<secret>`)
 */
export async function createAdminToken(
  store: JobStore,
  options: { readonly name?: string; readonly clock: Clock },
): Promise<string> {
  const user = await adminUser(store)
  const created = await issueToken(store, {
    userId: user.id,
    request: { name: options.name ?? 'admin', scopes: [...TOKEN_SCOPES] },
    nowMs: options.clock.now(),
  })
  return created.token
}

/**
 * Makes a token chosen by the operator (e.g. from `QFABRIC_ADMIN_TOKEN`) a valid admin token,
 * unless its id is already known. Lets a deployment know its first admin token in advance.
 *
 * @param store - the store
 * @param token - a well-formed API token
 * @throws ServerConfigError `server.config-invalid` for a malformed token
 */
export async function seedAdminToken(store: JobStore, token: string): Promise<void> {
  const parts = parseApiToken(token)
  if (parts === undefined) {
    throw new ServerConfigError(
      'server.config-invalid',
      `the admin token must look like qjs_<16 characters>_<40 characters> (${ADMIN_TOKEN_ENV})`,
    )
  }
  if ((await store.getToken(parts.id)) !== undefined) return
  const user = await adminUser(store)
  await store.createToken({
    id: parts.id,
    user_id: user.id,
    name: 'bootstrap',
    prefix: apiTokenDisplayPrefix(token),
    token_hash: hashToken(token),
    scopes: [...TOKEN_SCOPES],
    instances: null,
    expires_at: null,
  })
}

/** Options of {@link bootstrapAdmin}. */
export interface BootstrapAdminOptions {
  /** A token to seed (option or environment); wins over generating one. */
  readonly adminToken?: string | undefined
  /** Receives a generated first admin token when the store has no users yet. */
  readonly onFirstAdminToken?: ((token: string) => void) | undefined
  readonly clock: Clock
}

/**
 * Makes sure someone can administer a new server (§8.11): seeds the given admin token, or —
 * when the store has no users at all — creates the admin account and a token and hands it to
 * `onFirstAdminToken` (printed once by default, never logged).
 *
 * @param store - the store
 * @param options - token, printer and clock
 */
export async function bootstrapAdmin(
  store: JobStore,
  options: BootstrapAdminOptions,
): Promise<void> {
  if (options.adminToken !== undefined) {
    await seedAdminToken(store, options.adminToken)
    return
  }
  if (options.onFirstAdminToken === undefined) return
  if ((await store.listUsers()).length > 0) return
  options.onFirstAdminToken(
    await createAdminToken(store, { name: 'first admin', clock: options.clock }),
  )
}
