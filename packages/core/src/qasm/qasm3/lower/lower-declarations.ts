import { Parameter } from '../../../circuit/parameter.js'
import type {
  AliasDeclaration,
  ClassicalDeclaration,
  ConstDeclaration,
  Expression,
  IoDeclaration,
  QubitDeclaration,
  SubroutineDefinition,
} from '../ast.js'
import { MAX_BITS } from './bit-layout.js'
import { classicalType, evaluate, evaluateInteger } from './evaluate-expression.js'
import { emitMeasure } from './lower-measure.js'
import { inlineSubroutine } from './lower-subroutine.js'
import type { LoweringContext } from './lowering-context.js'
import { fail, LoweringError, needsStatic } from './lowering-error.js'
import { resolveAlias, resolveQubits } from './operands.js'
import type { ClbitsSymbol } from './scope.js'
import { castValue, zeroValue, type ClassicalType, type Value } from './values.js'

/** The subroutine a call expression invokes, if it is one. */
export function calledSubroutine(
  ctx: LoweringContext,
  expr: Expression,
): SubroutineDefinition | undefined {
  if (expr.kind !== 'CallExpression') return undefined
  const symbol = ctx.scope.lookup(expr.callee.name)
  return symbol?.kind === 'subroutine' ? symbol.node : undefined
}

function isGlobal(ctx: LoweringContext): boolean {
  return ctx.scope.parent === undefined && !ctx.isGateBody && ctx.callDepth === 0
}

/** `qubit[n] q;` / `qreg q[n];`: a quantum register (global scope only). */
export function lowerQubitDeclaration(ctx: LoweringContext, node: QubitDeclaration): void {
  if (!isGlobal(ctx))
    fail(
      'qasm3.semantic.qubit-not-global',
      'qubits can only be declared in the global scope',
      node.span,
    )
  const size = node.size === undefined ? 1 : evaluateInteger(ctx, node.size)
  if (size < 1)
    fail(
      'qasm3.semantic.invalid-size',
      `a register needs at least one qubit, got ${size}`,
      node.span,
    )
  if (ctx.layout.qubits.length + size > MAX_BITS) {
    fail(
      'qasm3.unsupported.too-many-qubits',
      `a circuit can hold at most ${MAX_BITS} qubits`,
      node.span,
    )
  }
  const { indices } = ctx.layout.addQuantumRegister(node.name.name, size)
  ctx.scope.declare(
    node.name.name,
    { kind: 'qubits', indices, isSingle: node.size === undefined },
    node.name.span,
  )
}

/** Allocates the clbits of a `bit` declaration as a classical register named after it. */
function allocateBits(
  ctx: LoweringContext,
  node: ClassicalDeclaration | IoDeclaration,
  size: number | undefined,
): ClbitsSymbol {
  if (ctx.isGateBody)
    fail('qasm3.semantic.invalid-gate-body', 'gate bodies cannot declare bits', node.span)
  if (ctx.isDynamic) {
    needsStatic(
      'bits cannot be declared inside a body that runs conditionally',
      node.span,
      'qasm3.unsupported.bit-declaration',
    )
  }
  if (ctx.layout.clbits.length + (size ?? 1) > MAX_BITS) {
    fail(
      'qasm3.unsupported.too-many-clbits',
      `a circuit can hold at most ${MAX_BITS} clbits`,
      node.span,
    )
  }
  const { register, indices } = ctx.layout.addClassicalRegister(node.name.name, size ?? 1)
  const symbol: ClbitsSymbol = { kind: 'clbits', indices, isSingle: size === undefined, register }
  ctx.scope.declare(node.name.name, symbol, node.name.span)
  return symbol
}

function declareValue(
  ctx: LoweringContext,
  node: { name: { name: string; span: Expression['span'] }; span: Expression['span'] },
  declared: { value: Value; type: ClassicalType | undefined; isConst?: boolean },
): void {
  const { value, type } = declared
  const isConst = declared.isConst ?? false
  ctx.scope.declare(
    node.name.name,
    { kind: 'value', value, type, isConst, level: ctx.dynamicLevel, span: node.span },
    node.name.span,
  )
}

