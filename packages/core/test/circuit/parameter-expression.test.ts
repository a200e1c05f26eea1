import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CircuitError,
  cos,
  formatNumber,
  Parameter,
  ParameterExpression,
  sin,
  sqrt,
  type ParameterValue,
  UNARY_OPERATORS,
} from '../../src/circuit/index.js'
import { numpy } from './fixtures/dense.js'

const a = new Parameter('a')
const b = new Parameter('b')

describe('ParameterExpression', () => {
  it('builds trees and reports the free parameters', () => {
    const e = a.mul(2).add(b.sin()).sub(1)
    expect([...e.parameters]).toEqual([a, b])
    expect(e.isBound()).toBe(false)
    expect(e.bind(new Map([[a, 1]])).toString()).toBe('2 + sin(b) - 1')
  })

  it('binds to numbers, exactly as the arithmetic says', () => {
    const e = a.pow(2).div(b).add(a.exp().log()).sub(b.abs().sqrt()).neg()
    const va = 1.7
    const vb = -0.4
    const expected = -(va ** 2 / vb + Math.log(Math.exp(va)) - Math.sqrt(Math.abs(vb)))
    const bound = e.bind(
      new Map([
        [a, va],
        [b, vb],
      ]),
    )
    expect(typeof bound).toBe('number')
    expect(bound as number).toBeCloseTo(expected, 12)
  })

  it('folds constants and the identities of 0 and 1 as it builds', () => {
    expect(a.mul(1).toString()).toBe('a')
    expect(a.add(0).toString()).toBe('a')
    expect(a.mul(0).isBound()).toBe(true)
    expect(a.neg().neg().toString()).toBe('a')
    expect(a.sub(a).isBound()).toBe(false) // no algebra beyond constants
  })

  it('subs replaces parameters by values or expressions', () => {
    const e = a.mul(b)
    const r = e.subs(new Map<Parameter, ParameterValue>([[a, b.add(1)]]))
    expect(r.toString()).toBe('(b + 1)*b')
    expect((r as ParameterExpression).bind(new Map([[b, 2]]))).toBe(6)
  })

  it('numeric throws circuit.unbound-parameter while parameters are free', () => {
    expect(() => a.add(1).numeric()).toThrow(CircuitError)
    try {
      a.numeric()
    } catch (e) {
      expect((e as CircuitError).code).toBe('circuit.unbound-parameter')
    }
    expect(new ParameterExpression({ kind: 'const', value: 3 }).numeric()).toBe(3)
  })

  it('matches parameters by id, not by object', () => {
    const twin = new Parameter('a', { id: a.id })
    expect(a.mul(3).bind(new Map([[twin, 2]]))).toBe(6)
    expect(a.equals(twin)).toBe(true)
    expect(a.equals(new Parameter('a'))).toBe(false)
  })

  it('equals: structurally, then numerically over the same parameters', () => {
    expect(a.add(b).equals(b.add(a))).toBe(true)
    expect(a.mul(2).equals(a.add(a))).toBe(true)
    expect(a.add(b).equals(a.sub(b))).toBe(false)
    expect(a.add(1).equals(b.add(1))).toBe(false)
    expect(a.mul(0).equals(0)).toBe(true)
  })

  it('free functions keep numbers numbers', () => {
    expect(sin(0.5)).toBe(Math.sin(0.5))
    expect(cos(a)).toBeInstanceOf(ParameterExpression)
    expect(sqrt(4)).toBe(2)
  })
})

describe('toString', () => {
  it.each([
    [a.mul(2).add(Math.PI / 4), 'a*2 + pi/4'],
    [a.sub(b.sub(1)), 'a - (b - 1)'],
    [a.div(b.mul(2)), 'a/(b*2)'],
    [a.add(b).mul(a.sub(b)), '(a + b)*(a - b)'],
    [a.neg().mul(b), '-a*b'],
    [a.mul(b).neg(), '-(a*b)'],
    [a.pow(b.pow(2)), 'a**b**2'],
    [a.pow(b).pow(2), '(a**b)**2'],
    [a.pow(b.neg()), 'a**(-b)'],
    [a.sub(-2), 'a - (-2)'],
    [a.asin().add(b.acos()).add(a.atan()), 'arcsin(a) + arccos(b) + arctan(a)'],
    [a.mul(-Math.PI), 'a*(-pi)'],
    [a.add((3 * Math.PI) / 4), 'a + 3*pi/4'],
    [a.add(1e-7), 'a + 1.0e-7'],
    [a.add(0.1), 'a + 0.1'],
  ])('%s', (e, text) => {
    expect(e.toString()).toBe(text)
  })

  it('writes simple rational multiples of π with pi', () => {
    expect(formatNumber(Math.PI)).toBe('pi')
    expect(formatNumber(-Math.PI / 2)).toBe('-pi/2')
    expect(formatNumber((5 * Math.PI) / 16)).toBe('5*pi/16')
    expect(formatNumber(2 * Math.PI)).toBe('2*pi')
    expect(formatNumber(1)).toBe('1')
    expect(formatNumber(0.5)).toBe('0.5')
  })

  it('prints expressions that Python/numpy evaluates to the same number (random trees)', () => {
    const leaf = fc.oneof(
      fc.constant<ParameterValue>(a),
      fc.constant<ParameterValue>(b),
      fc.double({ min: -4, max: 4, noNaN: true }).map((x) => Math.round(x * 1000) / 1000),
      fc.constantFrom(Math.PI, Math.PI / 2, (3 * Math.PI) / 4, -Math.PI / 8),
    )
    const tree = fc.letrec<{ e: ParameterValue }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc
          .tuple(fc.constantFrom('add', 'sub', 'mul', 'div'), tie('e'), tie('e'))
          .map(([op, x, y]) => toExpr(x)[op as 'add'](y)),
        fc
          .tuple(fc.constantFrom('sin', 'cos', 'atan', 'exp', 'neg', 'abs'), tie('e'))
          .map(([op, x]) => toExpr(x)[op as 'sin']()),
      ),
    })).e
    const samples = fc.sample(tree, { seed: 20240611, numRuns: 60 }).map(toExpr)
    const values = new Map([
      [a, 0.37],
      [b, -1.21],
    ])
    const script = `
from math import pi, sin, cos, tan, atan, exp, log, sqrt
arcsin, arccos, arctan = __import__('math').asin, __import__('math').acos, __import__('math').atan
a, b = 0.37, -1.21
inf, nan = float('inf'), float('nan')
res = []
for s in ${JSON.stringify(samples.map((e) => e.toString()))}:
    try:
        v = float(eval(s))
        res.append(v if v == v and abs(v) != float('inf') else None)
    except (ZeroDivisionError, OverflowError, ValueError):
        res.append(None)
out(res)`
    const evaluated = numpy(script) as (number | null)[]
    let compared = 0
    samples.forEach((e, i) => {
      const mine = e.bind(values)
      const theirs = evaluated[i]
      if (
        theirs === null ||
        theirs === undefined ||
        typeof mine !== 'number' ||
        !Number.isFinite(mine)
      )
        return
      compared++
      expect(mine, e.toString()).toBeCloseTo(theirs, 6)
    })
    expect(compared).toBeGreaterThan(40)
  })
})

function toExpr(v: ParameterValue): ParameterExpression {
  return typeof v === 'number' ? new ParameterExpression({ kind: 'const', value: v }) : v
}

it('lists every unary function', () => {
  expect(UNARY_OPERATORS).toContain('sqrt')
})
