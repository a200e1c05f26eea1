import { describe, expect, it } from 'vitest'
import { parseServeArgs } from '../../src/serve/parse-serve-args.js'
import { ServeError } from '../../src/serve/serve-error.js'

describe('parseServeArgs: --worker-thread', () => {
  it('is on by default with a SQLite data directory, off on PostgreSQL', () => {
    expect(parseServeArgs(['--data-dir', 'data']).workerThread).toBe(true)
    expect(parseServeArgs(['--db', 'postgres://db/qfabric']).workerThread).toBe(false)
    // In memory (nothing to share), or a role without workers or without HTTP: no thread.
    expect(parseServeArgs([]).workerThread).toBe(false)
    expect(parseServeArgs(['--role', 'api', '--data-dir', 'data']).workerThread).toBe(false)
    expect(parseServeArgs(['--role', 'worker', '--data-dir', 'data']).workerThread).toBe(false)
  })

  it('is turned off with --no-worker-thread', () => {
    expect(parseServeArgs(['--no-worker-thread', '--data-dir', 'data']).workerThread).toBe(false)
  })

  it('runs the workers of role all on a thread, on a SQLite file or PostgreSQL', () => {
    expect(parseServeArgs(['--worker-thread', '--data-dir', 'data']).workerThread).toBe(true)
    const pg = parseServeArgs(['--worker-thread', '--db', 'postgres://db/qfabric'])
    expect(pg).toMatchObject({ role: 'all', workerThread: true })
  })

  it.each([
    [['--worker-thread', '--role', 'api', '--data-dir', 'data'], /needs role all, got 'api'/],
    [['--worker-thread', '--role', 'worker', '--data-dir', 'data'], /needs role all/],
    [['--worker-thread'], /needs a database file/],
  ])('refuses %j', (argv, message) => {
    const error: unknown = (() => {
      try {
        return parseServeArgs(argv)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ServeError)
    expect((error as ServeError).code).toBe('serve.invalid-argument')
    expect((error as Error).message).toMatch(message)
  })
})
