import { isQfabricError } from '../../../internal/qfabric-error.js'
import type { ExpressionStatement, GateCall, Statement } from '../ast.js'
import { evaluate } from './evaluate-expression.js'
import { lowerAssignment } from './lower-assignment.js'
import { lowerBox, lowerFor, lowerIf, lowerSwitch, lowerWhile } from './lower-control-flow.js'
import {
  calledSubroutine,
  lowerAlias,
  lowerClassicalDeclaration,
  lowerConstDeclaration,
  lowerIoDeclaration,
  lowerQubitDeclaration,
} from './lower-declarations.js'
import { lowerBarrier, lowerDelay, lowerReset } from './lower-directives.js'
import { lowerGateCall } from './lower-gate-call.js'
import { lowerGateDefinition } from './lower-gate-definition.js'
import { lowerInclude } from './lower-include.js'
import { lowerMeasure } from './lower-measure.js'
import { inlineSubroutine } from './lower-subroutine.js'
import type { LoweringContext } from './lowering-context.js'
import { fail, LoweringError, needsStatic, SilentAbort } from './lowering-error.js'
import { EndSignal, LoopSignal } from './loop-signal.js'

/** Statements a gate body may hold. */
const GATE_BODY_KINDS = new Set<Statement['kind']>([
  'GateCall',
  'ForStatement',
  'IfStatement',
  'Block',
  'BarrierStatement',
  'PragmaStatement',
])

/** The name a statement declares, if any (poisoned when the declaration fails). */
function declaredName(statement: Statement): string | undefined {
  if (!('name' in statement) || statement.kind === 'DefcalStatement') return undefined
  const name = statement.name
  return typeof name === 'string' ? undefined : name.name
}

function requireGlobal(ctx: LoweringContext, statement: Statement, what: string): void {
  if (ctx.scope.parent !== undefined || ctx.isGateBody || ctx.callDepth > 0) {
    fail(
      'qasm3.semantic.definition-not-global',
      `${what} can only be defined in the global scope`,
      statement.span,
    )
  }
}

/** A gate call whose name is a subroutine: `f(args) q0, q1;` calls it with all of them. */
function gateCallOrSubroutine(ctx: LoweringContext, node: GateCall): void {
  const symbol = ctx.scope.lookup(node.name.name)
  if (symbol?.kind !== 'subroutine') {
    lowerGateCall(ctx, node)
    return
  }
  if (node.modifiers.length > 0) {
    fail(
      'qasm3.semantic.not-a-gate',
      `'${node.name.name}' is a subroutine and takes no modifiers`,
      node.span,
    )
  }
  const args = [...(node.args ?? []), ...node.operands]
  inlineSubroutine(ctx, symbol.node, { args, target: undefined, span: node.span })
}

function lowerExpressionStatement(ctx: LoweringContext, node: ExpressionStatement): void {
  const expr = node.expression
  const subroutine = calledSubroutine(ctx, expr)
  if (subroutine !== undefined && expr.kind === 'CallExpression') {
    inlineSubroutine(ctx, subroutine, { args: expr.args, target: undefined, span: expr.span })
    return
  }
  // Anything else has no effect on the circuit, but must still be valid.
  evaluate(ctx, expr)
}

function jump(ctx: LoweringContext, statement: Statement, kind: 'break' | 'continue'): never {
  if (ctx.unrollLevels.length === 0) {
    fail('qasm3.semantic.jump-outside-loop', `'${kind}' outside a loop`, statement.span)
  }
  if (ctx.unrollLevels[ctx.unrollLevels.length - 1] !== ctx.dynamicLevel) {
    needsStatic(
      `'${kind}' under a run-time condition is not supported`,
      statement.span,
      `qasm3.unsupported.${kind}`,
    )
  }
  throw new LoopSignal(kind)
}

/** A lowering function for each statement kind. */
type Handlers = {
  readonly [TKind in Statement['kind']]: (
    ctx: LoweringContext,
    statement: Extract<Statement, { kind: TKind }>,
  ) => void
}

function ignore(): void {
  // Pragmas, `nop` and `defcalgrammar` have no effect on the circuit.
}

