import type { AbortableOptions, AbortSignalLike, Job } from '@qfabric/core/providers'
import { JobManagerError } from './job-manager-errors.js'
import {
  assertJobSetId,
  isJobSetTag,
  jobSetIdTag,
  parseJobSetMemberTags,
  type JobSetMemberInfo,
} from './job-set-tags.js'
import type { ExperimentRange, ManagedJob } from './managed-job.js'
import { ManagedJobSet } from './managed-job-set.js'

/**
 * Where job sets are looked up: anything that lists jobs carrying given tags, such as
 * `RemoteProvider.jobs()`, `QfabricService.jobs()` or a backend with `jobs()` (a structural
 * subset, so no particular provider class is required).
 */
export interface JobSetSource {
  /** The jobs carrying every one of `tags` (all pages). */
  jobs(filter: {
    readonly tags: readonly string[]
    readonly signal?: AbortSignalLike | undefined
  }): AsyncIterable<Job>
}

interface Member {
  readonly job: Job
  readonly info: JobSetMemberInfo
}

/**
 * Rebuilds a job set from its jobs' tags alone, in any process (Qiskit's `retrieve_job_set`,
 * without its failures on cancelled members, Qiskit/qiskit-ibmq-provider#569, or on more than
 * ten jobs, Qiskit/qiskit-ibm-provider#31). Cancelled and failed members are kept as they are;
 * members the source no longer lists become `missing` slices with their experiment ranges, so
 * `results()` reports exactly which experiments are gone. When a slice was submitted twice, the
 * newest job wins.
 *
 * @param jobSetId - the set's id (`set.jobSetId`)
 * @param source - lists jobs by tag, e.g. a `RemoteProvider`
 * @param options - a signal
 * @returns the job set; its `name` is parsed from the jobs' names (`<name>_<k>_`)
 * @throws TypeError for a malformed id
 * @throws JobManagerError `job-set.unknown` when no job carries the set's tag;
 *   `job-set.invalid` when the members' tags disagree
 * @example
 * ```ts
 * const set = await retrieveJobSet(savedId, await service.getProvider())
 * set.missingJobs() // slices whose jobs were deleted
 * const results = await set.results()
 * ```
 */
export async function retrieveJobSet(
  jobSetId: string,
  source: JobSetSource,
  options: AbortableOptions = {},
): Promise<ManagedJobSet> {
  assertJobSetId(jobSetId)
  const members = await listMembers(jobSetId, source, options.signal)
  const first = members[0]
  if (first === undefined) {
    throw new JobManagerError('job-set.unknown', `No job carries the tag of job set ${jobSetId}.`)
  }
  const { count, totalExperiments } = first.info
  const byIndex = new Map<number, Member>()
  for (const member of members) {
    const { info } = member
    if (info.count !== count || info.totalExperiments !== totalExperiments) {
      throw new JobManagerError(
        'job-set.invalid',
        `The jobs of set ${jobSetId} disagree on its size: ${count} jobs of ${totalExperiments} ` +
          `experiments, and ${info.count} jobs of ${info.totalExperiments} (job ${member.job.id}).`,
      )
    }
    const seen = byIndex.get(info.index)
    if (seen === undefined || isNewer(member.job, seen.job)) byIndex.set(info.index, member)
  }
  const size = sliceSize(first.info)
  const managedJobs = Array.from({ length: count }, (_, index): ManagedJob => {
    const member = byIndex.get(index)
    if (member === undefined) {
      return Object.freeze({
        kind: 'missing',
        index,
        ...rangeOf(index, size, totalExperiments),
        experimentNames: undefined,
        job: undefined,
      })
    }
    const { startIndex, endIndex } = member.info
    return Object.freeze({
      kind: 'submitted',
      index,
      startIndex,
      endIndex,
      experimentNames: undefined,
      job: member.job,
    })
  })
  return new ManagedJobSet({
    jobSetId,
    name: setNameOf(first) ?? jobSetId,
    tags: first.job.tags.filter((t) => !isJobSetTag(t)),
    backendName: first.job.backendName,
    numExperiments: totalExperiments,
    managedJobs,
  })
}

async function listMembers(
  jobSetId: string,
  source: JobSetSource,
  signal: AbortSignalLike | undefined,
): Promise<Member[]> {
  const members: Member[] = []
  for await (const job of source.jobs({ tags: [jobSetIdTag(jobSetId)], signal })) {
    // A source may match tags loosely; only the set's own members count.
    const info = parseJobSetMemberTags(job.tags, jobSetId)
    if (info !== undefined) members.push({ job, info })
  }
  // Sorted by index, so that the reference member (`first`) does not depend on listing order.
  return members.sort((a, b) => a.info.index - b.info.index)
}

function isNewer(a: Job, b: Job): boolean {
  return (a.creationDate?.getTime() ?? 0) > (b.creationDate?.getTime() ?? 0)
}

/**
 * The slice size of the set, from any one member: every slice but the last has the same size,
 * so a non-last member gives it directly and the last one gives it as `start / index`.
 */
function sliceSize(info: JobSetMemberInfo): number {
  if (info.index < info.count - 1) return info.endIndex - info.startIndex + 1
  return info.index === 0 ? info.totalExperiments : info.startIndex / info.index
}

function rangeOf(index: number, size: number, total: number): ExperimentRange {
  return { startIndex: index * size, endIndex: Math.min((index + 1) * size, total) - 1 }
}

/** The set's name from a member's job name `<name>_<k>_`, when it has that shape. */
function setNameOf(member: Member): string | undefined {
  const suffix = `_${member.info.index}_`
  const name = member.job.name
  return name?.endsWith(suffix) === true ? name.slice(0, -suffix.length) : undefined
}
