/**
 * Counts shot outcomes and formats them as Qiskit bitstrings (clbit 0 rightmost, no register
 * spaces). Outcomes arrive as bit vectors; each distinct one is formatted once.
 */
import { wordsFor } from './bit-words.js'

/** Counts per bitstring and, when asked for, the bitstring of every shot in order. */
export interface TallyResult {
  /** Bitstring → number of shots; keys have one character per clbit, clbit 0 rightmost. */
  readonly counts: Map<string, number>
  /** One bitstring per shot, when memory was asked for. */
  readonly memory?: string[]
}

interface Entry {
  readonly label: string
  count: number
}

/** Accumulates outcomes over `numClbits` classical bits. */
export class OutcomeTally {
  readonly #numClbits: number
  readonly #entries = new Map<string, Entry>()
  readonly #memory: string[] | undefined
  readonly #scratch: Uint32Array

  /**
   * @param numClbits - the number of classical bits
   * @param keepMemory - whether to keep every shot's bitstring
   */
  constructor(numClbits: number, keepMemory: boolean) {
    this.#numClbits = numClbits
    this.#memory = keepMemory ? [] : undefined
    this.#scratch = new Uint32Array(wordsFor(numClbits))
  }

  /**
   * Records `shots` shots with the same outcome.
   *
   * @param words - the clbits as a bit vector, clbit c at bit c (bits past `numClbits` ignored)
   * @param shots - how many shots read it
   */
  addWords(words: Uint32Array, shots = 1): void {
    let key = ''
    for (let w = 0; w < this.#scratch.length; w++) {
      const v = words[w]!
      key += String.fromCharCode(v & 0xffff, v >>> 16)
    }
    let entry = this.#entries.get(key)
    if (entry === undefined) {
      entry = { label: this.format(words), count: 0 }
      this.#entries.set(key, entry)
    }
    entry.count += shots
    if (this.#memory !== undefined) for (let s = 0; s < shots; s++) this.#memory.push(entry.label)
  }

  /**
   * Records `shots` shots with the same outcome.
   *
   * @param bits - one byte (0 or 1) per clbit
   * @param shots - how many shots read it
   */
  addBits(bits: Uint8Array, shots = 1): void {
    const words = this.#scratch.fill(0)
    for (let c = 0; c < this.#numClbits; c++) if (bits[c] === 1) words[c >>> 5]! |= 1 << (c & 31)
    this.addWords(words, shots)
  }

  /**
   * Puts the memory in a uniformly random order. Shots recorded branch by branch arrive grouped;
   * independent shots are exchangeable, so a random permutation restores their joint law.
   *
   * @param rng - draws the permutation
   */
  shuffleMemory(rng: { nextDouble(): number }): void {
    const memory = this.#memory
    if (memory === undefined) return
    for (let i = memory.length - 1; i > 0; i--) {
      const j = Math.floor(rng.nextDouble() * (i + 1))
      const t = memory[i]!
      memory[i] = memory[j]!
      memory[j] = t
    }
  }

  /** The counts (in order of first appearance) and memory. */
  finish(): TallyResult {
    const counts = new Map<string, number>()
    for (const { label, count } of this.#entries.values()) counts.set(label, count)
    return this.#memory === undefined ? { counts } : { counts, memory: this.#memory }
  }

  private format(words: Uint32Array): string {
    const n = this.#numClbits
    const chars = new Array<string>(n)
    for (let c = 0; c < n; c++)
      chars[n - 1 - c] = ((words[c >>> 5]! >>> (c & 31)) & 1) === 1 ? '1' : '0'
    return chars.join('')
  }
}
