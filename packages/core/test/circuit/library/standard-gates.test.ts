import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ComplexMatrix } from '../../../src/math/complex-matrix.js'
// Loading QuantumCircuit registers the circuit factory the gates build their definitions with.
import '../../../src/circuit/quantum-circuit.js'
import { circuitToMatrix } from '../../../src/circuit/circuit-unitary.js'
import { CircuitError } from '../../../src/circuit/circuit-error.js'
import { Parameter } from '../../../src/circuit/parameter.js'
import { ControlledGate, Gate } from '../../../src/circuit/gate.js'
import {
  isStandardGate,
  StandardGate,
  standardGate,
} from '../../../src/circuit/library/standard-gates.js'
import { standardGateMatrix } from '../../../src/circuit/library/standard-gate-matrices.js'
import {
  STANDARD_GATE_NAMES,
  STANDARD_GATE_SPECS,
} from '../../../src/circuit/library/standard-gate-specs.js'
import {
  blockControlled,
  describeCase,
  gateCases,
  seededRandom,
  type GateCase,
} from './gate-test-cases.js'

const CASES = gateCases(7, 3, [1, 2, 3, 4, 5])
const gateOf = (c: GateCase): StandardGate =>
  standardGate(
    c.name,
    c.params,
    c.numCtrlQubits === undefined ? {} : { numCtrlQubits: c.numCtrlQubits },
  )

describe('StandardGate matrices and definitions', () => {
  it('toMatrix() is the table matrix and is unitary', () => {
    for (const c of CASES) {
      const m = gateOf(c).toMatrix()
      expect(
        m.equals(standardGateMatrix(c.name, c.params, { numCtrlQubits: c.numCtrlQubits }), 0),
      ).toBe(true)
      expect(m.isUnitary(1e-12), describeCase(c)).toBe(true)
    }
  })

  it('equals the unitary of its definition exactly, global phase included', () => {
    for (const c of CASES) {
      const g = gateOf(c)
      const def = g.definition
      if (c.name === 'u' || c.name === 'cx') {
        expect(def, c.name).toBeUndefined()
        continue
      }
      expect(def, c.name).toBeDefined()
      if (def === undefined) continue
      expect(def.numQubits).toBe(g.numQubits)
      for (const inst of def.data)
        expect(isStandardGate(inst.operation), inst.operation.name).toBe(true)
      expect(circuitToMatrix(def).equals(g.toMatrix(), 1e-10), describeCase(c)).toBe(true)
    }
  })

  it('decomposes mcx and mcp with 6 controls without ancillas', () => {
    for (const n of [6]) {
      const x = standardGate('mcx', [], { numCtrlQubits: n })
      const p = standardGate('mcp', [0.7], { numCtrlQubits: n })
      for (const g of [x, p]) {
        const def = g.definition
        expect(def?.numQubits).toBe(n + 1)
        if (def !== undefined) expect(circuitToMatrix(def).equals(g.toMatrix(), 1e-10)).toBe(true)
      }
    }
  })
})

describe('StandardGate with symbolic parameters', () => {
  it('has a symbolic definition that binds to the gate matrix (property, seeded)', () => {
    const names = STANDARD_GATE_NAMES.filter((n) => STANDARD_GATE_SPECS[n].params.length > 0)
    const angle = fc.double({ min: -10, max: 10, noNaN: true })
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(angle, { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (name, draws, ctrl) => {
          const spec = STANDARD_GATE_SPECS[name]
          const options = spec.numQubits === 'variable' ? { numCtrlQubits: ctrl } : {}
          const params = spec.params.map((p) => new Parameter(p))
          const values = params.map((_, i) => draws[i] ?? 0)
          const def = standardGate(name, params, options).definition
          const expected = standardGateMatrix(name, values, options)
          if (def === undefined) return name === 'u'
          const bound = def.assignParameters(new Map(params.map((p, i) => [p, values[i] ?? 0])))
          return circuitToMatrix(bound).equals(expected, 1e-9)
        },
      ),
      { seed: 1729, numRuns: 300 },
    )
  })

  it('inverts and controls symbolically, binding to the numeric results (property, seeded)', () => {
    const names = STANDARD_GATE_NAMES.filter(
      (n) =>
        STANDARD_GATE_SPECS[n].params.length > 0 && STANDARD_GATE_SPECS[n].numQubits !== 'variable',
    )
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (name, draws) => {
          const params = STANDARD_GATE_SPECS[name].params.map((p) => new Parameter(p))
          const values = new Map(params.map((p, i) => [p, draws[i] ?? 0]))
          const g = standardGate(name, params)
          const numeric = standardGate(
            name,
            params.map((p) => values.get(p) ?? 0),
          )
          const inv = g.inverse()
          const boundInv = inv.withParams(
            inv.params.map((v) => (typeof v === 'number' ? v : v.bind(values))),
          )
          const prod = boundInv.toMatrix().mul(numeric.toMatrix())
          return prod.equals(ComplexMatrix.identity(prod.rows), 1e-9)
        },
      ),
      { seed: 4242, numRuns: 200 },
    )
  })
})

