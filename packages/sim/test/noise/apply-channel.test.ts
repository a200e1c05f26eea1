import { ComplexMatrix } from '@qfabric/core/math'
import { describe, expect, it } from 'vitest'
import {
  applyChannelToDensityMatrix,
  applyUnitaryToDensityMatrix,
} from '../../src/noise/apply-channel.js'
import { embedOperator } from '../../src/noise/embed-operator.js'
import { krausError } from '../../src/noise/kraus-error.js'
import { pauliMatrix } from '../../src/noise/pauli-labels.js'
import { expectClose, matrixFromPairs, PY_HELPERS, pythonJson } from './support/numeric.js'

type Pairs = number[][][]

interface Reference {
  kraus: Pairs[]
  rho: Pairs
  /** The channel on qargs (2, 0) of 3 qubits, built with explicit permutations. */
  out: Pairs
  /** The first operator embedded on (2, 0). */
  embedded: Pairs
}

const REF = pythonJson<Reference>(`${PY_HELPERS}
rng = np.random.default_rng(5)
d, k = 4, 2
a = rng.normal(size=(k*d, d)) + 1j*rng.normal(size=(k*d, d))
q, _ = np.linalg.qr(a)
ops = [q[i*d:(i+1)*d, :] for i in range(k)]
b = rng.normal(size=(8, 8)) + 1j*rng.normal(size=(8, 8))
rho = b @ b.conj().T; rho /= np.trace(rho)
# Operator bit 0 -> qubit 2, bit 1 -> qubit 0. Build it as P (I ⊗ K) P^T where the permutation
# P sends register bits (b0, b1, b2) = (K bit 0, K bit 1, idle) to qubits (2, 0, 1).
perm = np.zeros((8, 8))
for i in range(8):
    k0, k1, idle = i & 1, (i >> 1) & 1, (i >> 2) & 1
    j = (k0 << 2) | (k1 << 0) | (idle << 1)
    perm[j, i] = 1
full = [perm @ np.kron(np.eye(2), K) @ perm.T for K in ops]
out = sum(F @ rho @ F.conj().T for F in full)
print(json.dumps({'kraus': [cm(K) for K in ops], 'rho': cm(rho), 'out': cm(out), 'embedded': cm(full[0])}))`)

describe('applyChannelToDensityMatrix', () => {
  it('embeds little-endian: bit k of the operator is qargs[k] (numpy with explicit permutations)', () => {
    const ops = REF.kraus.map(matrixFromPairs)
    expectClose(embedOperator(ops[0]!, [2, 0], 3), matrixFromPairs(REF.embedded), 1e-12)
    const error = krausError(ops, { detectPauli: false })
    const out = applyChannelToDensityMatrix(matrixFromPairs(REF.rho), error, [2, 0])
    expectClose(out, matrixFromPairs(REF.out), 1e-12)
    expect(out.trace().re).toBeCloseTo(1, 12)
  })

  it('applies unitaries: X on qubit 1 of |00⟩ gives |10⟩ (index 2)', () => {
    const rho = new ComplexMatrix(4, 4)
    rho.set(0, 0, 1)
    const out = applyUnitaryToDensityMatrix(rho, pauliMatrix('X'), [1])
    expect(out.get(2, 2).re).toBe(1)
  })

  it('rejects qubits that do not fit', () => {
    const rho = ComplexMatrix.identity(4).scale(0.25)
    const error = krausError([pauliMatrix('X')])
    expect(() => applyChannelToDensityMatrix(rho, error, [0, 1])).toThrow(RangeError)
    expect(() => applyChannelToDensityMatrix(rho, error, [2])).toThrow(RangeError)
    expect(() => embedOperator(pauliMatrix('XX'), [1, 1], 2)).toThrow(RangeError)
    expect(() =>
      applyUnitaryToDensityMatrix(new ComplexMatrix(3, 3), pauliMatrix('X'), [0]),
    ).toThrow(RangeError)
  })
})
