import { CircuitError } from './circuit-error.js'
import type { ExpressionJson, NumberJson, ParameterJson, ValueJson } from './circuit-json-types.js'
import { Parameter } from './parameter.js'
import {
  BINARY_OPERATORS,
  type BinaryOperator,
  type UnaryOperator,
  type ExpressionNode,
  type ParameterValue,
  UNARY_OPERATORS,
  valueFromNode,
} from './parameter-expression.js'
import { ParameterVector } from './parameter-vector.js'

function numberToJson(v: number): NumberJson {
  if (Number.isFinite(v)) return v
  return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf'
}

function numberFromJson(v: unknown): number {
  if (typeof v === 'number') return v
  if (v === 'nan') return Number.NaN
  if (v === 'inf') return Number.POSITIVE_INFINITY
  if (v === '-inf') return Number.NEGATIVE_INFINITY
  throw invalid(`'${String(v)}' is not a number`)
}

function invalid(message: string): CircuitError {
  return new CircuitError('circuit.invalid-json', `invalid circuit JSON: ${message}`)
}

/** Collects the parameters written, for the document's table. */
export class ParameterTable {
  readonly #byId = new Map<string, Parameter>()

  /** Notes a parameter. */
  add(p: Parameter): void {
    if (!this.#byId.has(p.id)) this.#byId.set(p.id, p)
  }

  /** The parameters noted so far. */
  parameters(): Parameter[] {
    return [...this.#byId.values()]
  }

  /** The table entries. */
  toJson(): ParameterJson[] {
    return [...this.#byId.values()].map((p) => ({
      name: p.name,
      id: p.id,
      ...(p.vector === undefined
        ? {}
        : { vector: { name: p.vector.name, length: p.vector.length, index: p.index ?? 0 } }),
    }))
  }
}

function nodeToJson(node: ExpressionNode, table: ParameterTable): ExpressionJson {
  switch (node.kind) {
    case 'const':
      return { kind: 'const', value: numberToJson(node.value) }
    case 'param':
      table.add(node.param)
      return { kind: 'param', id: node.param.id }
    case 'unary':
      return { kind: 'unary', op: node.op, arg: nodeToJson(node.arg, table) }
    case 'binary':
      return {
        kind: 'binary',
        op: node.op,
        left: nodeToJson(node.left, table),
        right: nodeToJson(node.right, table),
      }
  }
}

/**
 * A parameter value as JSON: finite numbers plainly, anything else as its tree.
 *
 * @param value - the value
 * @param table - collects the parameters referred to
 */
export function valueToJson(value: ParameterValue, table: ParameterTable): ValueJson {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : { kind: 'const', value: numberToJson(value) }
  return nodeToJson(value.node, table)
}

/** Rebuilds parameters from JSON tables, keeping ids (and one object per id). */
export class ParameterResolver {
  readonly #byId = new Map<string, Parameter>()
  readonly #vectors = new Map<string, ParameterVector>()

  /**
   * Registers the parameters of a table.
   *
   * @throws CircuitError `circuit.invalid-json` for a malformed entry
   */
  register(entries: unknown): void {
    if (!Array.isArray(entries)) throw invalid('parameters must be an array')
    const pending = (entries as unknown[]).filter((e): e is ParameterJson => {
      if (typeof e !== 'object' || e === null) throw invalid('a parameter entry must be an object')
      const { name, id } = e as Partial<ParameterJson>
      if (typeof name !== 'string' || typeof id !== 'string')
        throw invalid('a parameter needs a name and an id')
      return !this.#byId.has(id)
    })
    for (const e of pending.filter((x) => x.vector === undefined))
      this.#byId.set(e.id, new Parameter(e.name, { id: e.id }))
    this.registerVectors(pending.filter((x) => x.vector !== undefined))
  }

  private registerVectors(entries: readonly ParameterJson[]): void {
    const groups = new Map<string, ParameterJson[]>()
    for (const e of entries) {
      const key = `${e.vector!.name}\u0000${e.vector!.length}`
      groups.set(key, [...(groups.get(key) ?? []), e])
    }
    for (const [key, group] of groups) {
      const { name, length } = group[0]!.vector!
      let vector = this.#vectors.get(key)
      if (vector === undefined) {
        const ids: string[] = []
        for (const e of group) ids[e.vector!.index] = e.id
        vector = new ParameterVector(name, length, ids)
        this.#vectors.set(key, vector)
      }
      for (const e of group) {
        const p = vector.params[e.vector!.index]
        if (p === undefined) throw invalid(`vector index ${e.vector!.index} out of range`)
        this.#byId.set(e.id, p)
      }
    }
  }

  /**
   * The parameter with this id.
   *
   * @throws CircuitError `circuit.invalid-json` if the id is not in any table
   */
  get(id: unknown): Parameter {
    const p = typeof id === 'string' ? this.#byId.get(id) : undefined
    if (p === undefined) throw invalid(`unknown parameter id '${String(id)}'`)
    return p
  }

  /**
   * A value from JSON.
   *
   * @throws CircuitError `circuit.invalid-json` for a malformed tree
   */
  value(json: unknown): ParameterValue {
    if (typeof json === 'number') return json
    return valueFromNode(this.node(json))
  }

  private node(json: unknown): ExpressionNode {
    if (typeof json !== 'object' || json === null) throw invalid('an expression must be an object')
    const e = json as Record<string, unknown>
    switch (e['kind']) {
      case 'const':
        return { kind: 'const', value: numberFromJson(e['value']) }
      case 'param':
        return { kind: 'param', param: this.get(e['id']) }
      case 'unary': {
        const op = e['op']
        if (!(UNARY_OPERATORS as readonly unknown[]).includes(op))
          throw invalid(`unknown function '${String(op)}'`)
        return { kind: 'unary', op: op as UnaryOperator, arg: this.node(e['arg']) }
      }
      case 'binary': {
        const op = e['op']
        if (!(BINARY_OPERATORS as readonly unknown[]).includes(op))
          throw invalid(`unknown operator '${String(op)}'`)
        return {
          kind: 'binary',
          op: op as BinaryOperator,
          left: this.node(e['left']),
          right: this.node(e['right']),
        }
      }
      default:
        throw invalid(`unknown expression kind '${String(e['kind'])}'`)
    }
  }
}

export { invalid as invalidJson }
