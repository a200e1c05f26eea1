import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allPauliLabels, multiplyPauliLabels, pauliMatrix } from '../../src/noise/pauli-labels.js'
import { expectClose, matrixFromPairs, PY_HELPERS, pythonJson } from './support/numeric.js'

const LABELS = ['XZ', 'YIX', 'ZY']
const NUMPY = pythonJson<number[][][][]>(`${PY_HELPERS}
P = {'I': np.eye(2), 'X': np.array([[0,1],[1,0]]), 'Y': np.array([[0,-1j],[1j,0]]), 'Z': np.diag([1,-1])}
out = []
for label in ${JSON.stringify(LABELS)}:
    m = np.eye(1)
    for c in label: m = np.kron(m, P[c])
    out.append(cm(m))
print(json.dumps(out))`)

describe('Pauli labels', () => {
  it('build matrices as Kronecker products left to right (qubit 0 rightmost)', () => {
    LABELS.forEach((label, i) => {
      expectClose(pauliMatrix(label), matrixFromPairs(NUMPY[i]!))
    })
    // 'XI' flips qubit 1: |00⟩ (index 0) → |10⟩ (index 2)
    expect(pauliMatrix('XI').get(2, 0).re).toBe(1)
  })

  it('multiply like the matrices, up to phase', () => {
    const label = fc.stringMatching(/^[IXYZ]{2}$/)
    fc.assert(
      fc.property(label, label, (a, b) => {
        const product = pauliMatrix(a).mul(pauliMatrix(b))
        expect(product.equalsUpToPhase(pauliMatrix(multiplyPauliLabels(a, b)), 1e-15)).toBe(true)
      }),
      { seed: 3, numRuns: 40 },
    )
  })

  it('enumerate 4^n labels with the identity first', () => {
    const labels = allPauliLabels(2)
    expect(labels).toHaveLength(16)
    expect(labels[0]).toBe('II')
    expect(new Set(labels).size).toBe(16)
    expect(() => pauliMatrix('XQ')).toThrow(
      expect.objectContaining({ code: 'sim.noise.invalid-parameter' }),
    )
  })
})
