import { describe, expect, it } from 'vitest'
import { PreparedQuery } from '../../src/store/prepared-query.js'
import { SqliteJobStore } from '../../src/store/sqlite/sqlite-job-store.js'

describe('PreparedQuery', () => {
  it('runs one compiled query with each call’s arguments, in a transaction too', async () => {
    await using store = await SqliteJobStore.open({ filename: ':memory:' })
    for (const login of ['ann', 'ben', 'cid']) await store.createUser({ id: `u_${login}`, login })
    const scope = { dialect: { name: 'sqlite' } } as Parameters<
      PreparedQuery<[string], unknown>['execute']
    >[0]
    let builds = 0
    const byLogin = new PreparedQuery((db, _dialect, login: string) => {
      builds++
      return db.selectFrom('users').select(['id', 'login']).where('login', '=', login)
    })
    expect(await byLogin.execute(scope, store.db, ['ben'])).toEqual([{ id: 'u_ben', login: 'ben' }])
    expect(await byLogin.execute(scope, store.db, ['cid'])).toEqual([{ id: 'u_cid', login: 'cid' }])
    expect(await byLogin.execute(scope, store.db, ['nobody'])).toEqual([])
    const inTrx = await store.db
      .transaction()
      .execute((trx) => byLogin.execute(scope, trx, ['ann']))
    expect(inTrx).toEqual([{ id: 'u_ann', login: 'ann' }])
    expect(builds).toBe(1)
  })

  it('keeps the constants of the build and compiles once per shape', async () => {
    await using store = await SqliteJobStore.open({ filename: ':memory:' })
    for (const login of ['ann', 'ben']) await store.createUser({ id: `u_${login}`, login })
    let builds = 0
    const count = new PreparedQuery((db, _dialect, ...logins: string[]) => {
      builds++
      return db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'member')
        .where('login', 'in', logins)
    })
    const scope = (shape: string) =>
      ({ dialect: { name: 'sqlite' }, shape }) as Parameters<
        PreparedQuery<string[], unknown>['execute']
      >[0]
    expect(await count.execute(scope('1'), store.db, ['ann'])).toEqual([{ n: 1 }])
    expect(await count.execute(scope('2'), store.db, ['ann', 'ben'])).toEqual([{ n: 2 }])
    expect(await count.execute(scope('2'), store.db, ['ben', 'zed'])).toEqual([{ n: 1 }])
    expect(builds).toBe(2)
  })
})
