import { describeBackendConformance } from '@qfabric/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QfabricService } from '../../src/service/qfabric-service.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

// The shared backend suite of @qfabric/core/testing, run on RemoteBackends of a real service.
describe('RemoteBackend', () => {
  let fixture: ServiceFixture
  let service: QfabricService

  beforeAll(async () => {
    fixture = await startServiceFixture()
    service = QfabricService.enableAccount({ url: fixture.url, token: fixture.token })
  })
  afterAll(async () => {
    await fixture.close()
  })

  for (const name of ['qasm_simulator', 'fake_manila']) {
    describeBackendConformance({
      describe,
      it,
      expect,
      name: `backend conformance (${name})`,
      createBackend: () => service.backend(name),
    })
  }
})
