/**
 * The OpenQASM 3 abstract syntax tree. Nodes are plain objects tagged by `kind`, typed
 * `readonly` and never mutated after parsing; each carries the {@link TextSpan} of the source
 * it came from. The tree covers the whole language's syntax, including what the lowering to a
 * circuit does not support (subroutines, externs, calibrations, arrays, `switch`, …), so that
 * tools can inspect any valid program.
 *
 * @module
 */
import type { TimeUnit } from './lexer-numbers.js'
import type { TextSpan } from './source-file.js'

export type { TextSpan } from './source-file.js'
export type { TimeUnit } from './lexer-numbers.js'

/** Fields every node has. */
export interface NodeBase {
  readonly span: TextSpan
}

// ---------------------------------------------------------------- expressions

/** A name: a variable, register, constant (`pi`, `π`), gate or function. */
export interface Identifier extends NodeBase {
  readonly kind: 'Identifier'
  readonly name: string
}

/** A physical qubit `$n`. */
export interface HardwareQubit extends NodeBase {
  readonly kind: 'HardwareQubit'
  readonly index: number
}

/**
 * An integer literal in any base. `value` is exact up to 2^53; larger literals also carry the
 * exact `bigValue`.
 */
export interface IntegerLiteral extends NodeBase {
  readonly kind: 'IntegerLiteral'
  readonly value: number
  readonly bigValue: bigint | undefined
}

/** A floating-point literal. */
export interface FloatLiteral extends NodeBase {
  readonly kind: 'FloatLiteral'
  readonly value: number
}

/** An imaginary literal `1.5im`. */
export interface ImaginaryLiteral extends NodeBase {
  readonly kind: 'ImaginaryLiteral'
  readonly value: number
}

/** `true` or `false`. */
export interface BooleanLiteral extends NodeBase {
  readonly kind: 'BooleanLiteral'
  readonly value: boolean
}

/** A bit-string literal `"0101"`: `value` holds the bits without `_`, most significant first. */
export interface BitstringLiteral extends NodeBase {
  readonly kind: 'BitstringLiteral'
  readonly value: string
}

/** A timing literal such as `100ns` or `2.5 us`. */
export interface DurationLiteral extends NodeBase {
  readonly kind: 'DurationLiteral'
  readonly value: number
  readonly unit: TimeUnit
}

/** The unary operators. */
export type UnaryOperator = '-' | '!' | '~'

/** The binary operators, loosest to tightest binding by groups. */
export type BinaryOperator =
  | '||'
  | '&&'
  | '|'
  | '^'
  | '&'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '<<'
  | '>>'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '**'

/** `-x`, `!b`, `~bits`. */
export interface UnaryExpression extends NodeBase {
  readonly kind: 'UnaryExpression'
  readonly op: UnaryOperator
  readonly operand: Expression
}

/** `a + b`, `c == 3`, `x ** 2`, … */
export interface BinaryExpression extends NodeBase {
  readonly kind: 'BinaryExpression'
  readonly op: BinaryOperator
  readonly left: Expression
  readonly right: Expression
}

/** `start:step:end` inside brackets; each part may be omitted. The end is inclusive. */
export interface RangeExpression extends NodeBase {
  readonly kind: 'RangeExpression'
  readonly start: Expression | undefined
  readonly step: Expression | undefined
  readonly end: Expression | undefined
}

/** A discrete set `{1, 3, 5}`: loop iterables and register indices. */
export interface SetExpression extends NodeBase {
  readonly kind: 'SetExpression'
  readonly elements: readonly Expression[]
}

/** `target[i]`, `target[a:b]`, `target[i, j]`, `target[{1, 3}]`. */
export interface IndexExpression extends NodeBase {
  readonly kind: 'IndexExpression'
  readonly target: Expression
  /** A set index, or one entry per comma-separated dimension. */
  readonly index: SetExpression | readonly (Expression | RangeExpression)[]
}

/** `int[8](x)`, `bool(b)`, `float[64](n)`. */
export interface CastExpression extends NodeBase {
  readonly kind: 'CastExpression'
  readonly type: ScalarType | ArrayType
  readonly operand: Expression
}

/** A function or subroutine call `f(a, b)` (also the built-in math functions). */
export interface CallExpression extends NodeBase {
  readonly kind: 'CallExpression'
  readonly callee: Identifier
  readonly args: readonly Expression[]
}

