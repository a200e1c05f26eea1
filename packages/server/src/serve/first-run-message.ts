/**
 * What `qfabric serve` prints on a fresh database: the first admin token, once, and the next
 * step — an admin token can use no instance, so a user must create one and a member first.
 *
 * @param token - the first admin token
 * @param url - the URL the service listens on
 * @returns the lines, for standard error
 */
export function firstRunMessage(token: string, url: string): string {
  return `qfabric: first admin token (shown once, store it now): ${token}
qfabric: an admin token can use no instance; next, create an instance and a member:
  export QFABRIC_URL=${url} QFABRIC_ADMIN_TOKEN=<admin token>
  qfabric admin instance create <hub/group/project>
  qfabric admin user create <login> --instance <hub/group/project> --save-account <name>
(or pass --url ${url} --token <admin token> to each 'qfabric admin' command)
`
}
