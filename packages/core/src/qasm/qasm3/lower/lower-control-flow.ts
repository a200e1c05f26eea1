import { BoxOp, ForLoopOp, IfElseOp, WhileLoopOp } from '../../../circuit/control-flow.js'
import { Parameter } from '../../../circuit/parameter.js'
import type {
  BoxStatement,
  Expression,
  ForStatement,
  IfStatement,
  RangeExpression,
  Statement,
  SwitchStatement,
  WhileStatement,
} from '../ast.js'
import { buildBodies } from './body-circuit.js'
import { evaluate, evaluateInteger } from './evaluate-expression.js'
import { lowerCondition } from './lower-condition.js'
import type { LoweringContext } from './lowering-context.js'
import { fail, NeedsStaticError } from './lowering-error.js'
import { LoopSignal } from './loop-signal.js'
import type { Scope } from './scope.js'
import { intValue, realValue, staticNumber, type Value } from './values.js'

/** Static unrolling stops here: a loop this long is almost certainly a mistake. */
const MAX_ITERATIONS = 1_000_000

/** The statements of a body that may be a block or a single statement. */
export function bodyStatements(body: Statement): readonly Statement[] {
  return body.kind === 'Block' ? body.statements : [body]
}

function forbidInGate(ctx: LoweringContext, what: string, span: Statement['span']): void {
  if (ctx.isGateBody)
    fail('qasm3.semantic.invalid-gate-body', `gate bodies cannot contain ${what}`, span)
}

/**
 * Lowers `if`: a compile-time condition selects a branch inline; a run-time condition on bits
 * becomes an {@link IfElseOp}.
 */
export function lowerIf(ctx: LoweringContext, node: IfStatement): void {
  const condition = lowerCondition(ctx, node.condition)
  if (condition.kind === 'static') {
    const branch = condition.value ? node.then : node.else
    if (branch !== undefined)
      ctx.splice(ctx.lowerBlock(bodyStatements(branch), { isDynamic: false }))
    return
  }
  forbidInGate(ctx, 'run-time conditions', node.span)
  const blocks = [ctx.lowerBlock(bodyStatements(node.then), { isDynamic: true })]
  if (node.else !== undefined)
    blocks.push(ctx.lowerBlock(bodyStatements(node.else), { isDynamic: true }))
  const bodies = buildBodies(ctx.layout, blocks, condition.condition)
  const op = new IfElseOp(condition.condition, bodies.circuits[0]!, bodies.circuits[1])
  ctx.emit(op, bodies.qubits, bodies.clbits)
}

/** The values a `for` loop runs over: an inclusive range or a set, known at compile time. */
function iterationValues(ctx: LoweringContext, iterable: Expression): Value[] {
  if (iterable.kind === 'SetExpression') return iterable.elements.map((e) => evaluate(ctx, e))
  if (iterable.kind !== 'RangeExpression') {
    return fail(
      'qasm3.unsupported.loop-iterable',
      'loops over arrays or registers are not supported',
      iterable.span,
    )
  }
  const range: RangeExpression = iterable
  if (range.start === undefined || range.end === undefined) {
    return fail('qasm3.semantic.invalid-range', 'a loop range needs a start and an end', range.span)
  }
  const start = staticNumber(evaluate(ctx, range.start), range.start.span)
  const end = staticNumber(evaluate(ctx, range.end), range.end.span)
  const step =
    range.step === undefined ? 1 : staticNumber(evaluate(ctx, range.step), range.step.span)
  if (step === 0) fail('qasm3.semantic.invalid-range', 'a range step cannot be 0', range.span)
  const count = Math.floor((end - start) / step) + 1
  if (count > MAX_ITERATIONS) {
    fail('qasm3.unsupported.loop-too-long', `the loop runs ${count} times`, range.span)
  }
  const isInt = Number.isInteger(start) && Number.isInteger(step)
  const values: Value[] = []
  for (let i = 0; i < count; i++) {
    const v = start + i * step
    values.push(isInt ? intValue(v) : realValue(v))
  }
  return values
}

function declareLoopVariable(
  ctx: LoweringContext,
  node: ForStatement,
  value: Value,
): (scope: Scope) => void {
  const { name, span } = node.variable
  return (scope) => {
    scope.declare(
      name,
      { kind: 'value', value, type: undefined, isConst: false, level: ctx.dynamicLevel, span },
      span,
    )
  }
}

/**
 * Tries the loop as a `ForLoopOp` whose body uses the loop variable as a parameter; returns
 * false (with every allocation rolled back) when the body needs the variable's value at compile
 * time (an index, a condition) or changes classical state, so the caller unrolls instead.
 */
