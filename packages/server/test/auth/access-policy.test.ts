import type { Membership, MembershipRole, TokenScope } from '@qfabric/protocol'
import { describe, expect, it } from 'vitest'
import {
  canReadJob,
  canSubmitTo,
  canWriteJob,
  effectiveRole,
  hasScope,
  isServiceAdmin,
} from '../../src/auth/access-policy.js'
import type { Principal } from '../../src/auth/principal.js'

function principal(init: {
  role?: 'admin' | 'member'
  scopes?: TokenScope[]
  instances?: string[] | null
  memberships?: [string, MembershipRole][]
  id?: string
}): Principal {
  const id = init.id ?? 'user_a'
  return {
    user: {
      id,
      login: id,
      display_name: id,
      status: 'active',
      role: init.role ?? 'member',
      created_at: '2026-09-01T00:00:00.000Z',
    },
    token: {
      id: 'tok',
      user_id: id,
      name: 't',
      prefix: 'qjs_tok',
      scopes: init.scopes ?? ['jobs:read', 'jobs:write', 'backends:read'],
      instances: init.instances ?? null,
      created_at: '2026-09-01T00:00:00.000Z',
      last_used_at: null,
      expires_at: null,
    },
    memberships: (init.memberships ?? []).map(([instance, role], i): Membership => ({
      id: `m${i}`,
      user_id: id,
      instance,
      role,
      created_at: '2026-09-01T00:00:00.000Z',
    })),
  }
}

describe('access policy', () => {
  it('takes the strongest inherited role and respects token restrictions', () => {
    const p = principal({
      memberships: [
        ['acme', 'viewer'],
        ['acme/research', 'member'],
      ],
    })
    expect(effectiveRole(p, 'acme/research/vqe')).toBe('member')
    expect(effectiveRole(p, 'acme/ops/x')).toBe('viewer')
    expect(effectiveRole(p, 'acme2/research/vqe')).toBeNull()
    expect(canSubmitTo(p, 'acme/research/vqe')).toBe(true)
    expect(canSubmitTo(p, 'acme/ops/x')).toBe(false)
    const restricted = principal({
      memberships: [['acme', 'admin']],
      instances: ['acme/research'],
    })
    expect(effectiveRole(restricted, 'acme/research/vqe')).toBe('admin')
    expect(effectiveRole(restricted, 'acme/ops/x')).toBeNull()
  })

  it('grants admin only to admin users with admin tokens', () => {
    expect(isServiceAdmin(principal({ role: 'admin', scopes: ['admin'] }))).toBe(true)
    expect(isServiceAdmin(principal({ role: 'admin', scopes: ['jobs:read'] }))).toBe(false)
    expect(isServiceAdmin(principal({ role: 'member', scopes: ['admin'] }))).toBe(false)
    expect(hasScope(principal({ role: 'admin', scopes: ['admin'] }), 'jobs:write')).toBe(true)
    expect(hasScope(principal({ scopes: ['jobs:read'] }), 'jobs:write')).toBe(false)
    expect(hasScope(principal({ scopes: ['admin'] }), 'admin')).toBe(false)
  })

  it('applies job visibility levels', () => {
    const job = (visibility: 'private' | 'project' | 'group' | 'hub') => ({
      instance: 'acme/research/vqe',
      owner: 'user_owner',
      visibility,
    })
    const owner = principal({ id: 'user_owner', memberships: [['acme/research/vqe', 'member']] })
    const sameProject = principal({ memberships: [['acme/research/vqe', 'member']] })
    const sameGroup = principal({ memberships: [['acme/research/qaoa', 'member']] })
    const sameHub = principal({ memberships: [['acme/ops/x', 'viewer']] })
    const projectAdmin = principal({ memberships: [['acme/research/vqe', 'admin']] })
    const outsider = principal({ memberships: [['other/lab/main', 'member']] })
    const table: [Principal, Record<string, boolean>][] = [
      [owner, { private: true, project: true, group: true, hub: true }],
      [sameProject, { private: false, project: true, group: true, hub: true }],
      [sameGroup, { private: false, project: false, group: true, hub: true }],
      [sameHub, { private: false, project: false, group: false, hub: true }],
      [projectAdmin, { private: true, project: true, group: true, hub: true }],
      [outsider, { private: false, project: false, group: false, hub: false }],
    ]
    for (const [who, expected] of table) {
      for (const [visibility, allowed] of Object.entries(expected)) {
        expect(
          canReadJob(who, job(visibility as 'private')),
          `${who.memberships[0]?.instance} ${visibility}`,
        ).toBe(allowed)
      }
    }
    expect(canWriteJob(owner, job('hub'))).toBe(true)
    expect(canWriteJob(sameProject, job('hub'))).toBe(false)
    expect(canWriteJob(projectAdmin, job('private'))).toBe(true)
    const formerOwner = principal({ id: 'user_owner' })
    expect(canReadJob(formerOwner, job('private'))).toBe(false)
  })
})