/** A `bit` declaration: clbits, unless initialised to a non-zero constant (tracked instead). */
function lowerBitDeclaration(
  ctx: LoweringContext,
  node: ClassicalDeclaration,
  type: ClassicalType,
): void {
  const width = type.size ?? 1
  const forwarding = ctx.forwarding
  if (forwarding?.declaration === node) {
    if (forwarding.target.indices.length !== width) {
      fail(
        'qasm3.semantic.type-mismatch',
        `the call's result has ${width} bits but its target has ${forwarding.target.indices.length}`,
        node.span,
      )
    }
    ctx.scope.declare(node.name.name, forwarding.target, node.name.span)
    return
  }
  const init = node.init
  if (init === undefined) {
    allocateBits(ctx, node, type.size)
    return
  }
  if (init.kind === 'MeasureExpression') {
    const bits = allocateBits(ctx, node, type.size)
    emitMeasure(ctx, { qubits: resolveQubits(ctx, init.operand), clbits: bits }, node.span)
    return
  }
  const subroutine = calledSubroutine(ctx, init)
  if (subroutine !== undefined && init.kind === 'CallExpression') {
    const bits = allocateBits(ctx, node, type.size)
    inlineSubroutine(ctx, subroutine, { args: init.args, target: bits, span: init.span })
    return
  }
  const value = castValue(evaluateInitializer(ctx, init), type, init.span)
  if (value.kind === 'bits' && value.value === 0n && !ctx.isDynamic && !ctx.isGateBody) {
    allocateBits(ctx, node, type.size)
    return
  }
  declareValue(ctx, node, { value, type })
}

function evaluateInitializer(ctx: LoweringContext, init: Expression): Value {
  try {
    return evaluate(ctx, init)
  } catch (error) {
    if (error instanceof LoweringError && error.code === 'qasm3.unsupported.runtime-value') {
      fail(
        'qasm3.unsupported.classical-assignment',
        'copying run-time bits into a variable is not supported',
        init.span,
      )
    }
    throw error
  }
}

/** `type name [= value];`. */
export function lowerClassicalDeclaration(ctx: LoweringContext, node: ClassicalDeclaration): void {
  const type = classicalType(ctx, node.type)
  if (type.name === 'bit') {
    lowerBitDeclaration(ctx, node, type)
    return
  }
  if (type.name === 'stretch')
    fail('qasm3.unsupported.stretch', "'stretch' needs a scheduler and is not supported", node.span)
  if (type.name === 'complex')
    fail('qasm3.unsupported.complex', 'complex numbers are not supported', node.span)
  const init = node.init
  if (
    init?.kind === 'MeasureExpression' ||
    (init !== undefined && calledSubroutine(ctx, init) !== undefined)
  ) {
    fail(
      'qasm3.unsupported.classical-assignment',
      `a run-time result cannot be stored in a ${type.name}`,
      init.span,
    )
  }
  const value =
    init === undefined
      ? zeroValue(type)
      : castValue(evaluateInitializer(ctx, init), type, init.span)
  declareValue(ctx, node, { value, type })
}

/** `const type name = value;`. */
export function lowerConstDeclaration(ctx: LoweringContext, node: ConstDeclaration): void {
  const type = classicalType(ctx, node.type)
  declareValue(ctx, node, {
    value: castValue(evaluate(ctx, node.init), type, node.init.span),
    type,
    isConst: true,
  })
}

/** `input float[64] theta;` (a free parameter) and `output` declarations. */
export function lowerIoDeclaration(ctx: LoweringContext, node: IoDeclaration): void {
  if (!isGlobal(ctx))
    fail('qasm3.semantic.io-not-global', `'${node.io}' declarations must be global`, node.span)
  const type = classicalType(ctx, node.type)
  if (node.io === 'output') {
    if (type.name === 'bit') allocateBits(ctx, node, type.size)
    else declareValue(ctx, node, { value: zeroValue(type), type })
    return
  }
  if (
    type.name !== 'float' &&
    type.name !== 'angle' &&
    type.name !== 'int' &&
    type.name !== 'uint'
  ) {
    fail(
      'qasm3.unsupported.input-type',
      `inputs of type ${type.name} are not supported (use float or angle)`,
      node.span,
    )
  }
  const parameter = new Parameter(node.name.name)
  const isInt = type.name === 'int' || type.name === 'uint'
  declareValue(ctx, node, {
    value: { kind: 'number', value: parameter, isInt },
    type,
    isConst: true,
  })
}

/** `let name = q[0:2] ++ r;`. */
export function lowerAlias(ctx: LoweringContext, node: AliasDeclaration): void {
  const value = node.value
  if (value.kind === 'Identifier') {
    const symbol = ctx.scope.require(value.name, value.span)
    if (symbol.kind === 'qubits' || symbol.kind === 'clbits') {
      ctx.scope.declare(node.name.name, symbol, node.name.span)
      return
    }
  }
  const alias = resolveAlias(ctx, value)
  ctx.scope.declare(node.name.name, alias.bits, node.name.span)
}
