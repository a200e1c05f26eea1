import { ComplexMatrix } from './complex-matrix.js'

/** The 1-qubit gates the Euler decompositions emit (Qiskit's names and matrices). */
export type OneQubitGateName =
  'rz' | 'ry' | 'rx' | 'p' | 'u1' | 'u2' | 'u3' | 'u' | 'sx' | 'x' | 'r'

const ARITY: Readonly<Record<OneQubitGateName, number>> = {
  rz: 1,
  ry: 1,
  rx: 1,
  p: 1,
  u1: 1,
  u2: 2,
  u3: 3,
  u: 3,
  sx: 0,
  x: 0,
  r: 2,
}

/**
 * The 2×2 matrix of a 1-qubit gate the Euler decompositions use, with Qiskit's conventions
 * (`rz(λ) = diag(e^{-iλ/2}, e^{iλ/2})`, `p(λ) = diag(1, e^{iλ})`, `u(θ, φ, λ)` as in OpenQASM 3,
 * `r(θ, φ) = exp(-iθ(cos φ X + sin φ Y)/2)`). Kept here because `math` may not import the circuit
 * library; the circuit layer's standard gates agree with it (tested).
 *
 * @param name - the gate's name
 * @param params - its angles in radians, in Qiskit's order
 * @returns a fresh 2×2 matrix
 * @throws RangeError when the number of parameters is wrong
 * @example
 * ```ts
 * oneQubitGateMatrix('rz', [Math.PI]) // diag(-i, i)
 * ```
 */
export function oneQubitGateMatrix(
  name: OneQubitGateName,
  params: readonly number[],
): ComplexMatrix {
  if (params.length !== ARITY[name]) {
    throw new RangeError(`gate ${name} takes ${ARITY[name]} parameters, got ${params.length}`)
  }
  const [a = 0, b = 0, c = 0] = params
  return BUILDERS[name](a, b, c)
}

type Builder = (a: number, b: number, c: number) => ComplexMatrix

const BUILDERS: Readonly<Record<OneQubitGateName, Builder>> = {
  rz: (a) => {
    const [cs, sn] = half(a)
    return mat2([cs, -sn, 0, 0, 0, 0, cs, sn])
  },
  ry: (a) => {
    const [cs, sn] = half(a)
    return mat2([cs, 0, -sn, 0, sn, 0, cs, 0])
  },
  rx: (a) => {
    const [cs, sn] = half(a)
    return mat2([cs, 0, 0, -sn, 0, -sn, cs, 0])
  },
  p: (a) => mat2([1, 0, 0, 0, 0, 0, Math.cos(a), Math.sin(a)]),
  u1: (a) => mat2([1, 0, 0, 0, 0, 0, Math.cos(a), Math.sin(a)]),
  u2: (a, b) => uMatrix(Math.PI / 2, a, b),
  u3: uMatrix,
  u: uMatrix,
  sx: () => mat2([0.5, 0.5, 0.5, -0.5, 0.5, -0.5, 0.5, 0.5]),
  x: () => mat2([0, 0, 1, 0, 1, 0, 0, 0]),
  r: (a, b) => {
    // -i·e^{∓iφ}·sin(θ/2) off the diagonal.
    const [cs, sn] = half(a)
    const [sb, cb] = [Math.sin(b), Math.cos(b)]
    return mat2([cs, 0, -sn * sb, -sn * cb, sn * sb, -sn * cb, cs, 0])
  },
}

/** `[cos(θ/2), sin(θ/2)]`. */
function half(theta: number): [number, number] {
  return [Math.cos(theta / 2), Math.sin(theta / 2)]
}

function uMatrix(theta: number, phi: number, lam: number): ComplexMatrix {
  const cs = Math.cos(theta / 2)
  const sn = Math.sin(theta / 2)
  const [cl, sl] = [Math.cos(lam) * sn, Math.sin(lam) * sn]
  const [cp, sp] = [Math.cos(phi) * sn, Math.sin(phi) * sn]
  return mat2([cs, 0, -cl, -sl, cp, sp, Math.cos(phi + lam) * cs, Math.sin(phi + lam) * cs])
}

/**
 * A 2×2 matrix from its interleaved entries `[re00, im00, re01, im01, re10, im10, re11, im11]`.
 *
 * @param entries - eight numbers, row-major, real and imaginary parts interleaved
 * @returns a fresh 2×2 matrix
 */
export function mat2(entries: readonly number[]): ComplexMatrix {
  return new ComplexMatrix(2, 2, Float64Array.from(entries))
}
