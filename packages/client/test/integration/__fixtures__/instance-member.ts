/**
 * Extra instances for the integration tests: an instance with its own settings (job limits)
 * and a member token for it, provisioned with `ServiceAdmin.provisionMember` as an operator would.
 */
import type { InstanceSettings } from '@qfabric/protocol'
import { ServiceAdmin } from '../../../src/admin/service-admin.js'
import { QfabricService } from '../../../src/service/qfabric-service.js'
import type { ServiceFixture } from '../../support/service-fixture.js'

/** What {@link provisionInstanceMember} makes. */
export interface InstanceMember {
  /** The new instance, `hub/group/project`. */
  readonly instance: string
  /** A member token that can use only that instance. */
  readonly token: string
  /** A service for that token, with the instance as its default. */
  readonly service: QfabricService
}

/**
 * Creates an instance with `settings`, a user who is a member of it, and a token for that user.
 *
 * @param fixture - the running service (its admin token is used)
 * @param options - the instance path, its settings and the new user's login
 * @returns the instance, the token and a service for it
 */
export async function provisionInstanceMember(
  fixture: ServiceFixture,
  options: {
    readonly instance: string
    readonly settings: InstanceSettings
    readonly login: string
  },
): Promise<InstanceMember> {
  const { instance, settings, login } = options
  const admin = new ServiceAdmin({ url: fixture.url, token: fixture.adminToken })
  const { token: created } = await admin.provisionMember({ instance, login, settings })
  const token = created.token
  const service = QfabricService.enableAccount({ url: fixture.url, token, instance })
  return { instance, token, service }
}