/** `durationof({ x $0; })`. */
export interface DurationOfExpression extends NodeBase {
  readonly kind: 'DurationOfExpression'
  readonly body: Block
}

/** `{1, 2, 3}` or `{{0.5, 0.5}, {1, 2}}` initialising an array. */
export interface ArrayLiteral extends NodeBase {
  readonly kind: 'ArrayLiteral'
  readonly elements: readonly (Expression | ArrayLiteral)[]
}

/** `a ++ b`: register concatenation in an alias or initialiser. */
export interface ConcatenationExpression extends NodeBase {
  readonly kind: 'ConcatenationExpression'
  readonly parts: readonly Expression[]
}

/** `measure q[0]` used as a value (`c = measure q;`, `return measure q;`). */
export interface MeasureExpression extends NodeBase {
  readonly kind: 'MeasureExpression'
  readonly operand: GateOperand
}

/** Every expression. */
export type Expression =
  | Identifier
  | HardwareQubit
  | IntegerLiteral
  | FloatLiteral
  | ImaginaryLiteral
  | BooleanLiteral
  | BitstringLiteral
  | DurationLiteral
  | UnaryExpression
  | BinaryExpression
  | IndexExpression
  | CastExpression
  | CallExpression
  | DurationOfExpression
  | ArrayLiteral
  | ConcatenationExpression
  | MeasureExpression
  | SetExpression
  | RangeExpression

/** A qubit operand of a gate, `reset`, `measure`, `barrier` or `delay`. */
export type GateOperand = Identifier | IndexExpression | HardwareQubit

// ---------------------------------------------------------------- types

/** The names of the scalar types. */
export type ScalarTypeName =
  'bit' | 'int' | 'uint' | 'float' | 'angle' | 'bool' | 'duration' | 'stretch' | 'complex'

/** `bit[4]`, `int`, `float[64]`, `complex[float[32]]`, `creg` (as `bit`). */
export interface ScalarType extends NodeBase {
  readonly kind: 'ScalarType'
  readonly name: ScalarTypeName
  /** The designator `[n]`, if given. */
  readonly size: Expression | undefined
  /** The component type of `complex[…]`. */
  readonly component: ScalarType | undefined
}

/** `array[int[8], 16]`, `array[float[64], 8, 4]`. */
export interface ArrayType extends NodeBase {
  readonly kind: 'ArrayType'
  readonly element: ScalarType
  readonly dimensions: readonly Expression[]
}

/** `readonly array[int[32], 3]`, `mutable array[uint[8], #dim=2]` (subroutine arguments). */
export interface ArrayReferenceType extends NodeBase {
  readonly kind: 'ArrayReferenceType'
  readonly access: 'readonly' | 'mutable'
  readonly element: ScalarType
  /** Explicit sizes, or only the number of dimensions (`#dim = n`). */
  readonly dimensions: readonly Expression[] | { readonly count: Expression }
}

/** `qubit`, `qubit[n]`, `qreg q[n]` (as a qubit type). */
export interface QubitType extends NodeBase {
  readonly kind: 'QubitType'
  readonly size: Expression | undefined
}

/** Every type annotation. */
export type TypeNode = ScalarType | ArrayType | ArrayReferenceType | QubitType

// ---------------------------------------------------------------- statements

/** `@name rest-of-line` before a statement. */
export interface Annotation extends NodeBase {
  readonly kind: 'Annotation'
  readonly name: string
  readonly content: string | undefined
}

/** Fields every statement has. */
export interface StatementBase extends NodeBase {
  /** Annotations written before the statement, if any. */
  readonly annotations?: readonly Annotation[]
}

/** `{ … }`: a scope, also the body of `if`, loops, `box`, gates and subroutines. */
export interface Block extends StatementBase {
  readonly kind: 'Block'
  readonly statements: readonly Statement[]
}

/** `include "file";`. */
export interface IncludeStatement extends StatementBase {
  readonly kind: 'IncludeStatement'
  readonly path: string
}

/** `defcalgrammar "openpulse";`. */
export interface CalibrationGrammarStatement extends StatementBase {
  readonly kind: 'CalibrationGrammarStatement'
  readonly name: string
}

/** `qubit[n] q;`, `qubit q;` or the old `qreg q[n];`. */
export interface QubitDeclaration extends StatementBase {
  readonly kind: 'QubitDeclaration'
  readonly name: Identifier
  readonly size: Expression | undefined
  readonly isOldStyle: boolean
}

