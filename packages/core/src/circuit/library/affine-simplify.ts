import {
  evaluateExpression,
  type ExpressionNode,
  type ParameterExpression,
  type ParameterValue,
} from '../parameter-expression.js'
import type { Parameter } from '../parameter.js'

/** Whether a tree uses only `+ − × ÷` and negation (so that sampling can prove it affine). */
function isArithmetic(node: ExpressionNode): boolean {
  switch (node.kind) {
    case 'const':
    case 'param':
      return true
    case 'unary':
      return node.op === 'neg' && isArithmetic(node.arg)
    case 'binary':
      return node.op !== '**' && isArithmetic(node.left) && isArithmetic(node.right)
  }
}

/** Options of {@link simplifyAffine}. */
export interface SimplifyAffineOptions {
  /** Reduce the constant term modulo this period (e.g. 2π for a global phase). */
  readonly period?: number | undefined
}

/** Mixed-sign probe points: an arithmetic expression affine at all of them is affine. */
const PROBES = [-1.3247179572, 2.2360679775, -0.5772156649, 3.1415926536]

/** `c·p` for `c > 0`, written `p/n` when `c = 1/n`. */
function term(p: Parameter, c: number): ParameterExpression {
  if (c === 1) return p
  const inv = 1 / c
  return Number.isInteger(inv) ? p.div(inv) : p.mul(c)
}

/**
 * Rewrites an arithmetic expression that is affine in its parameters as `c₁·p₁ + … + c₀`:
 * decompositions build angles like `−(θ/2/2) + (−(−(θ/2)/2))`, which this folds to `0`, or to
 * `θ/4 + pi/2`. Other values are returned unchanged.
 *
 * @param value - a number or an expression
 * @param options - `period`: reduce the constant term to `(−period/2, period/2]` (2π for a
 *   global phase)
 * @returns an equal value, in canonical affine form when it is affine
 */
export function simplifyAffine(
  value: ParameterValue,
  options: SimplifyAffineOptions = {},
): ParameterValue {
  if (typeof value === 'number' || !isArithmetic(value.node)) return value
  const params = [...value.parameters]
  const index = new Map(params.map((p, i) => [p.id, i]))
  const at = (x: (i: number) => number): number =>
    evaluateExpression(value.node, (p) => x(index.get(p.id) ?? -1))
  const c0 = at(() => 0)
  const coeffs = params.map((_, j) => snap(at((i) => (i === j ? 1 : 0)) - c0))
  const affine = PROBES.every((probe, k) => {
    const point = params.map((_, i) => probe * (1 + 0.61803398875 * ((i + k) % 3)))
    const expected = coeffs.reduce((s, c, i) => s + c * (point[i] ?? 0), c0)
    const actual = at((i) => point[i] ?? 0)
    return (
      Number.isFinite(actual) && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(actual))
    )
  })
  if (!affine) return value
  let out: ParameterExpression | undefined
  params.forEach((p, i) => {
    const c = coeffs[i] ?? 0
    if (c === 0) return
    const t = term(p, Math.abs(c))
    if (out === undefined) out = c < 0 ? t.neg() : t
    else out = c < 0 ? out.sub(t) : out.add(t)
  })
  const reduced =
    options.period === undefined ? c0 : c0 - options.period * Math.round(c0 / options.period)
  const constant = Math.abs(reduced) < 1e-14 ? 0 : reduced
  if (out === undefined) return constant
  if (constant === 0) return out
  return constant < 0 ? out.sub(-constant) : out.add(constant)
}

/** A coefficient, snapped to the nearest multiple of 2⁻²⁰ when within rounding of it. */
function snap(c: number): number {
  const q = Math.round(c * 2 ** 20) / 2 ** 20
  return Math.abs(c - q) < 1e-12 ? q : c
}
