import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { WalCheckpointer } from '../../../src/store/sqlite/wal-checkpointer.js'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

/** A WAL database whose own connection never checkpoints, with ~1 MiB written to the WAL. */
async function walDatabase(): Promise<{ filename: string; db: DatabaseSync }> {
  const dir = await mkdtemp(join(tmpdir(), 'qfabric-ckpt-'))
  dirs.push(dir)
  const filename = join(dir, 'test.db')
  const db = new DatabaseSync(filename)
  db.exec('PRAGMA journal_mode = WAL')
  db.exec('PRAGMA wal_autocheckpoint = 0')
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)')
  const insert = db.prepare('INSERT INTO t (data) VALUES (?)')
  for (let i = 0; i < 256; i++) insert.run(new Uint8Array(4096).fill(i))
  return { filename, db }
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('WalCheckpointer', () => {
  it('copies the WAL into the database file from its own thread, and stops cleanly', async () => {
    const { filename, db } = await walDatabase()
    // In WAL mode the database file only grows when a checkpoint copies pages into it.
    expect((await stat(filename)).size).toBeLessThan(64 * 1024)
    let failed = false
    const checkpointer = await WalCheckpointer.start(filename, {
      intervalMs: 10,
      onFailure: () => (failed = true),
    })
    await until(async () => (await stat(filename)).size > 1024 * 1024)
    await checkpointer.stop()
    await checkpointer.stop()
    expect(failed).toBe(false)
    const row = db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }
    expect(row.n).toBe(256)
    db.close()
  })

  it('refuses a file it cannot open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qfabric-ckpt-'))
    dirs.push(dir)
    await expect(
      WalCheckpointer.start(join(dir, 'missing', 'test.db'), {
        intervalMs: 10,
        onFailure: () => undefined,
      }),
    ).rejects.toThrow()
  })
})
