import { JobManagerError } from './job-manager-errors.js'

/**
 * Where one job sits in its job set. Written into the job's tags at submission, so that a set
 * can be rebuilt from the server's job listing alone, in any process (Qiskit's job sets kept the
 * ranges in memory and had to re-derive them from circuit counts, Qiskit/qiskit-ibm-provider#288).
 */
export interface JobSetMemberInfo {
  /** The job set's id. */
  readonly jobSetId: string
  /** The job's position in the set, 0-based. */
  readonly index: number
  /** How many jobs the set has. */
  readonly count: number
  /** The global index of the job's first experiment. */
  readonly startIndex: number
  /** The global index of the job's last experiment (inclusive, as Qiskit's `end_index`). */
  readonly endIndex: number
  /** How many experiments the whole set has. */
  readonly totalExperiments: number
}

/** Every tag the job manager writes starts with this; user tags may not. */
export const JOB_SET_TAG_PREFIX = 'qfabric:jobset'

const ID_KEY = `${JOB_SET_TAG_PREFIX}=`
const INDEX_KEY = `${JOB_SET_TAG_PREFIX}-index=`
const RANGE_KEY = `${JOB_SET_TAG_PREFIX}-range=`
// Short enough that every tag stays within the service's 64-character tag limit.
const JOB_SET_ID_PATTERN = /^[0-9A-Za-z_-]{1,48}$/

/**
 * Checks that a job set id can go into a tag: 1–48 characters of letters, digits, `_` and `-`.
 *
 * @param jobSetId - a candidate id
 * @throws TypeError when it cannot
 */
export function assertJobSetId(jobSetId: string): void {
  if (!JOB_SET_ID_PATTERN.test(jobSetId)) {
    throw new TypeError(
      `a job set id has 1-48 letters, digits, '_' or '-', got ${JSON.stringify(jobSetId)}`,
    )
  }
}

/**
 * The tag every job of a set carries, and the one to list the set by.
 *
 * @param jobSetId - the set's id
 * @returns `qfabric:jobset=<id>`
 */
export function jobSetIdTag(jobSetId: string): string {
  return ID_KEY + jobSetId
}

/**
 * The tags that place a job in its set: the set's id tag, `qfabric:jobset-index=<k>/<n>` and
 * `qfabric:jobset-range=<start>-<end>/<total>` (global experiment indices, `end` inclusive).
 *
 * @param info - the job's place in the set
 * @returns three tags
 */
export function jobSetMemberTags(info: JobSetMemberInfo): readonly string[] {
  return [
    jobSetIdTag(info.jobSetId),
    `${INDEX_KEY}${info.index}/${info.count}`,
    `${RANGE_KEY}${info.startIndex}-${info.endIndex}/${info.totalExperiments}`,
  ]
}

/**
 * Whether a tag is one the job manager writes (user tags may not look like one).
 *
 * @param tag - any tag
 * @returns true for `qfabric:jobset…` tags
 */
export function isJobSetTag(tag: string): boolean {
  return tag.startsWith(JOB_SET_TAG_PREFIX)
}

/**
 * Reads a job's place in its set back from its tags.
 *
 * @param tags - the job's tags
 * @param jobSetId - the set the job is expected in
 * @returns the member info, or `undefined` when the job does not carry that set's id tag
 * @throws JobManagerError `job-set.invalid` when it carries the id tag but the index or range tag
 *   is missing or malformed
 */
export function parseJobSetMemberTags(
  tags: readonly string[],
  jobSetId: string,
): JobSetMemberInfo | undefined {
  if (!tags.includes(jobSetIdTag(jobSetId))) return undefined
  const index = matchTag(tags, INDEX_KEY, /^(\d+)\/(\d+)$/)
  const range = matchTag(tags, RANGE_KEY, /^(\d+)-(\d+)\/(\d+)$/)
  if (index === undefined || range === undefined) {
    throw new JobManagerError(
      'job-set.invalid',
      `A job of set ${jobSetId} lacks a valid ${INDEX_KEY} or ${RANGE_KEY} tag: [${tags.join(', ')}]`,
    )
  }
  const [k, n] = index
  const [start, end, total] = range
  if (!(k! < n! && start! <= end! && end! < total!)) {
    throw new JobManagerError(
      'job-set.invalid',
      `A job of set ${jobSetId} has inconsistent tags: [${tags.join(', ')}]`,
    )
  }
  return Object.freeze({
    jobSetId,
    index: k!,
    count: n!,
    startIndex: start!,
    endIndex: end!,
    totalExperiments: total!,
  })
}

function matchTag(tags: readonly string[], key: string, pattern: RegExp): number[] | undefined {
  for (const tag of tags) {
    if (!tag.startsWith(key)) continue
    const match = pattern.exec(tag.slice(key.length))
    if (match !== null) return match.slice(1).map(Number)
  }
  return undefined
}
