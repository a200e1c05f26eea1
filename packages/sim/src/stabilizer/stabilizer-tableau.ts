/**
 * The Aaronson–Gottesman (CHP) tableau of an n-qubit stabilizer state, bit-packed.
 *
 * Layout (qubit-major, as in Stim): for each qubit `q`, one row of `stride` 32-bit words holds
 * the X bits of that qubit in all 2n generators, and another its Z bits. The first `halfWords`
 * words of a row cover the destabilizers (generator `i` at bit `i`), the next `halfWords` the
 * stabilizers (generator `i` at bit `i` of the second half), so a destabilizer and its
 * stabilizer partner share a word offset and a bit. `signs` holds one sign bit per generator in
 * the same layout (`1` means the generator carries a factor −1).
 *
 * Why qubit-major: a gate touches one or two qubits and every generator, so each gate is a few
 * word operations per 32 generators. Measurement's row products (AG's `rowsum`) are word-parallel
 * over generators too: see `tableau-measure.ts`.
 */
import { measureQubit, zExpectation, type RandomBits } from './tableau-measure.js'
import { wordsFor } from './bit-words.js'

/**
 * A stabilizer state of `numQubits` qubits under Clifford gates and Z-basis measurement, with
 * exact signs (Aaronson & Gottesman, "Improved simulation of stabilizer circuits", 2004).
 *
 * Gate methods build in place and return `this`. Qubit indices are little-endian as everywhere
 * in qfabric (qubit 0 is the rightmost character of labels and bitstrings).
 *
 * @example
 * ```ts
 * const t = new StabilizerTableau(2).h(0).cx(0, 1)
 * t.stabilizers()                   // ['+XX', '+ZZ']
 * t.measure(0, createRng(1))        // 0 or 1, and then qubit 1 reads the same
 * ```
 */
export class StabilizerTableau {
  /** The number of qubits. */
  readonly numQubits: number
  /** Words per half row (destabilizers or stabilizers): `⌈numQubits / 32⌉`. */
  readonly halfWords: number
  /** Words per qubit row: `2 · halfWords`. */
  readonly stride: number
  /** X bits: row `q` is `xs[q·stride … (q+1)·stride)`. */
  readonly xs: Uint32Array
  /** Z bits, laid out as `xs`. */
  readonly zs: Uint32Array
  /** Sign bits of the generators, laid out as one row. */
  readonly signs: Uint32Array

  /**
   * The state |0…0⟩: destabilizers X_i, stabilizers +Z_i.
   *
   * @param numQubits - a non-negative integer
   * @throws RangeError for a negative or fractional qubit count
   */
  constructor(numQubits: number) {
    if (!Number.isSafeInteger(numQubits) || numQubits < 0) {
      throw new RangeError(`numQubits must be a non-negative integer, got ${numQubits}`)
    }
    this.numQubits = numQubits
    this.halfWords = wordsFor(numQubits)
    this.stride = 2 * this.halfWords
    this.xs = new Uint32Array(numQubits * this.stride)
    this.zs = new Uint32Array(numQubits * this.stride)
    this.signs = new Uint32Array(this.stride)
    for (let q = 0; q < numQubits; q++) {
      const bit = 1 << (q & 31)
      this.xs[q * this.stride + (q >>> 5)] = bit
      this.zs[q * this.stride + this.halfWords + (q >>> 5)] = bit
    }
  }

  /** An independent copy. */
  clone(): StabilizerTableau {
    return new StabilizerTableau(this.numQubits).copyFrom(this)
  }

  /**
   * Overwrites this tableau with `other`, reusing the buffers.
   *
   * @param other - a tableau of the same width
   * @returns this tableau
   * @throws RangeError when the widths differ
   */
  copyFrom(other: StabilizerTableau): this {
    if (other.numQubits !== this.numQubits) {
      throw new RangeError(
        `cannot copy a ${other.numQubits}-qubit tableau into ${this.numQubits} qubits`,
      )
    }
    this.xs.set(other.xs)
    this.zs.set(other.zs)
    this.signs.set(other.signs)
    return this
  }

  /** @throws RangeError unless `q` is a qubit index of this tableau */
  private row(q: number): number {
    if (!Number.isInteger(q) || q < 0 || q >= this.numQubits) {
      throw new RangeError(`qubit ${q} out of range for ${this.numQubits} qubits`)
    }
    return q * this.stride
  }

  /** Hadamard: X ↔ Z, Y → −Y. */
  h(q: number): this {
    const { xs, zs, signs, stride } = this
    const b = this.row(q)
    for (let w = 0; w < stride; w++) {
      const x = xs[b + w]!
      const z = zs[b + w]!
      signs[w]! ^= x & z
      xs[b + w] = z
      zs[b + w] = x
    }
    return this
  }

  /** Phase S: X → Y, Y → −X. */
  s(q: number): this {
    const { xs, zs, signs, stride } = this
    const b = this.row(q)
    for (let w = 0; w < stride; w++) {
      const x = xs[b + w]!
      const z = zs[b + w]!
      signs[w]! ^= x & z
      zs[b + w] = z ^ x
    }
    return this
  }

  /** S†: X → −Y, Y → X. */
  sdg(q: number): this {
    const { xs, zs, signs, stride } = this
    const b = this.row(q)
    for (let w = 0; w < stride; w++) {
      const x = xs[b + w]!
      const z = zs[b + w]!
      signs[w]! ^= x & ~z
      zs[b + w] = z ^ x
    }
    return this
  }