/** `bit[4] c;`, `float[64] x = 1.5;`, `array[int[8], 4] a = {…};`, the old `creg c[n];`. */
export interface ClassicalDeclaration extends StatementBase {
  readonly kind: 'ClassicalDeclaration'
  readonly type: ScalarType | ArrayType
  readonly name: Identifier
  readonly init: Expression | undefined
  readonly isOldStyle: boolean
}

/** `const int[32] n = 10;`. */
export interface ConstDeclaration extends StatementBase {
  readonly kind: 'ConstDeclaration'
  readonly type: ScalarType
  readonly name: Identifier
  readonly init: Expression
}

/** `input float[64] theta;` / `output bit[2] c;`. */
export interface IoDeclaration extends StatementBase {
  readonly kind: 'IoDeclaration'
  readonly io: 'input' | 'output'
  readonly type: ScalarType | ArrayType
  readonly name: Identifier
}

/** `let name = q[0:2] ++ r;`. */
export interface AliasDeclaration extends StatementBase {
  readonly kind: 'AliasDeclaration'
  readonly name: Identifier
  readonly value: Expression
}

/** The assignment operators. */
export type AssignmentOperator =
  '=' | '+=' | '-=' | '*=' | '/=' | '&=' | '|=' | '~=' | '^=' | '<<=' | '>>=' | '%=' | '**='

/** `x = e;`, `c[0] = measure q[0];`, `power <<= 1;`. */
export interface AssignmentStatement extends StatementBase {
  readonly kind: 'AssignmentStatement'
  readonly target: Identifier | IndexExpression
  readonly op: AssignmentOperator
  readonly value: Expression
}

/** A gate modifier: `inv @`, `pow(k) @`, `ctrl @`, `ctrl(n) @`, `negctrl(n) @`. */
export interface GateModifier extends NodeBase {
  readonly kind: 'GateModifier'
  readonly modifier: 'inv' | 'pow' | 'ctrl' | 'negctrl'
  readonly argument: Expression | undefined
}

/**
 * A gate call `mods @ name(args)[duration] q0, q1;`. `gphase(θ);` is a call named `gphase`
 * with no operands. `args` is undefined when no parentheses were written.
 */
export interface GateCall extends StatementBase {
  readonly kind: 'GateCall'
  readonly modifiers: readonly GateModifier[]
  readonly name: Identifier
  readonly args: readonly Expression[] | undefined
  readonly duration: Expression | undefined
  readonly operands: readonly GateOperand[]
}

/** `measure q -> c;` or a bare `measure q;`. */
export interface MeasureArrowStatement extends StatementBase {
  readonly kind: 'MeasureArrowStatement'
  readonly operand: GateOperand
  readonly target: Identifier | IndexExpression | undefined
}

/** `reset q;`. */
export interface ResetStatement extends StatementBase {
  readonly kind: 'ResetStatement'
  readonly operand: GateOperand
}

/** `barrier q, r;` (no operands: every qubit). */
export interface BarrierStatement extends StatementBase {
  readonly kind: 'BarrierStatement'
  readonly operands: readonly GateOperand[]
}

/** `delay[100ns] q;` (no operands: every qubit). */
export interface DelayStatement extends StatementBase {
  readonly kind: 'DelayStatement'
  readonly duration: Expression
  readonly operands: readonly GateOperand[]
}

/** `nop q;`. */
export interface NopStatement extends StatementBase {
  readonly kind: 'NopStatement'
  readonly operands: readonly GateOperand[]
}

/** `box[duration] { … }`. */
export interface BoxStatement extends StatementBase {
  readonly kind: 'BoxStatement'
  readonly duration: Expression | undefined
  readonly body: Block
}

/** `gate name(params) q0, q1 { … }`. */
export interface GateDefinition extends StatementBase {
  readonly kind: 'GateDefinition'
  readonly name: Identifier
  readonly params: readonly Identifier[]
  readonly qubits: readonly Identifier[]
  readonly body: Block
}

/** One argument of a subroutine: `qubit[2] q`, `int[32] n`, `readonly array[…] a`, `creg c[2]`. */
export interface ArgumentDefinition extends NodeBase {
  readonly kind: 'ArgumentDefinition'
  readonly type: TypeNode
  readonly name: Identifier
}

