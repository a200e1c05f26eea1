import { Complex } from '../../../src/math/complex.js'
import { ComplexMatrix } from '../../../src/math/complex-matrix.js'
import type { GateRecipe } from '../../../src/circuit/library/gate-recipe.js'
import type { ParameterValue } from '../../../src/circuit/parameter-expression.js'
import { standardGateMatrix } from '../../../src/circuit/library/standard-gate-matrices.js'

/**
 * The `2^n`-dimensional matrix of a `k`-qubit gate `g` acting on `qubits` of `n` (little-endian),
 * built entry by entry: an independent dense reference for the tests.
 */
export function embed(g: ComplexMatrix, qubits: readonly number[], n: number): ComplexMatrix {
  const dim = 2 ** n
  const out = new ComplexMatrix(dim, dim)
  const mask = qubits.reduce((m, q) => m | (1 << q), 0)
  const sub = (i: number): number => qubits.reduce((s, q, k) => s | (((i >> q) & 1) << k), 0)
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < dim; j++) {
      if ((i & ~mask) !== (j & ~mask)) continue
      const z = g.get(sub(i), sub(j))
      if (z.re !== 0 || z.im !== 0) out.set(i, j, z)
    }
  }
  return out
}

/** Evaluates a parameter value that the tests made numeric. */
export function num(v: ParameterValue): number {
  return typeof v === 'number' ? v : v.numeric()
}

/** The unitary of a recipe with numeric parameters, global phase included. */
export function recipeUnitary(r: GateRecipe): ComplexMatrix {
  let u = ComplexMatrix.identity(2 ** r.numQubits)
  for (const step of r.steps) {
    const g = standardGateMatrix(step.gate, step.params.map(num), {
      numCtrlQubits: step.qubits.length - 1,
    })
    u = embed(g, step.qubits, r.numQubits).mul(u)
  }
  return u.scale(Complex.expi(num(r.globalPhase)))
}
