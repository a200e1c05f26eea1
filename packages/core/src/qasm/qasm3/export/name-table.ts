import { KEYWORDS } from '../token-kind.js'

/** Names an exported program must not declare: keywords, built-ins and constants. */
const RESERVED = new Set<string>([
  ...KEYWORDS.keys(),
  'U',
  'CX',
  'pi',
  'π',
  'tau',
  'τ',
  'euler',
  'ℇ',
  'im',
  'sin',
  'cos',
  'tan',
  'arcsin',
  'arccos',
  'arctan',
  'exp',
  'log',
  'sqrt',
  'abs',
  'ceiling',
  'floor',
  'mod',
  'popcount',
  'pow',
  'rotl',
  'rotr',
  'real',
  'imag',
  'sizeof',
  'dt',
  'ns',
  'us',
  'µs',
  'ms',
  's',
])

const IDENTIFIER = /^[\p{L}_][\p{L}\p{Nd}_]*$/u

/**
 * The identifiers of one exported program: each name handed out is a valid OpenQASM 3
 * identifier, not reserved and not used before. Invalid characters become `_`; clashes get a
 * numeric suffix (`q`, `q_1`, `q_2`, …).
 */
export class NameTable {
  readonly #used = new Set<string>()

  /**
   * @param reserved - further names to keep free (e.g. the `stdgates.inc` gates)
   */
  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#used.add(name)
  }

  /** Marks a name as taken without handing it out. */
  reserve(name: string): void {
    this.#used.add(name)
  }

  /** Whether `name` is free to be handed out as it is. */
  isFree(name: string): boolean {
    return IDENTIFIER.test(name) && !RESERVED.has(name) && !this.#used.has(name)
  }

  /**
   * A fresh identifier derived from `wanted`.
   *
   * @param wanted - the preferred name
   * @returns the name to use (now taken)
   */
  take(wanted: string): string {
    let base = wanted.replace(/[^\p{L}\p{Nd}_]/gu, '_')
    if (base === '' || !/^[\p{L}_]/u.test(base)) base = `_${base}`
    let name = base
    for (let i = 1; RESERVED.has(name) || this.#used.has(name); i++) name = `${base}_${i}`
    this.#used.add(name)
    return name
  }
}
