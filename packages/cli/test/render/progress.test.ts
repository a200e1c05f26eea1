import { describe, expect, it } from 'vitest'
import { formatProgress, ProgressLine } from '../../src/render/progress.js'
import { sink } from '../support/run-command.js'

describe('formatProgress', () => {
  it('shows status, queue position and elapsed seconds', () => {
    expect(formatProgress({ status: 'QUEUED', queuePosition: 3 }, 12_400)).toBe(
      'QUEUED  position 3  12.4s',
    )
  })

  it('shows work done, with a bar only when asked', () => {
    const state = { status: 'RUNNING', work: { done: 512, total: 1024 } }
    expect(formatProgress(state, 0)).toBe('RUNNING  512/1024 shots  0.0s')
    expect(formatProgress(state, 0, true)).toBe(
      `RUNNING  [${'█'.repeat(10)}${'░'.repeat(10)}] 512/1024 shots  0.0s`,
    )
  })
})

describe('ProgressLine', () => {
  it('writes plain lines, one per change of status or queue position, when not animated', () => {
    let now = 0
    const out = sink()
    const progress = new ProgressLine({ sink: out, label: 'job1', now: () => now })
    progress.update({ status: 'QUEUED', queuePosition: 2 })
    now = 1000
    progress.update({ status: 'QUEUED', queuePosition: 2 })
    progress.update({ status: 'QUEUED', queuePosition: 1 })
    now = 2500
    progress.update({ status: 'RUNNING', work: { done: 1, total: 4 } })
    progress.update({ status: 'RUNNING', work: { done: 2, total: 4 } })
    progress.stop()
    expect(out.text).toBe(
      'job1  QUEUED  position 2  0.0s\n' +
        'job1  QUEUED  position 1  1.0s\n' +
        'job1  RUNNING  1/4 shots  2.5s\n',
    )
    expect(out.text).not.toContain('\r')
  })

  it('redraws one line in place on a terminal and clears it at the end', () => {
    const buffer = sink()
    const out = { write: (t: string) => buffer.write(t), isTTY: true }
    const text = (): string => buffer.text
    const progress = new ProgressLine({ sink: out, now: () => 0 })
    progress.update({ status: 'QUEUED', queuePosition: 0 })
    progress.update({ status: 'RUNNING' })
    progress.stop()
    expect(text()).not.toContain('\n')
    const clear = '\r\u001b[K'
    expect(text().startsWith(clear)).toBe(true)
    expect(text().slice(clear.length)).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] QUEUED {2}position 0 {2}0\.0s/)
    expect(text()).toContain('RUNNING  0.0s')
    expect(text().endsWith('\r\x1b[K')).toBe(true)
  })
})
