import { Qubit } from '../../circuit/bit.js'
import { UnitaryGate } from '../../circuit/unitary-gate.js'
import { Complex } from '../../math/complex.js'
import { ComplexMatrix } from '../../math/complex-matrix.js'
import { decomposeProductGate, type ProductGateFactors } from '../../math/product-gate.js'
import { DagCircuit } from '../dag/dag-circuit.js'
import type { TransformationPass } from '../passmanager/pass.js'
import { operationMatrix } from '../synthesis/block-unitary.js'

/**
 * Splits every two-qubit `unitary` gate that is a tensor product of 1-qubit gates into those
 * two gates (Qiskit's `Split2QUnitaries`), so that layout and routing do not see an interaction
 * that is not there.
 *
 * @example
 * ```ts
 * new Split2QUnitaries().run(dag) // unitary(h ⊗ x) → unitary(x) on q1, unitary(h) on q0
 * ```
 */
export class Split2QUnitaries implements TransformationPass {
  readonly name = 'Split2QUnitaries'
  readonly kind = 'transformation' as const

  /**
   * @param dag - the circuit
   * @returns the circuit with product unitaries split (`dag` itself when there are none)
   */
  run(dag: DagCircuit): DagCircuit {
    const nodes = dag.opNodes(
      (n) => n.operation.name === 'unitary' && n.qubits.length === 2 && n.condition === undefined,
    )
    let out: DagCircuit | undefined
    for (const node of nodes) {
      const u = operationMatrix(node.operation)
      const factors = productFactors(u)
      if (factors === undefined) continue
      const { l, r, phase } = factors
      const replacement = new DagCircuit({ globalPhase: phase })
      replacement.addQubits([new Qubit(), new Qubit()])
      replacement.applyOperationBack({ operation: new UnitaryGate(r), qubits: [0] })
      replacement.applyOperationBack({ operation: new UnitaryGate(l), qubits: [1] })
      out ??= dag.copy()
      out.substituteNodeWithDag(node, replacement)
    }
    return out ?? dag
  }
}

/** The largest entry-wise distance a split may leave (the split is exact to rounding). */
const SPLIT_ATOL = 1e-9

/** The factors of a product unitary, or `undefined` when it entangles. */
function productFactors(u: ComplexMatrix): ProductGateFactors | undefined {
  let factors: ProductGateFactors
  try {
    factors = decomposeProductGate(u, SPLIT_ATOL)
  } catch {
    // `math.not-local`: an entangling unitary stays whole.
    return undefined
  }
  // The factors of a nearly-product unitary are nearly unitary: project them onto SU(2) and
  // keep the split only if it still reproduces `u`.
  const l = nearestSu2(factors.l)
  const r = nearestSu2(factors.r)
  const rebuilt = l.kron(r).scale(Complex.expi(factors.phase))
  for (let i = 0; i < u.data.length; i++) {
    if (Math.abs(rebuilt.data[i]! - u.data[i]!) > SPLIT_ATOL) return undefined
  }
  return { l, r, phase: factors.phase }
}

/** The SU(2) matrix `[[a, b], [−b̄, ā]]` nearest a matrix close to one. */
function nearestSu2(m: ComplexMatrix): ComplexMatrix {
  const a = m.get(0, 0).add(m.get(1, 1).conj()).mul(0.5)
  const b = m.get(0, 1).sub(m.get(1, 0).conj()).mul(0.5)
  const norm = Math.sqrt(a.abs2() + b.abs2())
  const an = a.div(norm)
  const bn = b.div(norm)
  return ComplexMatrix.fromRows([
    [
      [an.re, an.im],
      [bn.re, bn.im],
    ],
    [
      [-bn.re, bn.im],
      [an.re, -an.im],
    ],
  ])
}
