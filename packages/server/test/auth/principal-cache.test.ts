import type { Membership, User } from '@qfabric/protocol'
import { describe, expect, it } from 'vitest'
import { PrincipalCache } from '../../src/auth/principal-cache.js'
import type { Principal } from '../../src/auth/principal.js'
import { createManualClock } from '../../src/store/clock.js'

function principal(login: string): Principal {
  return {
    user: { id: `user_${login}`, login } as unknown as User,
    token: { id: `tok_${login}` } as unknown as Principal['token'],
    memberships: [] as Membership[],
  }
}

describe('PrincipalCache', () => {
  it('serves a principal for the TTL only', () => {
    const clock = createManualClock(1_000_000)
    const cache = new PrincipalCache({ ttlMs: 5000, clock })
    const alice = principal('alice')
    cache.set('h1', alice, { expiresAt: null, generation: cache.generation })
    expect(cache.get('h1')).toBe(alice)
    expect(cache.get('h2')).toBeUndefined()
    clock.advance(4999)
    expect(cache.get('h1')).toBe(alice)
    clock.advance(1)
    expect(cache.get('h1')).toBeUndefined()
  })

  it('never serves a principal past its token’s expiry', () => {
    const clock = createManualClock(1_000_000)
    const cache = new PrincipalCache({ ttlMs: 60_000, clock })
    cache.set('h1', principal('alice'), { expiresAt: clock.now() + 100, generation: 0 })
    clock.advance(99)
    expect(cache.get('h1')).toBeDefined()
    clock.advance(1)
    expect(cache.get('h1')).toBeUndefined()
  })

  it('forgets everything on clear, and keeps nothing loaded before the clear', () => {
    const clock = createManualClock(1_000_000)
    const cache = new PrincipalCache({ ttlMs: 5000, clock })
    cache.set('h1', principal('alice'), { expiresAt: null, generation: cache.generation })
    // A request starts loading bob's principal, then accounts change before it is kept.
    const before = cache.generation
    cache.clear()
    expect(cache.get('h1')).toBeUndefined()
    cache.set('h2', principal('bob'), { expiresAt: null, generation: before })
    expect(cache.get('h2')).toBeUndefined()
    cache.set('h2', principal('bob'), { expiresAt: null, generation: cache.generation })
    expect(cache.get('h2')).toBeDefined()
  })

  it('keeps at most maxEntries, dropping the oldest', () => {
    const clock = createManualClock(1_000_000)
    const cache = new PrincipalCache({ ttlMs: 5000, clock, maxEntries: 2 })
    for (const name of ['a', 'b', 'c']) {
      cache.set(name, principal(name), { expiresAt: null, generation: cache.generation })
    }
    expect(cache.get('a')).toBeUndefined()
    expect(cache.get('b')).toBeDefined()
    expect(cache.get('c')).toBeDefined()
  })

  it('refuses a TTL or size that is not positive', () => {
    const clock = createManualClock(0)
    expect(() => new PrincipalCache({ ttlMs: 0, clock })).toThrow(RangeError)
    expect(() => new PrincipalCache({ ttlMs: 10, clock, maxEntries: 0 })).toThrow(RangeError)
  })
})
