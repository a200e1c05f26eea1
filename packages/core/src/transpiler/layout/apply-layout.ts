import { QuantumRegister } from '../../circuit/register.js'
import { DagCircuit } from '../dag/dag-circuit.js'
import type { PassContext, TransformationPass } from '../passmanager/pass.js'
import { LayoutError } from '../transpiler-error.js'
import type { Layout } from './layout.js'

/**
 * Rewrites a circuit onto the device (Qiskit's `ApplyLayout`): the output has one register `q`
 * with a qubit per physical qubit (up to the highest one in the `layout`), and every operation
 * on circuit qubit `v` acts on physical qubit `layout.physical(v)`. Clbits, registers, name,
 * phase and metadata are kept.
 */
export class ApplyLayout implements TransformationPass {
  readonly name = 'ApplyLayout'
  readonly kind = 'transformation'

  /**
   * @throws TranspilerError `transpiler.failed` without a layout; LayoutError
   *   `transpiler.invalid-layout` if it misses a circuit qubit
   */
  run(dag: DagCircuit, { propertySet }: PassContext): DagCircuit {
    const layout = propertySet.require('layout', this.name)
    return applyLayout(dag, layout)
  }
}

/**
 * The physical DAG of a virtual DAG under a layout (see {@link ApplyLayout}).
 *
 * @param dag - the virtual DAG
 * @param layout - virtual → physical, covering every qubit of `dag`
 * @param width - the output width (default: enough for the layout)
 * @returns the physical DAG
 * @throws LayoutError `transpiler.invalid-layout` if the layout misses a circuit qubit
 * @internal
 */
export function applyLayout(dag: DagCircuit, layout: Layout, width?: number): DagCircuit {
  const map = Array.from({ length: dag.numQubits }, (_, v) => {
    const p = layout.physical(v)
    if (p === undefined) {
      throw new LayoutError('transpiler.invalid-layout', `the layout does not map qubit ${v}`)
    }
    return p
  })
  const n = Math.max(width ?? 0, layout.size, ...layout.physicalQubits().map((p) => p + 1))
  const out = physicalDagLike(dag, n)
  for (const node of dag.topologicalOpNodes()) {
    out.applyOperationBack({ ...node, qubits: node.qubits.map((q) => map[q]!) })
  }
  return out
}

/**
 * An empty physical DAG of `width` qubits (register `q`) with the clbits, classical registers,
 * name, phase and metadata of `dag`.
 *
 * @internal
 */
export function physicalDagLike(dag: DagCircuit, width: number): DagCircuit {
  const out = new DagCircuit({
    name: dag.name,
    globalPhase: dag.globalPhase,
    metadata: dag.metadata,
  })
  out.addQreg(new QuantumRegister(width, 'q'))
  out.addClbits(dag.clbits)
  for (const r of dag.cregs) out.addCreg(r)
  return out
}