/** `def name(args) -> type { … }`. */
export interface SubroutineDefinition extends StatementBase {
  readonly kind: 'SubroutineDefinition'
  readonly name: Identifier
  readonly args: readonly ArgumentDefinition[]
  readonly returnType: ScalarType | undefined
  readonly body: Block
}

/** `extern name(types) -> type;`. */
export interface ExternDeclaration extends StatementBase {
  readonly kind: 'ExternDeclaration'
  readonly name: Identifier
  readonly args: readonly (ScalarType | ArrayReferenceType)[]
  readonly returnType: ScalarType | undefined
}

/** `if (cond) stmt [else stmt]`: bodies are blocks or single statements. */
export interface IfStatement extends StatementBase {
  readonly kind: 'IfStatement'
  readonly condition: Expression
  readonly then: Statement
  readonly else: Statement | undefined
}

/** `for type var in iterable stmt`: a range, a set or an array expression. */
export interface ForStatement extends StatementBase {
  readonly kind: 'ForStatement'
  readonly variableType: ScalarType | undefined
  readonly variable: Identifier
  readonly iterable: RangeExpression | SetExpression | Expression
  readonly body: Statement
}

/** `while (cond) stmt`. */
export interface WhileStatement extends StatementBase {
  readonly kind: 'WhileStatement'
  readonly condition: Expression
  readonly body: Statement
}

/** One `case a, b { … }` of a switch. */
export interface SwitchCase extends NodeBase {
  readonly kind: 'SwitchCase'
  readonly values: readonly Expression[]
  readonly body: Block
}

/** `switch (x) { case 0 { … } default { … } }`. */
export interface SwitchStatement extends StatementBase {
  readonly kind: 'SwitchStatement'
  readonly target: Expression
  readonly cases: readonly SwitchCase[]
  readonly default: Block | undefined
}

/** `break;`. */
export interface BreakStatement extends StatementBase {
  readonly kind: 'BreakStatement'
}

/** `continue;`. */
export interface ContinueStatement extends StatementBase {
  readonly kind: 'ContinueStatement'
}

/** `end;`. */
export interface EndStatement extends StatementBase {
  readonly kind: 'EndStatement'
}

/** `return [value];`. */
export interface ReturnStatement extends StatementBase {
  readonly kind: 'ReturnStatement'
  readonly value: Expression | undefined
}

/** An expression evaluated for its effect: `f(x);`. */
export interface ExpressionStatement extends StatementBase {
  readonly kind: 'ExpressionStatement'
  readonly expression: Expression
}

/** `cal { opaque }`. */
export interface CalStatement extends StatementBase {
  readonly kind: 'CalStatement'
  readonly body: string
}

/** `defcal target(args) operands [-> type] { opaque }`. */
export interface DefcalStatement extends StatementBase {
  readonly kind: 'DefcalStatement'
  readonly name: Identifier
  readonly args: readonly (Expression | ArgumentDefinition)[] | undefined
  readonly operands: readonly (Identifier | HardwareQubit)[]
  readonly returnType: ScalarType | undefined
  readonly body: string
}

/** `pragma rest-of-line` (or `#pragma`). */
export interface PragmaStatement extends StatementBase {
  readonly kind: 'PragmaStatement'
  readonly content: string
}

/** Every statement. */
export type Statement =
  | Block
  | IncludeStatement
  | CalibrationGrammarStatement
  | QubitDeclaration
  | ClassicalDeclaration
  | ConstDeclaration
  | IoDeclaration
  | AliasDeclaration
  | AssignmentStatement
  | GateCall
  | MeasureArrowStatement
  | ResetStatement
  | BarrierStatement
  | DelayStatement
  | NopStatement
  | BoxStatement
  | GateDefinition
  | SubroutineDefinition
  | ExternDeclaration
  | IfStatement
  | ForStatement
  | WhileStatement
  | SwitchStatement
  | BreakStatement
  | ContinueStatement
  | EndStatement
  | ReturnStatement
  | ExpressionStatement
  | CalStatement
  | DefcalStatement
  | PragmaStatement

/** A whole file: the optional `OPENQASM x.y;` version and the statements. */
export interface Program extends NodeBase {
  readonly kind: 'Program'
  readonly version: string | undefined
  readonly statements: readonly Statement[]
}
