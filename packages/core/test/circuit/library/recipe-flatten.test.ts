import { describe, expect, it } from 'vitest'
import { EQUIVALENCE_BASES, ruleIntoBasis } from '../../../src/circuit/library/basis-rules.js'
import { recipe } from '../../../src/circuit/library/gate-recipe.js'
import { flattenRecipe, mergeRotations } from '../../../src/circuit/library/recipe-flatten.js'
import { standardGateDefinition } from '../../../src/circuit/library/standard-gate-definitions.js'
import { standardGateMatrix } from '../../../src/circuit/library/standard-gate-matrices.js'
import { STANDARD_GATE_SPECS } from '../../../src/circuit/library/standard-gate-specs.js'
import { describeCase, gateCases } from './gate-test-cases.js'
import { recipeUnitary } from './recipe-unitary.js'

describe('flattenRecipe and ruleIntoBasis', () => {
  it('rewrites every gate into each basis exactly, using basis gates only', () => {
    for (const c of gateCases(99, 2, [1, 2, 3, 4])) {
      for (const basis of ['cx-u', 'cz-rz-sx-x'] as const) {
        if (EQUIVALENCE_BASES[basis].has(c.name)) continue
        const r = ruleIntoBasis(c.name, basis, c.numCtrlQubits).build(c.params)
        for (const s of r.steps) expect(EQUIVALENCE_BASES[basis].has(s.gate), s.gate).toBe(true)
        const expected = standardGateMatrix(c.name, c.params, { numCtrlQubits: c.numCtrlQubits })
        expect(recipeUnitary(r).equals(expected, 1e-9), `${describeCase(c)} → ${basis}`).toBe(true)
      }
    }
  })

  it('keeps one-qubit gates with fixed angles short in the rz/sx basis', () => {
    const size = (name: 'h' | 'x' | 'y' | 's' | 'sx' | 'sxdg' | 't') =>
      ruleIntoBasis(name, 'cz-rz-sx-x').build([]).steps.length
    expect(size('h')).toBe(3)
    expect(size('s')).toBe(1)
    expect(size('t')).toBe(1)
    expect(size('y')).toBe(2)
    expect(size('sxdg')).toBe(2)
  })

  it('refuses a gate it cannot rewrite', () => {
    const r = recipe(1, [['h', [0]]])
    expect(() => flattenRecipe(r, new Set(['cx']), () => undefined)).toThrow(RangeError)
    // a rewrite cycle (h → h) is cut off rather than looping forever
    expect(() => flattenRecipe(r, new Set(['cx']), () => recipe(1, [['h', [0]]]))).toThrow(
      RangeError,
    )
  })
})

describe('mergeRotations', () => {
  it('merges runs of rz per qubit and drops full turns into the global phase', () => {
    const r = recipe(2, [
      ['rz', [0], [0.5]],
      ['rz', [1], [0.25]],
      ['rz', [0], [0.75]],
      ['sx', [0]],
      ['rz', [0], [Math.PI]],
      ['rz', [0], [Math.PI]],
      ['cz', [0, 1]],
      ['rz', [1], [-0.25]],
    ])
    const merged = mergeRotations(r)
    expect(merged.steps.map((s) => [s.gate, ...s.params])).toEqual([
      ['rz', 1.25],
      ['rz', 0.25],
      ['sx'],
      ['cz'],
      ['rz', -0.25],
    ])
    expect(recipeUnitary(merged).equals(recipeUnitary(r), 1e-12)).toBe(true)
  })

  it('merges phase-type u gates and drops u(0, 0, 2πk)', () => {
    const r = recipe(2, [
      ['u', [0], [0, 0.5, 0.25]],
      ['u', [0], [0, 0, 1]],
      ['u', [1], [0, 0, 2 * Math.PI]],
      ['rz', [0], [0.3]],
      ['u', [0], [0.1, 0.2, 0.3]],
      ['u', [0], [0, 0.2, 0.3]],
    ])
    const merged = mergeRotations(r)
    expect(merged.steps.map((s) => [s.gate, ...s.params])).toEqual([
      ['u', 0, 0, 1.75],
      ['rz', 0.3],
      ['u', 0.1, 0.2, 0.3],
      ['u', 0, 0, 0.5],
    ])
    expect(recipeUnitary(merged).equals(recipeUnitary(r), 1e-12)).toBe(true)
  })

  it('keeps the global phase of definitions exact through rewriting', () => {
    const def = standardGateDefinition('ecr', [])
    expect(def).toBeDefined()
    if (def === undefined) return
    const flat = flattenRecipe(def, EQUIVALENCE_BASES['cx-u'], (s) =>
      standardGateDefinition(s.gate, s.params, s.qubits.length - 1),
    )
    expect(recipeUnitary(flat).equals(standardGateMatrix('ecr'), 1e-12)).toBe(true)
    expect(STANDARD_GATE_SPECS.ecr.numQubits).toBe(flat.numQubits)
  })
})
