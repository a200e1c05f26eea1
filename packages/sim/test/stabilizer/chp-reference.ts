/**
 * A textbook Aaronson–Gottesman CHP simulator (one byte per bit, row-major, AG's `rowsum` with
 * the `g` function verbatim) used as an independent reference for wide states, where a
 * statevector is out of reach.
 */
import type { RandomBits } from '../../src/stabilizer/tableau-measure.js'

export class ChpReference {
  readonly n: number
  /** Rows 0…n−1 destabilizers, n…2n−1 stabilizers, 2n scratch. */
  readonly x: Uint8Array[]
  readonly z: Uint8Array[]
  readonly r: Uint8Array

  constructor(n: number) {
    this.n = n
    this.x = Array.from({ length: 2 * n + 1 }, () => new Uint8Array(n))
    this.z = Array.from({ length: 2 * n + 1 }, () => new Uint8Array(n))
    this.r = new Uint8Array(2 * n + 1)
    for (let i = 0; i < n; i++) {
      this.x[i]![i] = 1
      this.z[n + i]![i] = 1
    }
  }

  h(a: number): this {
    for (let i = 0; i < 2 * this.n; i++) {
      this.r[i]! ^= this.x[i]![a]! & this.z[i]![a]!
      const t = this.x[i]![a]!
      this.x[i]![a] = this.z[i]![a]!
      this.z[i]![a] = t
    }
    return this
  }

  s(a: number): this {
    for (let i = 0; i < 2 * this.n; i++) {
      this.r[i]! ^= this.x[i]![a]! & this.z[i]![a]!
      this.z[i]![a]! ^= this.x[i]![a]!
    }
    return this
  }

  cx(a: number, b: number): this {
    for (let i = 0; i < 2 * this.n; i++) {
      const [xa, za, xb, zb] = [this.x[i]![a]!, this.z[i]![a]!, this.x[i]![b]!, this.z[i]![b]!]
      this.r[i]! ^= xa & zb & (xb ^ za ^ 1)
      this.x[i]![b] = xb ^ xa
      this.z[i]![a] = za ^ zb
    }
    return this
  }

  private static g(x1: number, z1: number, x2: number, z2: number): number {
    if (x1 === 0 && z1 === 0) return 0
    if (x1 === 1 && z1 === 1) return z2 - x2
    if (x1 === 1 && z1 === 0) return z2 * (2 * x2 - 1)
    return x2 * (1 - 2 * z2)
  }

  /** Row h := row i · row h (AG's rowsum(h, i)). */
  private rowsum(h: number, i: number): void {
    let sum = 2 * this.r[h]! + 2 * this.r[i]!
    for (let j = 0; j < this.n; j++)
      sum += ChpReference.g(this.x[i]![j]!, this.z[i]![j]!, this.x[h]![j]!, this.z[h]![j]!)
    const m = ((sum % 4) + 4) % 4
    if (m !== 0 && m !== 2) throw new Error(`rowsum produced phase i^${m}`)
    this.r[h] = m === 2 ? 1 : 0
    for (let j = 0; j < this.n; j++) {
      this.x[h]![j]! ^= this.x[i]![j]!
      this.z[h]![j]! ^= this.z[i]![j]!
    }
  }

  measure(a: number, rng: RandomBits): 0 | 1 {
    const n = this.n
    let p = -1
    for (let i = n; i < 2 * n; i++) {
      if (this.x[i]![a] === 1) {
        p = i
        break
      }
    }
    if (p >= 0) {
      // Row p − n is overwritten just below (AG multiply it too, with a meaningless ±i phase).
      for (let i = 0; i < 2 * n; i++)
        if (i !== p && i !== p - n && this.x[i]![a] === 1) this.rowsum(i, p)
      this.x[p - n]!.set(this.x[p]!)
      this.z[p - n]!.set(this.z[p]!)
      this.r[p - n] = this.r[p]!
      this.x[p]!.fill(0)
      this.z[p]!.fill(0)
      this.z[p]![a] = 1
      const outcome = (rng.nextUint32() >>> 31) as 0 | 1
      this.r[p] = outcome
      return outcome
    }
    const s = 2 * n
    this.x[s]!.fill(0)
    this.z[s]!.fill(0)
    this.r[s] = 0
    for (let i = 0; i < n; i++) if (this.x[i]![a] === 1) this.rowsum(s, i + n)
    return this.r[s] as 0 | 1
  }

  /** Signed stabilizer labels, qubit 0 rightmost. */
  stabilizers(): string[] {
    return this.labels(this.n)
  }

  /** Destabilizer labels without signs. */
  destabilizers(): string[] {
    return this.labels(0).map((l) => l.slice(1))
  }

  private labels(offset: number): string[] {
    const out: string[] = []
    for (let i = offset; i < offset + this.n; i++) {
      let label = this.r[i] === 1 ? '-' : '+'
      for (let q = this.n - 1; q >= 0; q--) {
        const [x, z] = [this.x[i]![q], this.z[i]![q]]
        label += x === 1 ? (z === 1 ? 'Y' : 'X') : z === 1 ? 'Z' : 'I'
      }
      out.push(label)
    }
    return out
  }
}
