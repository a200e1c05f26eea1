import type { JobRecord } from '@qfabric/protocol'
import type { StoredJob } from '../store/job-store-types.js'
import type { AppContext } from './app-context.js'
import { toJobRecord } from './job-views.js'

/**
 * The full wire record of a stored job, with its queue position and estimates computed now.
 *
 * @param context - the app context
 * @param job - the stored job
 * @returns the job record
 */
export async function recordOf(context: AppContext, job: StoredJob): Promise<JobRecord> {
  return toJobRecord(job, await context.estimator.queueInfo(job), context.limits.pollAfterSeconds)
}