function tryLoopOp(ctx: LoweringContext, node: ForStatement, values: readonly Value[]): boolean {
  if (
    !values.every(
      (v) => v.kind === 'number' && typeof v.value === 'number' && Number.isInteger(v.value),
    )
  ) {
    return false
  }
  const parameter = new Parameter(node.variable.name)
  const snapshot = ctx.layout.snapshot()
  const budget = ctx.budget
  ctx.attemptDepth++
  try {
    const value: Value = { kind: 'number', value: parameter, isInt: true }
    const block = ctx.lowerBlock(bodyStatements(node.body), {
      isDynamic: true,
      setup: declareLoopVariable(ctx, node, value),
    })
    const bodies = buildBodies(ctx.layout, [block])
    const body = bodies.circuits[0]!
    const isUsed = body.parameters.includes(parameter)
    const indexSet = values.map((v) => staticNumber(v, node.span))
    ctx.emit(
      new ForLoopOp(indexSet, isUsed ? parameter : undefined, body),
      bodies.qubits,
      bodies.clbits,
    )
    return true
  } catch (error) {
    if (!(error instanceof NeedsStaticError)) throw error
    ctx.layout.restore(snapshot)
    ctx.budget = budget
    return false
  } finally {
    ctx.attemptDepth--
  }
}

/** Runs `lowerIteration` for one unrolled iteration, honouring `break`/`continue`. */
function unrolledIteration(ctx: LoweringContext, lowerIteration: () => void): 'break' | 'next' {
  // Each unrolled iteration counts against the instruction budget, so that an empty loop
  // body cannot spin for long either.
  ctx.spend()
  // Each unrolled iteration counts against the instruction budget, so that an empty loop
  // body cannot spin for long either.
  ctx.spend()
  ctx.unrollLevels.push(ctx.dynamicLevel)
  const reported = ctx.diagnostics.length
  try {
    lowerIteration()
    // An iteration that reported errors would report them again: stop unrolling.
    return ctx.diagnostics.length > reported ? 'break' : 'next'
  } catch (error) {
    if (error instanceof LoopSignal) return error.kind === 'break' ? 'break' : 'next'
    throw error
  } finally {
    ctx.unrollLevels.pop()
  }
}

/**
 * Lowers `for`: a `ForLoopOp` over the index set when the body allows it, else the loop is
 * unrolled with the variable's value known in each copy (gate bodies always unroll).
 */
export function lowerFor(ctx: LoweringContext, node: ForStatement): void {
  const values = iterationValues(ctx, node.iterable)
  if (!ctx.isGateBody && tryLoopOp(ctx, node, values)) return
  for (const value of values) {
    const outcome = unrolledIteration(ctx, () => {
      const block = ctx.lowerBlock(bodyStatements(node.body), {
        isDynamic: false,
        setup: declareLoopVariable(ctx, node, value),
      })
      ctx.splice(block)
    })
    if (outcome === 'break') return
  }
}

/**
 * Lowers `while`: iterations whose condition is known at compile time are unrolled; once the
 * condition depends on measured bits, the rest becomes a {@link WhileLoopOp}.
 */
export function lowerWhile(ctx: LoweringContext, node: WhileStatement): void {
  for (let iteration = 0; ; iteration++) {
    const condition = lowerCondition(ctx, node.condition)
    if (condition.kind === 'static') {
      if (!condition.value) return
      if (iteration >= MAX_ITERATIONS) {
        fail(
          'qasm3.unsupported.loop-too-long',
          'the loop does not terminate at compile time',
          node.span,
        )
      }
      const outcome = unrolledIteration(ctx, () => {
        ctx.splice(ctx.lowerBlock(bodyStatements(node.body), { isDynamic: false }))
      })
      if (outcome === 'break') return
      continue
    }
    forbidInGate(ctx, "'while' loops", node.span)
    const block = ctx.lowerBlock(bodyStatements(node.body), { isDynamic: true })
    const bodies = buildBodies(ctx.layout, [block], condition.condition)
    ctx.emit(
      new WhileLoopOp(condition.condition, bodies.circuits[0]!),
      bodies.qubits,
      bodies.clbits,
    )
    return
  }
}

/** Lowers `box { … }` to a {@link BoxOp}. */
export function lowerBox(ctx: LoweringContext, node: BoxStatement): void {
  forbidInGate(ctx, "'box'", node.span)
  if (node.duration !== undefined) {
    fail('qasm3.unsupported.box-duration', 'box durations are not supported', node.duration.span)
  }
  const block = ctx.lowerBlock(node.body.statements, { isDynamic: false })
  const bodies = buildBodies(ctx.layout, [block])
  ctx.emit(new BoxOp(bodies.circuits[0]!), bodies.qubits, bodies.clbits)
}

/** Lowers `switch` on a compile-time value by selecting the matching case. */
export function lowerSwitch(ctx: LoweringContext, node: SwitchStatement): void {
  let target: number
  try {
    target = evaluateInteger(ctx, node.target)
  } catch (error) {
    if (
      error instanceof Error &&
      'code' in error &&
      error.code === 'qasm3.unsupported.runtime-value'
    ) {
      fail('qasm3.unsupported.switch', "'switch' on run-time values is not supported", node.span)
    }
    throw error
  }
  for (const item of node.cases) {
    if (item.values.some((v) => evaluateInteger(ctx, v) === target)) {
      ctx.splice(ctx.lowerBlock(item.body.statements, { isDynamic: false }))
      return
    }
  }
  if (node.default !== undefined)
    ctx.splice(ctx.lowerBlock(node.default.statements, { isDynamic: false }))
}
