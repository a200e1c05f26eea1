import { Measure } from '../../../circuit/directives.js'
import type { Expression, GateOperand, TextSpan } from '../ast.js'
import type { LoweringContext } from './lowering-context.js'
import { fail, needsStatic } from './lowering-error.js'
import { resolveClbits, resolveQubits, rootName, type BitList } from './operands.js'
import type { ClbitsSymbol, ValueSymbol } from './scope.js'

/** Measurements are all alike: one immutable instance serves every one. */
const MEASURE = new Measure()

/**
 * Turns a `bit` variable tracked at compile time into clbits of the circuit, because a
 * measurement (or a subroutine result) now writes it.
 *
 * @throws NeedsStaticError inside a body that runs conditionally (no bits can be allocated)
 */
export function materializeBits(
  ctx: LoweringContext,
  name: string,
  span: TextSpan,
): { bits: ClbitsSymbol; value: bigint } {
  const owner = ctx.scope.owner(name)!
  const symbol = owner.lookup(name) as ValueSymbol
  if (symbol.type?.name !== 'bit') {
    return fail(
      'qasm3.unsupported.classical-assignment',
      `run-time results can only be stored in bits, and '${name}' is ${symbol.type === undefined ? 'not a variable' : `of type ${symbol.type.name}`}`,
      span,
    )
  }
  if (ctx.isDynamic) {
    needsStatic(
      `'${name}' would need clbits inside a body that runs conditionally`,
      span,
      'qasm3.unsupported.bit-declaration',
    )
  }
  const size = symbol.type.size
  const { register, indices } = ctx.layout.addClassicalRegister(name, size ?? 1)
  const bits: ClbitsSymbol = { kind: 'clbits', indices, isSingle: size === undefined, register }
  owner.replace(name, bits)
  const value = symbol.value.kind === 'bits' ? symbol.value.value : 0n
  return { bits, value }
}

/**
 * The clbits a measurement or subroutine result writes, turning a compile-time `bit` variable
 * into clbits first.
 *
 * @throws LoweringError when only part of a variable holding a non-zero constant is written
 *   (the rest of its value cannot be represented)
 */
export function writableClbits(ctx: LoweringContext, target: Expression): BitList {
  const bits = resolveClbits(ctx, target)
  if (bits !== undefined) return bits
  const root = rootName(target)!
  const { value } = materializeBits(ctx, root.name, root.span)
  if (value !== 0n && target.kind !== 'Identifier') {
    fail(
      'qasm3.unsupported.classical-initialization',
      `'${root.name}' holds a constant that a circuit cannot represent once part of it is measured`,
      target.span,
    )
  }
  return resolveClbits(ctx, target)!
}

/**
 * Emits measurements of `qubits` into `clbits`, pairwise (sizes must agree).
 *
 * @throws LoweringError for mismatched sizes or inside a gate body
 */
export function emitMeasure(
  ctx: LoweringContext,
  bits: { qubits: BitList; clbits: BitList },
  span: TextSpan,
): void {
  const { qubits, clbits } = bits
  if (ctx.isGateBody) fail('qasm3.semantic.invalid-gate-body', 'gate bodies cannot measure', span)
  const n = qubits.indices.length
  if (clbits.indices.length !== n) {
    fail(
      'qasm3.semantic.measure-size-mismatch',
      `cannot measure ${n} qubit${n === 1 ? '' : 's'} into ${clbits.indices.length} bit${clbits.indices.length === 1 ? '' : 's'}`,
      span,
    )
  }
  for (let i = 0; i < n; i++) ctx.emit(MEASURE, [qubits.indices[i]!], [clbits.indices[i]!])
}

/**
 * Lowers `measure q -> c;` and `c = measure q;`.
 *
 * @param ctx - the lowering context
 * @param measurement - the measured qubits and the bits written (a bare `measure q;` is not
 *   supported)
 * @param span - the statement
 */
export function lowerMeasure(
  ctx: LoweringContext,
  measurement: { operand: GateOperand; target: Expression | undefined },
  span: TextSpan,
): void {
  const { operand, target } = measurement
  if (target === undefined) {
    fail(
      'qasm3.unsupported.measure-without-target',
      'a measurement needs bits to write its result to',
      span,
    )
  }
  const qubits = resolveQubits(ctx, operand)
  emitMeasure(ctx, { qubits, clbits: writableClbits(ctx, target) }, span)
}
