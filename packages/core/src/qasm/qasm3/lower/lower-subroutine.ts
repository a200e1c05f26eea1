import type {
  ArgumentDefinition,
  ClassicalDeclaration,
  Expression,
  Statement,
  SubroutineDefinition,
  TextSpan,
} from '../ast.js'
import { classicalType, evaluate, evaluateInteger } from './evaluate-expression.js'
import { emitMeasure } from './lower-measure.js'
import type { LoweringContext } from './lowering-context.js'
import { fail } from './lowering-error.js'
import { resolveClbits, resolveQubits, rootName, type BitList } from './operands.js'
import { Scope, type ClbitsSymbol, type ScopeSymbol } from './scope.js'
import { castValue } from './values.js'

function asClbitsSymbol(bits: BitList): ClbitsSymbol {
  const base = { kind: 'clbits', indices: bits.indices, isSingle: bits.isSingle } as const
  return bits.register === undefined ? base : { ...base, register: bits.register }
}

/** Subroutine calls nest at most this deep (recursion cannot be inlined forever). */
const MAX_CALL_DEPTH = 64

/** Binds one argument of a call in the subroutine's scope. */
function bindArgument(
  ctx: LoweringContext,
  arg: ArgumentDefinition,
  value: Expression,
): ScopeSymbol {
  const type = arg.type
  if (type.kind === 'QubitType') {
    const qubits = resolveQubits(ctx, value)
    const size = type.size === undefined ? undefined : evaluateInteger(ctx, type.size)
    if (
      (size === undefined) !== qubits.isSingle ||
      (size !== undefined && size !== qubits.indices.length)
    ) {
      fail(
        'qasm3.semantic.type-mismatch',
        `argument '${arg.name.name}' expects ${size === undefined ? 'one qubit' : `${size} qubits`}`,
        value.span,
      )
    }
    return { kind: 'qubits', indices: qubits.indices, isSingle: qubits.isSingle }
  }
  if (type.kind === 'ArrayReferenceType') {
    return fail('qasm3.unsupported.array', 'array arguments are not supported', type.span)
  }
  const declared = classicalType(ctx, type)
  const root = rootName(value)
  if (
    declared.name === 'bit' &&
    root !== undefined &&
    ctx.scope.lookup(root.name)?.kind === 'clbits'
  ) {
    // Bits measured at run time are passed by reference: the body can test them.
    const bits = resolveClbits(ctx, value)!
    return { kind: 'clbits', indices: bits.indices, isSingle: bits.isSingle }
  }
  const converted = castValue(evaluate(ctx, value), declared, value.span)
  return {
    kind: 'value',
    value: converted,
    type: declared,
    isConst: false,
    level: ctx.dynamicLevel,
    span: arg.span,
  }
}

/**
 * The local `bit` variable every `return` of the body names, declared at the top of the body
 * without an initialiser: the call's target bits can stand in for it (no copy needed).
 */
function forwardedDeclaration(body: readonly Statement[]): ClassicalDeclaration | undefined {
  const last = body[body.length - 1]
  if (last?.kind !== 'ReturnStatement' || last.value?.kind !== 'Identifier') return undefined
  const name = last.value.name
  return body.find(
    (s): s is ClassicalDeclaration =>
      s.kind === 'ClassicalDeclaration' &&
      s.name.name === name &&
      s.type.kind === 'ScalarType' &&
      s.type.name === 'bit' &&
      s.init === undefined,
  )
}

function checkReturns(statements: readonly Statement[], isTop: boolean): void {
  statements.forEach((s, i) => {
    if (s.kind === 'ReturnStatement' && !(isTop && i === statements.length - 1)) {
      fail('qasm3.unsupported.early-return', "only a final 'return' can be inlined", s.span)
    }
    if (s.kind === 'Block') checkReturns(s.statements, false)
    if (s.kind === 'IfStatement')
      checkReturns([s.then, ...(s.else === undefined ? [] : [s.else])], false)
    if (s.kind === 'ForStatement' || s.kind === 'WhileStatement') checkReturns([s.body], false)
  })
}

/** Handles the final `return` inside the subroutine's scope. */
function lowerReturn(
  ctx: LoweringContext,
  value: Expression | undefined,
  options: {
    target: BitList | undefined
    forwarded: ClassicalDeclaration | undefined
    span: TextSpan
  },
): void {
  if (value === undefined) return
  if (value.kind === 'MeasureExpression') {
    if (options.target === undefined) {
      fail(
        'qasm3.unsupported.measure-without-target',
        'the measured result of this call is discarded',
        options.span,
      )
    }
    emitMeasure(
      ctx,
      { qubits: resolveQubits(ctx, value.operand), clbits: options.target },
      value.span,
    )
    return
  }
  if (options.target === undefined || options.forwarded !== undefined) return
  fail(
    'qasm3.unsupported.subroutine-return',
    'only a measurement or a local bit register can be returned into bits',
    value.span,
  )
}

/**
 * Inlines a subroutine call: the body is lowered in a scope binding its arguments (qubits and
 * measured bits by reference, classical values by value). A result is supported when it is a
 * measurement or a local `bit` register, written straight into the call's `target` bits.
 *
 * @param ctx - the lowering context
 * @param node - the subroutine
 * @param call - the argument expressions, the target bits of the result, and the call's span
 * @throws LoweringError for wrong arguments, unsupported returns or runaway recursion
 */
export function inlineSubroutine(
  ctx: LoweringContext,
  node: SubroutineDefinition,
  call: { args: readonly Expression[]; target: BitList | undefined; span: TextSpan },
): void {
  if (call.args.length !== node.args.length) {
    fail(
      'qasm3.semantic.wrong-argument-count',
      `'${node.name.name}' takes ${node.args.length} arguments, got ${call.args.length}`,
      call.span,
    )
  }
  if (ctx.callDepth >= MAX_CALL_DEPTH) {
    fail(
      'qasm3.semantic.recursion-limit',
      `calls of '${node.name.name}' nest too deeply`,
      call.span,
    )
  }
  if (call.target !== undefined && node.returnType === undefined) {
    fail('qasm3.semantic.no-return-value', `'${node.name.name}' returns nothing`, call.span)
  }
  const statements = node.body.statements
  checkReturns(statements, true)
  const scope = new Scope(ctx.scope.root())
  node.args.forEach((arg, i) => {
    scope.declare(arg.name.name, bindArgument(ctx, arg, call.args[i]!), arg.name.span)
  })
  const last = statements[statements.length - 1]
  const finalReturn = last?.kind === 'ReturnStatement' ? last : undefined
  const forwarded = call.target === undefined ? undefined : forwardedDeclaration(statements)
  const target = call.target
  const savedForwarding = ctx.forwarding
  ctx.forwarding =
    forwarded === undefined || target === undefined
      ? undefined
      : { declaration: forwarded, target: asClbitsSymbol(target) }
  ctx.callDepth++
  ctx.unrollLevels.push(-1)
  try {
    const body = finalReturn === undefined ? statements : statements.slice(0, -1)
    const block = ctx.lowerBlock(body, {
      isDynamic: false,
      scope,
      after: () => {
        lowerReturn(ctx, finalReturn?.value, { target, forwarded, span: call.span })
      },
    })
    ctx.splice(block)
  } finally {
    ctx.callDepth--
    ctx.unrollLevels.pop()
    ctx.forwarding = savedForwarding
  }
}
