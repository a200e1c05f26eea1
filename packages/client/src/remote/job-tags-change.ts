import { JOB_SET_TAG_PREFIX } from '../job-manager/job-set-tags.js'
import { ClientError } from '../errors/client-errors.js'

/** A change of a job's tags (Qiskit's `job.update_tags` arguments). */
export interface JobTagsChange {
  /** Tags that replace the current ones. */
  readonly replacementTags?: readonly string[] | undefined
  /** Tags added after the replacement. */
  readonly additionalTags?: readonly string[] | undefined
  /** Tags removed last. */
  readonly removalTags?: readonly string[] | undefined
}

/**
 * The tags after a change, in Qiskit's order: replace, then add, then remove. A job manager's
 * set tags (`qfabric:jobset…`) always stay: without them the job would drop out of its set.
 *
 * @param current - the job's tags now
 * @param change - the change (at least one of its lists)
 * @returns the new tags, without repeats
 * @throws ClientError `client.invalid-input` when the change names no tags at all
 */
export function changedTags(current: readonly string[], change: JobTagsChange): string[] {
  const { replacementTags, additionalTags = [], removalTags = [] } = change
  if (replacementTags === undefined && additionalTags.length === 0 && removalTags.length === 0) {
    throw new ClientError(
      'client.invalid-input',
      'updateTags needs replacementTags, additionalTags or removalTags',
    )
  }
  const kept = current.filter((tag) => tag.startsWith(JOB_SET_TAG_PREFIX))
  const removed = new Set(removalTags.filter((tag) => !tag.startsWith(JOB_SET_TAG_PREFIX)))
  const tags = new Set([...kept, ...(replacementTags ?? current), ...additionalTags])
  return [...tags].filter((tag) => !removed.has(tag))
}
