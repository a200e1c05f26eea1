import { ParameterExpression } from './parameter-expression.js'
import type { ParameterVector } from './parameter-vector.js'

/** A per-load prefix so that ids made in different sessions rarely collide. */
const SESSION = Date.now().toString(36)
let nextId = 0

/** Options of {@link Parameter}. */
export interface ParameterOptions {
  /** Reuse a known id (reading JSON); a fresh id is made otherwise. */
  readonly id?: string | undefined
  /** The vector this parameter is element `index` of (set by `ParameterVector`). */
  readonly vector?: { readonly vector: ParameterVector; readonly index: number } | undefined
}

/**
 * A named free parameter of a circuit (Qiskit's `Parameter`). Identity is the `id`, not the
 * name: two `new Parameter('a')` are different parameters, as Qiskit's uuid makes them.
 *
 * @example
 * ```ts
 * const theta = new Parameter('θ')
 * const qc = new QuantumCircuit(1).rx(theta, 0)
 * qc.assignParameters({ 'θ': Math.PI })
 * ```
 */
export class Parameter extends ParameterExpression {
  /** The name, used when printing and when binding by name. */
  readonly name: string
  /** A unique id; parameters read back from JSON keep theirs. */
  readonly id: string
  /** The vector holding this parameter, if any. */
  readonly vector: ParameterVector | undefined
  /** The index in {@link vector}, if any. */
  readonly index: number | undefined

  /**
   * @param name - a non-empty name
   * @param options - a known id, or the owning vector
   * @throws TypeError if `name` is empty
   */
  constructor(name: string, options: ParameterOptions = {}) {
    super()
    if (typeof name !== 'string' || name.length === 0) {
      throw new TypeError('a parameter needs a non-empty name')
    }
    this.name = name
    this.id = options.id ?? `${SESSION}-${(nextId++).toString(36)}`
    this.vector = options.vector?.vector
    this.index = options.vector?.index
  }
}

/**
 * Orders parameters as Qiskit's `QuantumCircuit.parameters` does: by name, but elements of one
 * vector by index (`θ[2]` before `θ[10]`), a vector sorting under its own name.
 *
 * @param a - a parameter
 * @param b - another parameter
 * @returns negative, zero or positive, as `Array.prototype.sort` expects
 */
export function compareParameters(a: Parameter, b: Parameter): number {
  const keyA = a.vector?.name ?? a.name
  const keyB = b.vector?.name ?? b.name
  if (keyA !== keyB) return keyA < keyB ? -1 : 1
  const ia = a.index ?? -1
  const ib = b.index ?? -1
  if (ia !== ib) return ia - ib
  if (a.name !== b.name) return a.name < b.name ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