describe('StandardGate.inverse', () => {
  it('inverse · gate = I for every gate', () => {
    for (const c of CASES) {
      const g = gateOf(c)
      const prod = g.inverse().toMatrix().mul(g.toMatrix())
      expect(prod.equals(ComplexMatrix.identity(prod.rows), 1e-10), describeCase(c)).toBe(true)
    }
  })

  it("gives Qiskit's standard inverses", () => {
    const inv = (name: Parameters<typeof standardGate>[0], params: number[] = []) =>
      standardGate(name, params).inverse()
    expect(inv('s').name).toBe('sdg')
    expect(inv('tdg').name).toBe('t')
    expect(inv('sx').name).toBe('sxdg')
    expect(inv('cs').name).toBe('csdg')
    expect(inv('ecr').name).toBe('ecr')
    expect(inv('h').name).toBe('h')
    expect(inv('rx', [0.3]).params).toEqual([-0.3])
    expect(inv('u', [0.1, 0.2, 0.3]).params).toEqual([-0.1, -0.3, -0.2])
    expect(inv('cu', [0.1, 0.2, 0.3, 0.4]).params).toEqual([-0.1, -0.3, -0.2, -0.4])
    expect(inv('r', [0.1, 0.2]).params).toEqual([-0.1, 0.2])
    expect(inv('xx_plus_yy', [0.1, 0.2]).params).toEqual([-0.1, 0.2])
    const u2 = inv('u2', [0.1, 0.2])
    expect(u2.name).toBe('u2')
    expect(u2.params[0]).toBeCloseTo(-0.2 - Math.PI, 15)
    expect(u2.params[1]).toBeCloseTo(Math.PI - 0.1, 15)
    const iswapDg = inv('iswap')
    expect(iswapDg).not.toBeInstanceOf(StandardGate)
    expect(iswapDg.name).toBe('iswap_dg')
    expect(inv('csx')).toBeInstanceOf(ControlledGate)
  })

  it('negates symbolic parameters', () => {
    const theta = new Parameter('theta')
    const g = standardGate('rz', [theta]).inverse()
    expect(g.name).toBe('rz')
    const p = g.params[0]
    expect(typeof p === 'number' ? p : p?.bind(new Map([[theta, 0.25]]))).toBe(-0.25)
  })
})

describe('StandardGate.control', () => {
  it('control(1) equals the block matrix |0⟩⟨0|⊗I + |1⟩⟨1|⊗U, by matrix and by definition', () => {
    for (const c of CASES) {
      if (c.numCtrlQubits !== undefined && c.numCtrlQubits > 3) continue
      const g = gateOf(c)
      const cg = g.control(1)
      const expected = blockControlled(g.toMatrix(), 1, 1)
      expect(cg.numQubits).toBe(g.numQubits + 1)
      expect(cg.toMatrix().equals(expected, 1e-10), describeCase(c)).toBe(true)
      const def = cg.definition
      if (def !== undefined) {
        expect(circuitToMatrix(def).equals(expected, 1e-9), `definition of ${cg.name}`).toBe(true)
      }
    }
  })

  it('supports open controls, wrapping the closed gate in X gates', () => {
    const next = seededRandom(11)
    for (const c of CASES.filter((_, i) => i % 3 === 0)) {
      if (c.numCtrlQubits !== undefined && c.numCtrlQubits > 2) continue
      const g = gateOf(c)
      const state = Math.floor(next() * 3) // 0, 1 or 2: never all ones (3)
      const cg = g.control(2, state)
      expect(cg).toBeInstanceOf(ControlledGate)
      const expected = blockControlled(g.toMatrix(), 2, state)
      expect(cg.toMatrix().equals(expected, 1e-10), describeCase(c)).toBe(true)
      const def = cg.definition
      expect(def).toBeDefined()
      if (def !== undefined)
        expect(circuitToMatrix(def).equals(expected, 1e-9), describeCase(c)).toBe(true)
    }
    expect(standardGate('x').control(1, '0').name).toBe('cx_o0')
  })

  it("returns Qiskit's standard controlled gates", () => {
    const x = standardGate('x')
    expect([1, 2, 3].map((n) => x.control(n).name)).toEqual(['cx', 'ccx', 'c3x'])
    const mcx = x.control(4)
    expect(mcx).toBeInstanceOf(StandardGate)
    expect([mcx.name, mcx.numQubits]).toEqual(['mcx', 5])
    expect(standardGate('cx').control(2).name).toBe('c3x')
    expect(standardGate('ccx').control(1).name).toBe('c3x')
    expect(standardGate('mcx', [], { numCtrlQubits: 4 }).control(2).numQubits).toBe(7)
    expect(standardGate('z').control(1).name).toBe('cz')
    expect(standardGate('z').control(2).name).toBe('ccz')
    expect(standardGate('cz').control(1).name).toBe('ccz')
    const pairs = [
      ['y', 'cy'],
      ['h', 'ch'],
      ['s', 'cs'],
      ['sdg', 'csdg'],
      ['sx', 'csx'],
      ['swap', 'cswap'],
    ] as const
    for (const [base, controlled] of pairs)
      expect(standardGate(base).control(1).name).toBe(controlled)
    expect(standardGate('p', [0.3]).control(1).name).toBe('cp')
    expect(standardGate('p', [0.3]).control(3).name).toBe('mcp')
    expect(standardGate('cp', [0.3]).control(1).name).toBe('mcp')
    expect(standardGate('u1', [0.3]).control(1).name).toBe('cu1')
    expect(standardGate('u3', [0.1, 0.2, 0.3]).control(1).name).toBe('cu3')
    const cu = standardGate('u', [0.1, 0.2, 0.3]).control(1)
    expect([cu.name, cu.params]).toEqual(['cu', [0.1, 0.2, 0.3, 0]])
    for (const r of ['rx', 'ry', 'rz'] as const)
      expect(standardGate(r, [0.3]).control(1).name).toBe(`c${r}`)
    expect(standardGate('global_phase', [0.3]).control(1).name).toBe('p')
    expect(standardGate('global_phase', [0.3]).control(3).name).toBe('mcp')
    expect(standardGate('ecr').control(1)).toBeInstanceOf(ControlledGate)
  })

  it('controls u with several controls through cu', () => {
    const g = standardGate('u', [0.4, -1.2, 2.5])
    const cg = g.control(3)
    const expected = blockControlled(g.toMatrix(), 3, 7)
    const def = cg.definition
    expect(def).toBeDefined()
    if (def !== undefined) expect(circuitToMatrix(def).equals(expected, 1e-9)).toBe(true)
  })

  it('rejects a bad number of controls or control state', () => {
    expect(() => standardGate('x').control(0)).toThrow(RangeError)
    expect(() => standardGate('x').control(1, 2)).toThrow(RangeError)
  })
})

