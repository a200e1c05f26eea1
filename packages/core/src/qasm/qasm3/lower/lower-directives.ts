import { Barrier, Delay, Reset } from '../../../circuit/directives.js'
import type { BarrierStatement, DelayStatement, GateOperand, ResetStatement } from '../ast.js'
import { evaluate } from './evaluate-expression.js'
import type { LoweringContext } from './lowering-context.js'
import { fail } from './lowering-error.js'
import { resolveQubits } from './operands.js'

const RESET = new Reset()

/** The qubits of an operand list, deduplicated in order; every qubit in scope when empty. */
function operandQubits(ctx: LoweringContext, operands: readonly GateOperand[]): number[] {
  if (operands.length === 0) {
    if (ctx.isGateBody)
      return fail('qasm3.semantic.invalid-gate-body', 'name the qubits in a gate body', {
        offset: 0,
        length: 0,
      })
    return ctx.layout.qubits.map((_, i) => i)
  }
  const seen = new Set<number>()
  const out: number[] = []
  for (const operand of operands) {
    for (const q of resolveQubits(ctx, operand).indices) {
      if (!seen.has(q)) {
        seen.add(q)
        out.push(q)
      }
    }
  }
  return out
}

/** `reset q;`: one reset per qubit. */
export function lowerReset(ctx: LoweringContext, node: ResetStatement): void {
  if (ctx.isGateBody)
    fail('qasm3.semantic.invalid-gate-body', 'gate bodies cannot reset', node.span)
  for (const q of resolveQubits(ctx, node.operand).indices) ctx.emit(RESET, [q])
}

/** `barrier q, r;`: one barrier over all the named qubits (every qubit when none). */
export function lowerBarrier(ctx: LoweringContext, node: BarrierStatement): void {
  const qubits = operandQubits(ctx, node.operands)
  if (qubits.length > 0) ctx.emit(new Barrier(qubits.length), qubits)
}

/**
 * `delay[d] q;`: a delay on each named qubit (every qubit when none), in the literal's unit.
 *
 * @throws LoweringError for stretches and durations that are not literal-like
 */
export function lowerDelay(ctx: LoweringContext, node: DelayStatement): void {
  if (ctx.isGateBody)
    fail('qasm3.semantic.invalid-gate-body', 'gate bodies cannot delay', node.span)
  const duration = evaluate(ctx, node.duration)
  if (duration.kind !== 'duration') {
    return fail(
      'qasm3.semantic.type-mismatch',
      'a delay needs a duration such as 100ns',
      node.duration.span,
    )
  }
  if (duration.value < 0)
    fail('qasm3.semantic.negative-duration', 'a delay cannot be negative', node.duration.span)
  if (duration.unit === 'dt' && !Number.isInteger(duration.value)) {
    fail('qasm3.semantic.type-mismatch', 'a delay in dt must be a whole number', node.duration.span)
  }
  const op = new Delay(duration.value, duration.unit)
  for (const q of operandQubits(ctx, node.operands)) ctx.emit(op, [q])
}
