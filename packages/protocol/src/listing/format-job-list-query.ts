import type { JobListQuery } from '../schemas/job-list.js'

/** The filters a client may pass to `GET /v1/jobs` (every field optional). */
export type JobListQueryInput = Readonly<{
  [TKey in keyof JobListQuery]?: JobListQuery[TKey] extends (infer TItem)[] | undefined
    ? readonly TItem[]
    : JobListQuery[TKey]
}>

/**
 * Writes `GET /v1/jobs` parameters as a query string (without `?`), repeating parameters that
 * take several values, in a fixed order so equal inputs give equal URLs.
 *
 * @param query - the filters, page size and cursor
 * @returns e.g. `status=QUEUED&status=RUNNING&limit=50`
 * @example
 * ```ts
 * `${PATHS.jobs}?${formatJobListQuery({ tag: ['exp-42'], pending: true })}`
 * // '/v1/jobs?pending=true&tag=exp-42'
 * ```
 */
export function formatJobListQuery(query: JobListQueryInput): string {
  const parts: string[] = []
  for (const key of Object.keys(query).sort()) {
    const value: unknown = query[key as keyof JobListQueryInput]
    if (value === undefined) continue
    const values: readonly unknown[] = Array.isArray(value) ? value : [value]
    for (const v of values) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`)
    }
  }
  return parts.join('&')
}
