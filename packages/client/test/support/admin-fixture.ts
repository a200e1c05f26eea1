/**
 * One fixture service per test file, with an admin client for it: started before the file's
 * tests, closed after them.
 */
import { afterAll, beforeAll } from 'vitest'
import { ServiceAdmin } from '../../src/admin/service-admin.js'
import { startServiceFixture, type ServiceFixture } from './service-fixture.js'

/** The running service and its admin client (read them inside tests, once started). */
export interface AdminFixture {
  readonly service: ServiceFixture
  readonly admin: ServiceAdmin
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start a {@link ServiceFixture} and close it.
 *
 * @returns the fixture, whose members are available from the first test on
 */
export function useAdminFixture(): AdminFixture {
  let started: AdminFixture | undefined
  beforeAll(async () => {
    const service = await startServiceFixture()
    started = { service, admin: new ServiceAdmin({ url: service.url, token: service.adminToken }) }
  })
  afterAll(async () => {
    await started?.service.close()
  })
  const get = (): AdminFixture => {
    if (started === undefined) throw new Error('the admin fixture is not started yet')
    return started
  }
  return {
    get service() {
      return get().service
    },
    get admin() {
      return get().admin
    },
  }
}
