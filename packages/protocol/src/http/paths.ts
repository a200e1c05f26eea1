/**
 * Every path of the contract as an OpenAPI-style template (`{id}` marks a parameter). Servers
 * turn them into router patterns with {@link toRoutePattern}; clients fill them with
 * {@link buildPath}, which percent-encodes each parameter.
 */
export const PATHS = Object.freeze({
  me: '/v1/me',
  tokens: '/v1/tokens',
  token: '/v1/tokens/{id}',
  instances: '/v1/instances',
  instance: '/v1/instances/{hub}/{group}/{project}',
  instanceLimits: '/v1/instances/{hub}/{group}/{project}/limits',
  users: '/v1/users',
  user: '/v1/users/{id}',
  memberships: '/v1/memberships',
  membership: '/v1/memberships/{id}',
  backends: '/v1/backends',
  backend: '/v1/backends/{name}',
  backendConfiguration: '/v1/backends/{name}/configuration',
  backendProperties: '/v1/backends/{name}/properties',
  backendStatus: '/v1/backends/{name}/status',
  jobs: '/v1/jobs',
  jobsBatchGet: '/v1/jobs:batchGet',
  job: '/v1/jobs/{id}',
  jobResult: '/v1/jobs/{id}/result',
  jobInput: '/v1/jobs/{id}/input',
  jobLogs: '/v1/jobs/{id}/logs',
  jobMetrics: '/v1/jobs/{id}/metrics',
  jobEvents: '/v1/jobs/{id}/events',
  jobCancel: '/v1/jobs/{id}/cancel',
  events: '/v1/events',
  version: '/v1/version',
  health: '/v1/health',
} as const)

/** A path template of {@link PATHS}. */
export type PathTemplate = (typeof PATHS)[keyof typeof PATHS]

/** The parameter names of a template: `'/v1/jobs/{id}/result'` → `'id'`. */
export type PathParamNames<TTemplate extends string> =
  TTemplate extends `${string}{${infer TName}}${infer TRest}`
    ? TName | PathParamNames<TRest>
    : never

/** The parameters a template needs, as an object. */
export type PathParams<TTemplate extends string> = Readonly<
  Record<PathParamNames<TTemplate>, string>
>

/**
 * Fills a path template, percent-encoding every parameter (so a job id or backend name can never
 * change the path's shape).
 *
 * @param template - a template of {@link PATHS}
 * @param params - a value for every `{name}` in it
 * @returns the path
 * @throws TypeError when a parameter is missing or empty
 * @example
 * ```ts
 * buildPath(PATHS.jobResult, { id: 'job_01J9' }) // '/v1/jobs/job_01J9/result'
 * ```
 */
export function buildPath<TTemplate extends string>(
  template: TTemplate,
  params: PathParams<TTemplate>,
): string {
  const values = params as Readonly<Record<string, string | undefined>>
  return template.replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
    const value = values[name]
    if (value === undefined || value === '') throw new TypeError(`missing path parameter ${name}`)
    return encodeURIComponent(value)
  })
}

/**
 * The router pattern of a template in the find-my-way syntax Fastify uses: `{id}` becomes `:id`
 * and a literal `:` becomes `::` (as in `/v1/jobs::batchGet`).
 *
 * @param template - a path template
 * @returns the pattern
 */
export function toRoutePattern(template: string): string {
  return template.replace(/:/g, '::').replace(/\{([a-z_]+)\}/g, ':$1')
}

/**
 * The path of an instance's resource from its `hub/group/project` path.
 *
 * @param template - {@link PATHS}.instance or {@link PATHS}.instanceLimits
 * @param instance - `hub/group/project`
 * @returns the path
 * @throws TypeError when `instance` does not have three segments
 */
export function instanceResourcePath(
  template: typeof PATHS.instance | typeof PATHS.instanceLimits,
  instance: string,
): string {
  const [hub, group, project, ...rest] = instance.split('/')
  if (hub === undefined || group === undefined || project === undefined || rest.length > 0) {
    throw new TypeError(`an instance path has three segments: ${instance}`)
  }
  return buildPath(template, { hub, group, project })
}
