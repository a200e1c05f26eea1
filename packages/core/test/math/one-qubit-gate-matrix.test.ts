import { describe, expect, it } from 'vitest'
import { oneQubitGateMatrix, type OneQubitGateName } from '../../src/math/one-qubit-gate-matrix.js'
import { matrixFromJson, PY_MATRIX_HELPERS, pythonJson } from './support/python.js'

describe('oneQubitGateMatrix', () => {
  it("matches Qiskit's gate definitions computed with numpy/scipy", () => {
    const cases: [OneQubitGateName, number[]][] = [
      ['rz', [0.7]],
      ['ry', [-1.3]],
      ['rx', [2.2]],
      ['p', [0.4]],
      ['u1', [-2.9]],
      ['u2', [0.3, -1.1]],
      ['u3', [1.2, 0.5, -0.8]],
      ['u', [2.5, -2, 3]],
      ['sx', []],
      ['x', []],
      ['r', [0.9, 0.6]],
    ]
    const ref = pythonJson<number[][][][]>(`${PY_MATRIX_HELPERS}
from scipy.linalg import expm
X=np.array([[0,1],[1,0]]);Y=np.array([[0,-1j],[1j,0]]);Z=np.diag([1,-1])
def u(t,p,l): return np.array([[np.cos(t/2),-np.exp(1j*l)*np.sin(t/2)],[np.exp(1j*p)*np.sin(t/2),np.exp(1j*(p+l))*np.cos(t/2)]])
defs={
 'rz':lambda a: expm(-1j*a/2*Z), 'ry':lambda a: expm(-1j*a/2*Y), 'rx':lambda a: expm(-1j*a/2*X),
 'p':lambda a: np.diag([1,np.exp(1j*a)]), 'u1':lambda a: np.diag([1,np.exp(1j*a)]),
 'u2':lambda p,l: u(np.pi/2,p,l), 'u3':u, 'u':u,
 'sx':lambda: np.array([[1+1j,1-1j],[1-1j,1+1j]])/2, 'x':lambda: X,
 'r':lambda t,p: expm(-1j*t/2*(np.cos(p)*X+np.sin(p)*Y)),
}
print(json.dumps([cm(defs[n](*ps)) for n,ps in ${JSON.stringify(cases)}]))`)
    cases.forEach(([name, params], i) => {
      expect(oneQubitGateMatrix(name, params).equals(matrixFromJson(ref[i]!), 1e-14), name).toBe(
        true,
      )
    })
  })

  it('checks the parameter count', () => {
    expect(() => oneQubitGateMatrix('rz', [])).toThrow(RangeError)
    expect(() => oneQubitGateMatrix('sx', [1])).toThrow(RangeError)
  })
})
