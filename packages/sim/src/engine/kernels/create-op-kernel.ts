/**
 * Chooses the specialised kernel for a unitary op: dense, diagonal or permutation, with or
 * without controls, or a global phase.
 */
import type { TargetOp, UnitaryOp } from '../sim-program.js'
import { denseKernel } from './dense-kernels.js'
import { diagonalKernel } from './diagonal-kernel.js'
import { type GroupLayout, groupLayout, type OpKernel } from './op-kernel.js'
import { permutationKernel } from './permutation-kernel.js'

/**
 * The kernel applying `op` to an `numQubits`-qubit state.
 *
 * @param op - a unitary op (its qubits must be distinct and below `numQubits`)
 * @param numQubits - the state's qubit count
 * @returns the kernel
 * @throws RangeError when a qubit is out of range or repeated
 */
export function createOpKernel(op: UnitaryOp, numQubits: number): OpKernel {
  switch (op.kind) {
    case 'global-phase':
      return phaseKernel(op.phase, numQubits)
    case 'controlled': {
      checkQubits([...op.controls, ...op.target.qubits], numQubits)
      const layout = groupLayout(op.target.qubits, op.controls, op.controlState)
      return targetKernel(op.target, layout, numQubits)
    }
    case 'matrix':
    case 'diagonal':
    case 'permutation':
      checkQubits(op.qubits, numQubits)
      return targetKernel(op, groupLayout(op.qubits), numQubits)
  }
}

function targetKernel(op: TargetOp, layout: GroupLayout, numQubits: number): OpKernel {
  switch (op.kind) {
    case 'matrix':
      return denseKernel(layout, op.matrix, numQubits)
    case 'diagonal':
      return diagonalKernel(layout, op.diagonal, numQubits)
    case 'permutation':
      return permutationKernel(layout, op, numQubits)
  }
}

function phaseKernel(phase: number, numQubits: number): OpKernel {
  const pr = Math.cos(phase)
  const pi = Math.sin(phase)
  return {
    groups: 2 ** numQubits,
    run: (st, lo, hi) => {
      for (let a = 2 * lo; a < 2 * hi; a += 2) {
        const xr = st[a]!,
          xi = st[a + 1]!
        st[a] = pr * xr - pi * xi
        st[a + 1] = pr * xi + pi * xr
      }
    },
  }
}

function checkQubits(qubits: readonly number[], numQubits: number): void {
  for (const q of qubits) {
    if (!Number.isInteger(q) || q < 0 || q >= numQubits) {
      throw new RangeError(`qubit ${q} is out of range for ${numQubits} qubits`)
    }
  }
}
