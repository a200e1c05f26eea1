import type { BinaryOperator, UnaryOperator } from './parameter-expression.js'
import type { ConditionOperator } from './condition.js'
import type { DelayUnit } from './directives.js'

/** A constant in JSON: finite numbers as numbers, the rest spelled out. */
export type NumberJson = number | 'nan' | 'inf' | '-inf'

/** A parameter expression tree in JSON; parameters by id (see `CircuitJson.parameters`). */
export type ExpressionJson =
  | { readonly kind: 'const'; readonly value: NumberJson }
  | { readonly kind: 'param'; readonly id: string }
  | { readonly kind: 'unary'; readonly op: UnaryOperator; readonly arg: ExpressionJson }
  | {
      readonly kind: 'binary'
      readonly op: BinaryOperator
      readonly left: ExpressionJson
      readonly right: ExpressionJson
    }

/** A parameter value in JSON: a finite number, or an expression tree. */
export type ValueJson = number | ExpressionJson

/** A parameter in the JSON table (vector elements name their vector). */
export interface ParameterJson {
  readonly name: string
  readonly id: string
  readonly vector?: { readonly name: string; readonly length: number; readonly index: number }
}

/** A register in JSON: name, size and the indices of its bits in the circuit. */
export interface RegisterJson {
  readonly name: string
  readonly size: number
  readonly bits: readonly number[]
}

/** A bit in JSON: the register that created it and its index there, or `{}` for a loose bit. */
export interface BitJson {
  readonly register?: string
  readonly index?: number
}

/** A classical condition in JSON (register values as decimal strings: they are bigints). */
export type ConditionJson =
  | { readonly kind: 'clbit'; readonly clbit: number; readonly value: boolean }
  | {
      readonly kind: 'register'
      readonly register: string
      readonly op: ConditionOperator
      readonly value: string
    }

/** How an operation is rebuilt when read back. */
export const OPERATION_JSON_TYPES = [
  'standard',
  'gate',
  'instruction',
  'controlled',
  'unitary',
  'measure',
  'reset',
  'barrier',
  'delay',
  'if_else',
  'while_loop',
  'for_loop',
  'box',
] as const

/** How an operation is rebuilt when read back. */
export type OperationJsonType = (typeof OPERATION_JSON_TYPES)[number]

/** An operation in JSON. Which optional members appear depends on `type`. */
export interface OperationJson {
  readonly type: OperationJsonType
  readonly name: string
  readonly numQubits: number
  readonly numClbits: number
  readonly params: readonly ValueJson[]
  readonly label?: string
  /** `standard` `mcx`/`mcp`, and `controlled`: the number of controls. */
  readonly numCtrlQubits?: number
  /** `controlled`: the activating control state. */
  readonly ctrlState?: number
  /** `controlled`: the base gate. */
  readonly base?: OperationJson
  /** `gate`, `instruction`, `controlled`: the definition, when it cannot be rebuilt otherwise. */
  readonly definition?: CircuitJson
  /**
   * `gate`, `instruction`: the ids of the parameters `definition` is written over, when it is a
   * template that `params` bind (as `circuit.toGate()` makes); absent when `definition` is
   * already in terms of `params`.
   */
  readonly templateParams?: readonly string[]
  /** `unitary`: rows of `[re, im]`. */
  readonly matrix?: readonly (readonly (readonly [number, number])[])[]
  /** `delay`: the unit. */
  readonly unit?: DelayUnit
  /** Control flow: the bodies. */
  readonly blocks?: readonly CircuitJson[]
  /** `for_loop`: the values. */
  readonly indexSet?: readonly number[]
  /** `for_loop`: the loop variable's id. */
  readonly loopParameter?: string
}

/** One instruction in JSON: the operation's fields plus its bits and condition. */
export interface InstructionJson extends OperationJson {
  readonly qubits: readonly number[]
  readonly clbits: readonly number[]
  /** The condition: of `if_else`/`while_loop` themselves, or of a plain instruction (`c_if`). */
  readonly condition?: ConditionJson
}

/** A circuit in JSON (`circuitToJson`). */
export interface CircuitJson {
  readonly format: 'qfabric.circuit'
  readonly version: number
  readonly name: string
  readonly globalPhase: ValueJson
  readonly qubits: readonly BitJson[]
  readonly clbits: readonly BitJson[]
  readonly qregs: readonly RegisterJson[]
  readonly cregs: readonly RegisterJson[]
  readonly instructions: readonly InstructionJson[]
  /** Every parameter the document refers to (of this circuit level). */
  readonly parameters: readonly ParameterJson[]
  readonly metadata: Record<string, unknown>
}
