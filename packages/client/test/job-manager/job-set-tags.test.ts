import { describe, expect, it } from 'vitest'
import {
  assertJobSetId,
  isJobSetTag,
  jobSetMemberTags,
  parseJobSetMemberTags,
} from '../../src/job-manager/job-set-tags.js'

const info = {
  jobSetId: '01J9Z3K7Q8V2M4N6P0R2S4T6V8',
  index: 2,
  count: 4,
  startIndex: 6,
  endIndex: 8,
  totalExperiments: 10,
}

describe('job set tags', () => {
  it('round-trip a member position through tags', () => {
    const tags = ['user', ...jobSetMemberTags(info)]
    expect(parseJobSetMemberTags(tags, info.jobSetId)).toEqual(info)
    expect(tags.filter(isJobSetTag)).toHaveLength(3)
  })

  it('stay within the service limit of 64 characters per tag for the longest id', () => {
    const long = {
      ...info,
      jobSetId: 'x'.repeat(48),
      totalExperiments: 10 ** 9,
      endIndex: 10 ** 9 - 1,
    }
    for (const tag of jobSetMemberTags(long)) expect(tag.length).toBeLessThanOrEqual(64)
  })

  it('ignore jobs of other sets and reject a member with broken tags', () => {
    expect(parseJobSetMemberTags(jobSetMemberTags(info), 'other')).toBeUndefined()
    const broken = jobSetMemberTags(info).filter((t) => !t.includes('-range='))
    expect(() => parseJobSetMemberTags(broken, info.jobSetId)).toThrow(
      expect.objectContaining({ code: 'job-set.invalid' }),
    )
    const inconsistent = [...jobSetMemberTags({ ...info, index: 5 })]
    expect(() => parseJobSetMemberTags(inconsistent, info.jobSetId)).toThrow(
      expect.objectContaining({ code: 'job-set.invalid' }),
    )
  })

  it('accept only tag-safe ids', () => {
    expect(() => {
      assertJobSetId('run-2024_01')
    }).not.toThrow()
    for (const bad of ['', 'a b', 'a=b', 'x'.repeat(49)]) {
      expect(() => {
        assertJobSetId(bad)
      }).toThrow(TypeError)
    }
  })
})