describe('StandardGate.power', () => {
  it('scales rotation angles and maps phase gates to p, exactly for integer powers', () => {
    for (const c of CASES) {
      if (c.numCtrlQubits !== undefined && c.numCtrlQubits > 2) continue
      const g = gateOf(c)
      const m = g.toMatrix()
      for (const k of [2, 3, -1]) {
        const pk = g.power(k)
        let expected = ComplexMatrix.identity(m.rows)
        const base = k < 0 ? m.adjoint() : m
        for (let i = 0; i < Math.abs(k); i++) expected = expected.mul(base)
        expect(pk.toMatrix().equals(expected, 1e-9), `${describeCase(c)}^${k}`).toBe(true)
      }
    }
    expect(standardGate('rx', [0.8]).power(0.5).params).toEqual([0.4])
    expect(standardGate('t').power(2).name).toBe('p')
    expect(standardGate('iswap').power(0.5).name).toBe('xx_plus_yy')
    const g = standardGate('h')
    expect(g.power(1)).toBe(g)
  })
})

describe('standardGate', () => {
  it('builds gates with checked arity', () => {
    expect(() => standardGate('rx')).toThrow(TypeError)
    expect(() => standardGate('h', [1])).toThrow(TypeError)
    expect(() => standardGate('mcx')).toThrow(RangeError)
    expect(() => standardGate('mcp', [1], { numCtrlQubits: 0 })).toThrow(RangeError)
    expect(() => standardGate('h', [], { numCtrlQubits: 2 })).toThrow(TypeError)
    const g = standardGate('cu', [1, 2, 3, 4], { label: 'mine' })
    expect([g.name, g.numQubits, g.numClbits, g.label]).toEqual(['cu', 2, 0, 'mine'])
    expect(g).toBeInstanceOf(Gate)
  })

  it('refuses a matrix while a parameter is free, and rebinds with withParams', () => {
    const theta = new Parameter('theta')
    const g = standardGate('crx', [theta])
    expect(g.isParameterized()).toBe(true)
    expect(() => g.toMatrix()).toThrow(CircuitError)
    expect(() => g.toMatrix()).toThrow(
      expect.objectContaining({ code: 'circuit.unbound-parameter' }),
    )
    const bound = g.withParams([0.5])
    expect(bound).toBeInstanceOf(StandardGate)
    expect(bound.toMatrix().equals(standardGateMatrix('crx', [0.5]), 0)).toBe(true)
    // a symbolic definition is built and binds to the same matrix
    const def = g.definition
    expect(def?.parameters).toEqual([theta])
  })

  it('returns a fresh matrix each time', () => {
    const g = standardGate('x')
    const m = g.toMatrix()
    m.set(0, 0, 5)
    expect(g.toMatrix().get(0, 0).re).toBe(0)
  })
})