const HANDLERS: Handlers = {
  Block: (ctx, s) => {
    ctx.splice(ctx.lowerBlock(s.statements, { isDynamic: false }))
  },
  IncludeStatement: lowerInclude,
  QubitDeclaration: lowerQubitDeclaration,
  ClassicalDeclaration: lowerClassicalDeclaration,
  ConstDeclaration: lowerConstDeclaration,
  IoDeclaration: lowerIoDeclaration,
  AliasDeclaration: lowerAlias,
  AssignmentStatement: lowerAssignment,
  GateCall: gateCallOrSubroutine,
  MeasureArrowStatement: (ctx, s) => {
    lowerMeasure(ctx, { operand: s.operand, target: s.target }, s.span)
  },
  ResetStatement: lowerReset,
  BarrierStatement: lowerBarrier,
  DelayStatement: lowerDelay,
  BoxStatement: lowerBox,
  GateDefinition: (ctx, s) => {
    requireGlobal(ctx, s, 'gates')
    const gate = lowerGateDefinition(ctx, s)
    ctx.scope.declare(s.name.name, { kind: 'gate', gate }, s.name.span)
  },
  SubroutineDefinition: (ctx, s) => {
    requireGlobal(ctx, s, 'subroutines')
    ctx.scope.declare(s.name.name, { kind: 'subroutine', node: s }, s.name.span)
  },
  ExternDeclaration: (ctx, s) => {
    ctx.scope.declare(s.name.name, { kind: 'extern', node: s }, s.name.span)
  },
  IfStatement: lowerIf,
  ForStatement: lowerFor,
  WhileStatement: lowerWhile,
  SwitchStatement: lowerSwitch,
  BreakStatement: (ctx, s) => {
    jump(ctx, s, 'break')
  },
  ContinueStatement: (ctx, s) => {
    jump(ctx, s, 'continue')
  },
  EndStatement: (ctx, s) => {
    if (ctx.isDynamic) {
      fail('qasm3.unsupported.end', "'end' under a run-time condition is not supported", s.span)
    }
    throw new EndSignal()
  },
  ReturnStatement: (_, s) => {
    fail('qasm3.semantic.return-outside-subroutine', "'return' outside a subroutine", s.span)
  },
  ExpressionStatement: lowerExpressionStatement,
  CalStatement: (_, s) => {
    fail('qasm3.unsupported.calibration', 'calibrations (cal/defcal) are not supported', s.span)
  },
  DefcalStatement: (_, s) => {
    fail('qasm3.unsupported.calibration', 'calibrations (cal/defcal) are not supported', s.span)
  },
  NopStatement: ignore,
  PragmaStatement: ignore,
  CalibrationGrammarStatement: ignore,
}

/** Lowers one statement into the current block. */
export function lowerStatement(ctx: LoweringContext, statement: Statement): void {
  if (ctx.isGateBody && !GATE_BODY_KINDS.has(statement.kind)) {
    fail(
      'qasm3.semantic.invalid-gate-body',
      'gate bodies can only hold gate calls and loops',
      statement.span,
    )
  }
  const handler = HANDLERS[statement.kind] as (ctx: LoweringContext, statement: Statement) => void
  handler(ctx, statement)
}

/** Turns what a statement threw into a diagnostic, or rethrows control signals and bugs. */
function recover(ctx: LoweringContext, statement: Statement, error: unknown): void {
  if (error instanceof LoopSignal || error instanceof EndSignal) throw error
  const name = declaredName(statement)
  if (name !== undefined) ctx.scope.poison(name)
  if (error instanceof SilentAbort) return
  if (error instanceof LoweringError) {
    ctx.report(error.code, error.message, error.span)
    return
  }
  if (isQfabricError(error) || error instanceof RangeError || error instanceof TypeError) {
    ctx.report('qasm3.semantic.invalid-operation', error.message, statement.span)
    return
  }
  throw error
}

/**
 * Lowers one statement; outside speculative attempts its error becomes a diagnostic instead of
 * propagating, so lowering can go on with the next statement.
 *
 * @param ctx - the lowering context
 * @param statement - the statement
 * @throws only what speculative attempts must see, control signals, aborts and bugs
 */
export function lowerRecovering(ctx: LoweringContext, statement: Statement): void {
  const signal = ctx.options.signal
  if (signal?.aborted === true) throw signal.reason
  if (ctx.attemptDepth > 0) {
    lowerStatement(ctx, statement)
    return
  }
  try {
    lowerStatement(ctx, statement)
  } catch (error) {
    recover(ctx, statement, error)
  }
}

/**
 * Lowers statements in order (see {@link lowerRecovering}), so one run reports every problem.
 *
 * @param ctx - the lowering context
 * @param statements - the statements
 */
export function lowerStatements(ctx: LoweringContext, statements: readonly Statement[]): void {
  for (const statement of statements) lowerRecovering(ctx, statement)
}
