/**
 * The OpenQASM 2 syntax tree. Nodes are plain immutable objects tagged by `kind`; every node
 * carries its span as `start`/`end` offsets into its file (the line table turns them into lines
 * and columns only when a diagnostic needs them).
 *
 * @module
 */

/** The offsets of a node: its first character and just past its last. */
export interface Spanned {
  readonly start: number
  readonly end: number
}

/** A name with its span: register, gate, parameter or gate-qubit names. */
export interface Identifier extends Spanned {
  readonly kind: 'identifier'
  readonly name: string
}

/** The built-in functions of OpenQASM 2 expressions. */
export const QASM2_FUNCTIONS = ['sin', 'cos', 'tan', 'exp', 'ln', 'sqrt'] as const
/** One of {@link QASM2_FUNCTIONS}. */
export type Qasm2Function = (typeof QASM2_FUNCTIONS)[number]

/** The binary operators of OpenQASM 2 expressions. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '^'

/** A parameter expression. */
export type Expression =
  | NumberLiteral
  | PiLiteral
  | ParameterReference
  | UnaryExpression
  | BinaryExpression
  | CallExpression

/** An integer or real literal, already converted to a number. */
export interface NumberLiteral extends Spanned {
  readonly kind: 'number'
  readonly value: number
}

/** The constant `pi`. */
export interface PiLiteral extends Spanned {
  readonly kind: 'pi'
}

/** A gate parameter named inside a gate body (an error anywhere else). */
export interface ParameterReference extends Spanned {
  readonly kind: 'parameter'
  readonly name: string
}

/** `-x` or `+x`. */
export interface UnaryExpression extends Spanned {
  readonly kind: 'unary'
  readonly operator: '-' | '+'
  readonly operand: Expression
}

/** `a op b`. */
export interface BinaryExpression extends Spanned {
  readonly kind: 'binary'
  readonly operator: BinaryOperator
  readonly left: Expression
  readonly right: Expression
}

/** `sin(x)` and the other built-in functions. */
export interface CallExpression extends Spanned {
  readonly kind: 'call'
  readonly callee: Qasm2Function
  readonly argument: Expression
}

/** A quantum or classical operand: a whole register `q` or one bit `q[3]`. */
export interface Operand extends Spanned {
  readonly kind: 'operand'
  readonly name: string
  /** The index, or `undefined` for the whole register. */
  readonly index: number | undefined
}

/** `OPENQASM 2.0;` */
export interface VersionStatement extends Spanned {
  readonly kind: 'version'
  readonly major: number
  readonly minor: number | undefined
}

/** `include "file";` */
export interface IncludeStatement extends Spanned {
  readonly kind: 'include'
  readonly path: string
  /** Span of the path string, quotes included. */
  readonly pathStart: number
  readonly pathEnd: number
}

/** `qreg q[n];` or `creg c[n];` */
export interface RegisterDeclaration extends Spanned {
  readonly kind: 'qreg' | 'creg'
  readonly name: Identifier
  readonly size: number
}

/** `gate name(params) qubits { body }` */
export interface GateDefinition extends Spanned {
  readonly kind: 'gate-definition'
  readonly name: Identifier
  readonly params: readonly Identifier[]
  readonly qubits: readonly Identifier[]
  readonly body: readonly (GateCall | Barrier)[]
}

/** `opaque name(params) qubits;` */
export interface OpaqueDeclaration extends Spanned {
  readonly kind: 'opaque'
  readonly name: Identifier
  readonly params: readonly Identifier[]
  readonly qubits: readonly Identifier[]
}

/** `name(params) operands;` — a gate application, `U` and `CX` included. */
export interface GateCall extends Spanned {
  readonly kind: 'gate-call'
  readonly name: Identifier
  readonly params: readonly Expression[]
  readonly operands: readonly Operand[]
}

/** `measure q -> c;` */
export interface Measure extends Spanned {
  readonly kind: 'measure'
  readonly qubit: Operand
  readonly clbit: Operand
}

/** `reset q;` */
export interface Reset extends Spanned {
  readonly kind: 'reset'
  readonly qubit: Operand
}

/** `barrier operands;` (no operands: every qubit, outside strict mode). */
export interface Barrier extends Spanned {
  readonly kind: 'barrier'
  readonly operands: readonly Operand[]
}

/** `if (creg == value) operation;` */
export interface IfStatement extends Spanned {
  readonly kind: 'if'
  readonly register: Identifier
  readonly value: bigint
  readonly body: GateCall | Measure | Reset
}

/** Any top-level statement. */
export type Statement =
  | VersionStatement
  | IncludeStatement
  | RegisterDeclaration
  | GateDefinition
  | OpaqueDeclaration
  | GateCall
  | Measure
  | Reset
  | Barrier
  | IfStatement

/** A parsed file: its statements in order. */
export interface Program extends Spanned {
  readonly kind: 'program'
  /** The file name the spans refer to. */
  readonly file: string
  readonly statements: readonly Statement[]
}
