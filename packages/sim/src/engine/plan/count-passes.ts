/**
 * How many passes over the state a program's unitary part takes (for benchmarks: each pass
 * reads and writes the state once, so `passes × 2 × 16 · 2^n bytes / bandwidth` bounds the
 * time from below).
 */
import type { EngineOptions } from '../engine-options.js'
import { isUnitaryOp, type SimProgram, type UnitaryOp } from '../sim-program.js'
import { buildPlan } from './build-plan.js'

/**
 * The number of passes the plan of `program`'s leading unitary ops makes.
 *
 * @param program - the program
 * @param options - the fusion options the run would use
 * @returns the pass count, and its breakdown by pass kind
 */
export function countStatePasses(
  program: SimProgram,
  options: Pick<EngineOptions, 'fusion' | 'maxBlockQubits'> & { readonly sampled?: boolean } = {},
): { passes: number; byKind: Record<string, number> } {
  const end = program.ops.findIndex((op) => !isUnitaryOp(op))
  const ops = (end < 0 ? program.ops : program.ops.slice(0, end)) as readonly UnitaryOp[]
  const plan = buildPlan(ops, {
    numQubits: program.numQubits,
    fusion: options.fusion,
    maxBlockQubits: options.maxBlockQubits,
    dropTrailingDiagonals: options.sampled === true,
  })
  const byKind: Record<string, number> = {}
  for (const p of plan) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1
  return { passes: plan.length, byKind }
}
