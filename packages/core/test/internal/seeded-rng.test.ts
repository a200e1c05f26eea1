import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { pythonJson } from '../math/support/python.js'

describe('SeededRng', () => {
  it('matches a reference xoshiro128** seeded by splitmix32 (Python)', () => {
    const ref = pythonJson<number[]>(`
import json
M=0xffffffff
def splitmix(seed):
    x=seed&M
    def nxt():
        nonlocal x
        x=(x+0x9e3779b9)&M
        z=x
        z=((z^(z>>16))*0x85ebca6b)&M
        z=((z^(z>>13))*0xc2b2ae35)&M
        return (z^(z>>16))&M
    return nxt
def rotl(x,k): return ((x<<k)|(x>>(32-k)))&M
n=splitmix(12345); s=[n(),n(),n(),n()]
out=[]
for _ in range(8):
    r=(rotl((s[1]*5)&M,7)*9)&M
    t=(s[1]<<9)&M
    s[2]^=s[0]; s[3]^=s[1]; s[1]^=s[2]; s[0]^=s[3]; s[2]^=t; s[3]=rotl(s[3],11)
    out.append(r)
print(json.dumps(out))`)
    const rng = new SeededRng(12345)
    expect(Array.from({ length: 8 }, () => rng.nextUint32())).toEqual(ref)
  })

  it('is reproducible and seed-dependent', () => {
    const a = new SeededRng(7)
    const b = new SeededRng(7)
    const c = new SeededRng(8)
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs)
  })

  it('draws uniform doubles in [0, 1) with the right moments', () => {
    const rng = new SeededRng(1)
    const n = 100_000
    let sum = 0
    let sq = 0
    for (let i = 0; i < n; i++) {
      const x = rng.next()
      expect(x >= 0 && x < 1).toBe(true)
      sum += x
      sq += x * x
    }
    expect(sum / n).toBeCloseTo(0.5, 2)
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2)
  })

  it('draws normals with mean 0 and variance 1', () => {
    const rng = new SeededRng(2)
    const n = 100_000
    let sum = 0
    let sq = 0
    for (let i = 0; i < n; i++) {
      const x = rng.normal()
      sum += x
      sq += x * x
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02)
    expect(sq / n).toBeCloseTo(1, 1)
  })

  it('draws unbiased integers and uniform ranges', () => {
    const rng = new SeededRng(3)
    const counts = [0, 0, 0, 0, 0, 0]
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]!++
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500)
    for (let i = 0; i < 1000; i++) {
      const x = rng.uniform(-2, 3)
      expect(x >= -2 && x < 3).toBe(true)
    }
    expect(() => rng.int(0)).toThrow(RangeError)
    expect(() => rng.int(1.5)).toThrow(RangeError)
  })
})