  /** √X: Z → −Y, Y → Z. */
  sx(q: number): this {
    const { xs, zs, signs, stride } = this
    const b = this.row(q)
    for (let w = 0; w < stride; w++) {
      const x = xs[b + w]!
      const z = zs[b + w]!
      signs[w]! ^= z & ~x
      xs[b + w] = x ^ z
    }
    return this
  }

  /** √X†: Z → Y, Y → −Z. */
  sxdg(q: number): this {
    const { xs, zs, signs, stride } = this
    const b = this.row(q)
    for (let w = 0; w < stride; w++) {
      const x = xs[b + w]!
      const z = zs[b + w]!
      signs[w]! ^= x & z
      xs[b + w] = x ^ z
    }
    return this
  }

  /** Pauli X: flips the sign of generators with a Z or Y on `q`. */
  x(q: number): this {
    return this.flipSigns(this.row(q), this.zs, undefined)
  }

  /** Pauli Z: flips the sign of generators with an X or Y on `q`. */
  z(q: number): this {
    return this.flipSigns(this.row(q), this.xs, undefined)
  }

  /** Pauli Y: flips the sign of generators with an X or Z on `q`. */
  y(q: number): this {
    return this.flipSigns(this.row(q), this.xs, this.zs)
  }

  private flipSigns(b: number, a: Uint32Array, c: Uint32Array | undefined): this {
    const { signs, stride } = this
    if (c === undefined) for (let w = 0; w < stride; w++) signs[w]! ^= a[b + w]!
    else for (let w = 0; w < stride; w++) signs[w]! ^= a[b + w]! ^ c[b + w]!
    return this
  }

  /** CNOT with control `c` and target `t`. */
  cx(c: number, t: number): this {
    const { xs, zs, signs, stride } = this
    const bc = this.row(c)
    const bt = this.row(t)
    if (bc === bt) throw new RangeError(`cx needs two distinct qubits, got ${c} twice`)
    for (let w = 0; w < stride; w++) {
      const xc = xs[bc + w]!
      const zc = zs[bc + w]!
      const xt = xs[bt + w]!
      const zt = zs[bt + w]!
      signs[w]! ^= xc & zt & ~(xt ^ zc)
      xs[bt + w] = xt ^ xc
      zs[bc + w] = zc ^ zt
    }
    return this
  }

  /** Controlled-Z (symmetric). */
  cz(a: number, b: number): this {
    const { xs, zs, signs, stride } = this
    const ba = this.row(a)
    const bb = this.row(b)
    if (ba === bb) throw new RangeError(`cz needs two distinct qubits, got ${a} twice`)
    for (let w = 0; w < stride; w++) {
      const xa = xs[ba + w]!
      const za = zs[ba + w]!
      const xb = xs[bb + w]!
      const zb = zs[bb + w]!
      signs[w]! ^= xa & xb & (za ^ zb)
      zs[ba + w] = za ^ xb
      zs[bb + w] = zb ^ xa
    }
    return this
  }

  /** Controlled-Y with control `c` and target `t` (S_t · CX · S_t†). */
  cy(c: number, t: number): this {
    return this.sdg(t).cx(c, t).s(t)
  }

  /** SWAP: exchanges the two qubits' rows. */
  swap(a: number, b: number): this {
    const { xs, zs, stride } = this
    const ba = this.row(a)
    const bb = this.row(b)
    if (ba === bb) return this
    for (let w = 0; w < stride; w++) {
      const x = xs[ba + w]!
      xs[ba + w] = xs[bb + w]!
      xs[bb + w] = x
      const z = zs[ba + w]!
      zs[ba + w] = zs[bb + w]!
      zs[bb + w] = z
    }
    return this
  }

  /**
   * Measures qubit `q` in the Z basis and collapses the state.
   *
   * @param q - the qubit
   * @param rng - the source of the outcome when it is random
   * @returns the outcome, 0 or 1
   * @throws RangeError for a bad qubit index
   */
  measure(q: number, rng: RandomBits): 0 | 1 {
    this.row(q)
    return measureQubit(this, q, rng)
  }

  /**
   * Resets qubit `q` to |0⟩ (measures it and flips it back on outcome 1).
   *
   * @param q - the qubit
   * @param rng - the source of the discarded outcome when it is random
   * @returns this tableau
   */
  reset(q: number, rng: RandomBits): this {
    if (this.measure(q, rng) === 1) this.x(q)
    return this
  }

  /**
   * ⟨Z_q⟩ of the current state, without collapsing it.
   *
   * @param q - the qubit
   * @returns +1 or −1 when a Z measurement is deterministic, 0 when it is uniformly random
   */
  expectationZ(q: number): 1 | -1 | 0 {
    this.row(q)
    return zExpectation(this, q)
  }

  /** The stabilizer generators as signed labels, qubit 0 rightmost (`['+XX', '-ZZ']`). */
  stabilizers(): string[] {
    return this.labels(this.halfWords)
  }

  /** The destabilizer generators as signed labels (signs are not meaningful). */
  destabilizers(): string[] {
    return this.labels(0)
  }

  private labels(offset: number): string[] {
    const out: string[] = []
    for (let i = 0; i < this.numQubits; i++) {
      const w = offset + (i >>> 5)
      const bit = 1 << (i & 31)
      let label = ''
      for (let q = this.numQubits - 1; q >= 0; q--) {
        const x = (this.xs[q * this.stride + w]! & bit) !== 0
        const z = (this.zs[q * this.stride + w]! & bit) !== 0
        label += x ? (z ? 'Y' : 'X') : z ? 'Z' : 'I'
      }
      out.push(((this.signs[w]! & bit) !== 0 ? '-' : '+') + label)
    }
    return out
  }
}
