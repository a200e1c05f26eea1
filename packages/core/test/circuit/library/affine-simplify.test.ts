import { describe, expect, it } from 'vitest'
import { simplifyAffine } from '../../../src/circuit/library/affine-simplify.js'
import { Parameter } from '../../../src/circuit/parameter.js'

describe('simplifyAffine', () => {
  const theta = new Parameter('theta')
  const phi = new Parameter('phi')

  it('folds affine combinations to c₁·p₁ + … + c₀', () => {
    const e = theta.div(2).div(2).neg().add(theta.div(2).neg().div(2).neg())
    expect(simplifyAffine(e)).toBe(0)
    const f = theta
      .div(2)
      .add(Math.PI / 4)
      .add(phi.mul(3))
      .sub(theta.div(4))
      .add(Math.PI / 4)
    const s = simplifyAffine(f)
    expect(typeof s).not.toBe('number')
    if (typeof s === 'number') return
    expect(s.toString()).toBe('theta/4 + phi*3 + pi/2')
    expect(s.equals(f)).toBe(true)
    expect(simplifyAffine(theta.mul(-1))).toEqual(theta.neg())
  })

  it('leaves numbers and non-affine expressions alone', () => {
    expect(simplifyAffine(1.5)).toBe(1.5)
    for (const e of [theta.mul(theta), theta.sin(), theta.abs(), theta.pow(2), theta.div(phi)]) {
      expect(simplifyAffine(e)).toBe(e)
    }
    const inverse = new Parameter('x').pow(-1)
    expect(simplifyAffine(inverse)).toBe(inverse)
  })
})
