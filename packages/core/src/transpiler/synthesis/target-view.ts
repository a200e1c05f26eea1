import type { Target } from '../../target/target.js'

/**
 * The instructions every target accepts whatever it lists: they are not gates to translate
 * (Qiskit's `BasisTranslator` leaves `measure`, `reset`, `barrier`, `delay`, … alone).
 */
export const ALWAYS_SUPPORTED: ReadonlySet<string> = new Set([
  'barrier',
  'measure',
  'reset',
  'delay',
  'snapshot',
  'store',
])

/**
 * A cached, read-only view of what a target supports, as the synthesis, translation and
 * optimisation passes ask it: by name on given qubits (`qargs`), or anywhere when the circuit
 * is not laid out yet (`qargs` `undefined`). Without a target nothing is constrained.
 *
 * Two-qubit support is asked per direction; {@link supportsEitherDirection} answers for a pair
 * regardless of order (the direction is fixed later by `GateDirection`).
 */
export class TargetView {
  /** The target, or `undefined` for no constraint. */
  readonly target: Target | undefined
  readonly #names = new Map<string, ReadonlySet<string>>()
  readonly #allNames: ReadonlySet<string> | undefined

  /** @param target - the target, or `undefined` for no constraint */
  constructor(target: Target | undefined) {
    this.target = target
    this.#allNames = target === undefined ? undefined : new Set(target.operationNames)
  }

  /** Whether there is no target (everything is supported). */
  get isUnconstrained(): boolean {
    return this.target === undefined
  }

  /**
   * Whether an instruction is supported: always for {@link ALWAYS_SUPPORTED} names and
   * directives' names, otherwise by the target on `qargs` (or anywhere when `qargs` is
   * `undefined`, or the target's qubit count is unknown).
   *
   * @param name - the operation name
   * @param qargs - physical qubits, or `undefined` for "some qubits"
   * @returns whether the target has it there
   */
  supports(name: string, qargs: readonly number[] | undefined): boolean {
    if (this.target === undefined || ALWAYS_SUPPORTED.has(name)) return true
    if (!this.#allNames!.has(name)) return false
    if (qargs === undefined || !this.#inRange(qargs)) return true
    return this.namesOn(qargs).has(name)
  }

  /**
   * Whether a two-qubit instruction is supported on a pair in either order (or anywhere when
   * `qargs` is `undefined`).
   *
   * @param name - the operation name
   * @param qargs - two physical qubits, or `undefined`
   * @returns whether the target has it on `qargs` or on them reversed
   */
  supportsEitherDirection(name: string, qargs: readonly number[] | undefined): boolean {
    if (this.supports(name, qargs)) return true
    return qargs?.length === 2 && this.supports(name, [qargs[1]!, qargs[0]!])
  }

  /**
   * The names usable on exactly these qubits (global ones included); every target name when
   * `qargs` is `undefined`. Empty for qubits the target does not have.
   *
   * @param qargs - physical qubits, or `undefined`
   * @returns the names (unconstrained: an empty set; check {@link isUnconstrained})
   */
  namesOn(qargs: readonly number[] | undefined): ReadonlySet<string> {
    const target = this.target
    if (target === undefined) return new Set()
    if (qargs === undefined || !this.#inRange(qargs)) return this.#allNames!
    const key = qargs.join(',')
    let names = this.#names.get(key)
    if (names === undefined) {
      try {
        names = target.operationNamesForQargs(qargs)
      } catch {
        names = new Set()
      }
      this.#names.set(key, names)
    }
    return names
  }

  /** Every target name (empty when unconstrained). */
  allNames(): ReadonlySet<string> {
    return this.#allNames ?? new Set()
  }

  /**
   * The error of an instruction on some qubits, when the target knows it.
   *
   * @param name - the instruction name
   * @param qargs - physical qubits, or `undefined`
   * @returns the error, or `undefined`
   */
  error(name: string, qargs: readonly number[] | undefined): number | undefined {
    const entry = this.target?.get(name)
    if (entry === undefined) return undefined
    const props = qargs === undefined ? undefined : entry.get(qargs)
    const err = props?.error ?? entry.get(null)?.error
    return err ?? undefined
  }

  #inRange(qargs: readonly number[]): boolean {
    const n = this.target?.numQubits ?? 0
    return n > 0 && qargs.every((q) => q < n)
  }
}
