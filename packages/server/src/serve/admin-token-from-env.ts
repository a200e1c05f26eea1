import { ADMIN_TOKEN_ENV } from '../auth/admin-bootstrap.js'

/**
 * The admin token an operator chose for `qfabric serve`: `QFABRIC_ADMIN_TOKEN`, where a value
 * that is set but empty (`QFABRIC_ADMIN_TOKEN=` in a compose file or a `.env`) counts as unset,
 * so the server generates and prints a first admin token instead of rejecting `''` as malformed.
 *
 * @param env - the environment
 * @returns the token, or `undefined` when the variable is unset or empty
 */
export function adminTokenFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const value = env[ADMIN_TOKEN_ENV]
  return value === undefined || value === '' ? undefined : value
}
