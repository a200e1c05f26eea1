import { ComplexMatrix } from '@qfabric/core/math'
import { describe, expect, it } from 'vitest'
import {
  canonicalKraus,
  choiToKraus,
  isTracePreserving,
  krausProcessFidelity,
  krausToChoi,
  krausToSuperop,
} from '../../src/noise/channel-math.js'
import { krausError } from '../../src/noise/kraus-error.js'
import { expectClose, matrixFromPairs, PY_HELPERS, pythonJson } from './support/numeric.js'

type Pairs = number[][][]

interface Reference {
  kraus: Pairs[]
  superop: Pairs
  choi: Pairs
  rho: Pairs
  out: Pairs
  fAvg: number
}

/** A random 2-qubit channel with 3 Kraus operators (from a random isometry), and numpy's view of it. */
const REF = pythonJson<Reference>(`${PY_HELPERS}
rng = np.random.default_rng(11)
d, k = 4, 3
a = rng.normal(size=(k*d, d)) + 1j*rng.normal(size=(k*d, d))
q, _ = np.linalg.qr(a)
ops = [q[i*d:(i+1)*d, :] for i in range(k)]
superop = sum(np.kron(K.conj(), K) for K in ops)
choi = sum(np.outer(K.flatten(order='F'), K.flatten(order='F').conj()) for K in ops)
b = rng.normal(size=(d, d)) + 1j*rng.normal(size=(d, d))
rho = b @ b.conj().T; rho /= np.trace(rho)
out = (superop @ rho.flatten(order='F')).reshape((d, d), order='F')
fpro = np.trace(superop).real / d**2
print(json.dumps({'kraus': [cm(K) for K in ops], 'superop': cm(superop), 'choi': cm(choi),
  'rho': cm(rho), 'out': cm(out), 'fAvg': float((d*fpro + 1)/(d + 1))}))`)

const ops = REF.kraus.map(matrixFromPairs)

describe('channel math (Qiskit conventions, checked against numpy)', () => {
  it('builds the column-stacking superoperator Σ conj(K) ⊗ K', () => {
    expectClose(krausToSuperop(ops), matrixFromPairs(REF.superop), 1e-12)
  })

  it('builds the Choi matrix Σ vec(K)vec(K)† with the input index major', () => {
    expectClose(krausToChoi(ops), matrixFromPairs(REF.choi), 1e-12)
  })

  it('computes the average gate fidelity (d·Tr(S)/d² + 1)/(d + 1)', () => {
    const e = krausError(ops, { detectPauli: false })
    expect(e.averageGateFidelity()).toBeCloseTo(REF.fAvg, 13)
    expect(krausProcessFidelity(ops)).toBeCloseTo((REF.fAvg * 5 - 1) / 4, 13)
  })

  it('recovers the same channel from the Choi matrix with orthogonal operators', () => {
    const back = choiToKraus(matrixFromPairs(REF.choi), 1e-12)
    expect(back.length).toBe(3)
    expectClose(krausToChoi(back), matrixFromPairs(REF.choi), 1e-12)
    const canon = canonicalKraus(ops, 1e-12)
    for (let i = 0; i < canon.length; i++) {
      for (let j = i + 1; j < canon.length; j++) {
        expect(canon[i]!.adjoint().mul(canon[j]!).trace().abs()).toBeLessThan(1e-12)
      }
    }
  })

  it('checks trace preservation', () => {
    expect(isTracePreserving(ops, 1e-12)).toBe(true)
    expect(isTracePreserving([ops[0]!, ops[1]!], 1e-6)).toBe(false)
    expect(isTracePreserving([], 1e-6)).toBe(false)
    expect(isTracePreserving([ComplexMatrix.identity(2), ComplexMatrix.identity(4)], 1)).toBe(false)
  })
})
