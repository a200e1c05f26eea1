import { describe, expect, it } from 'vitest'
import {
  Barrier,
  CircuitError,
  ClassicalRegister,
  Clbit,
  Delay,
  Gate,
  Measure,
  Parameter,
  QuantumCircuit,
  QuantumRegister,
  Qubit,
  standardGate,
  STANDARD_GATE_SPECS,
  type StandardGateName,
} from '../../src/circuit/index.js'
import { as } from './fixtures/dense.js'

const summary = (qc: QuantumCircuit): (string | number)[][] =>
  qc.data.map((d) => [d.operation.name, ...d.qubits, ...d.clbits.map((c) => `c${c}`)])

describe('QuantumCircuit construction', () => {
  it('makes registers q and c from sizes, like Qiskit', () => {
    const qc = new QuantumCircuit(3, 2)
    expect(qc.numQubits).toBe(3)
    expect(qc.numClbits).toBe(2)
    expect(qc.qregs.map((r) => [r.name, r.size])).toEqual([['q', 3]])
    expect(qc.cregs.map((r) => [r.name, r.size])).toEqual([['c', 2]])
    expect(qc.width()).toBe(5)
    expect(new QuantumCircuit(2).cregs).toEqual([])
    expect(() => new QuantumCircuit(1, 1, 1)).toThrow(TypeError)
  })

  it('takes registers, loose bits and options, in order', () => {
    const a = new QuantumRegister(2, 'a')
    const b = new QuantumRegister(1, 'b')
    const cr = new ClassicalRegister(2, 'cr')
    const loose = new Qubit()
    const qc = new QuantumCircuit(a, [loose], b, cr, {
      name: 'x',
      globalPhase: 1,
      metadata: { k: 1 },
    })
    expect(qc.qubits).toEqual([a.get(0), a.get(1), loose, b.get(0)])
    expect(qc.name).toBe('x')
    expect(qc.globalPhase).toBe(1)
    expect(qc.metadata).toEqual({ k: 1 })
    expect(qc.findBit(b.get(0))).toEqual({ index: 3, registers: [[b, 0]] })
    expect(qc.findBit(loose)).toEqual({ index: 2, registers: [] })
    expect(qc.findBit(cr.get(1)).index).toBe(1)
    expect(qc.qubitIndex(-1)).toBe(3)
    expect(() => qc.qubitIndex(4)).toThrow(RangeError)
    expect(() => qc.qubitIndex(new Qubit())).toThrow(RangeError)
  })

  it('names circuits circuit-<n> by default and normalises numeric global phases to [0, 2π)', () => {
    expect(new QuantumCircuit(1).name).toMatch(/^circuit-\d+$/)
    const qc = new QuantumCircuit(1)
    qc.globalPhase = -Math.PI / 2
    expect(qc.globalPhase).toBeCloseTo((3 * Math.PI) / 2)
    qc.globalPhase = 5 * Math.PI
    expect(qc.globalPhase).toBeCloseTo(Math.PI)
  })

  it('rejects duplicate register names and duplicate bits', () => {
    const qc = new QuantumCircuit(new QuantumRegister(1, 'r'))
    expect(() => qc.addRegister(new ClassicalRegister(1, 'r'))).toThrow(CircuitError)
    expect(() => qc.addBits([qc.qubits[0]!])).toThrow(CircuitError)
    const reg = new ClassicalRegister(2, 'c2')
    qc.addBits([reg.get(1)]).addRegister(reg)
    expect(qc.clbits).toEqual([reg.get(1), reg.get(0)])
  })
})

describe('broadcasting', () => {
  it('applies a one-qubit gate to every qubit of a register or list', () => {
    const qr = new QuantumRegister(3, 'q')
    const qc = new QuantumCircuit(qr).h(qr).x([0, 2]).z(qr.get(1))
    expect(summary(qc)).toEqual([
      ['h', 0],
      ['h', 1],
      ['h', 2],
      ['x', 0],
      ['x', 2],
      ['z', 1],
    ])
  })

  it('pairs lists and repeats single qubits, like Qiskit', () => {
    const qc = new QuantumCircuit(4).cx([0, 1], [2, 3]).cx(0, [1, 2]).cx([2, 3], 0)
    expect(summary(qc)).toEqual([
      ['cx', 0, 2],
      ['cx', 1, 3],
      ['cx', 0, 1],
      ['cx', 0, 2],
      ['cx', 2, 0],
      ['cx', 3, 0],
    ])
    const a = new QuantumRegister(2, 'a')
    const b = new QuantumRegister(2, 'b')
    expect(summary(new QuantumCircuit(a, b).swap(a, b))).toEqual([
      ['swap', 0, 2],
      ['swap', 1, 3],
    ])
  })

  it('rejects lengths that do not broadcast, repeated qubits and wrong arity', () => {
    const qc = new QuantumCircuit(4)
    expect(() => qc.cx([0, 1], [2, 3, 1])).toThrow(RangeError)
    expect(() => qc.cx(1, 1)).toThrow(RangeError)
    expect(() => qc.h(7)).toThrow(RangeError)
    expect(() => qc.h(0.5)).toThrow(TypeError)
    expect(() => qc.append(standardGate('cx'), [0])).toThrow(TypeError)
    expect(qc.data).toHaveLength(0)
  })

  it('measures registers bit by bit and one qubit into several clbits', () => {
    const qr = new QuantumRegister(2, 'q')
    const cr = new ClassicalRegister(2, 'c')
    const qc = new QuantumCircuit(qr, cr).measure(qr, cr).measure(0, [0, 1])
    expect(summary(qc)).toEqual([
      ['measure', 0, 'c0'],
      ['measure', 1, 'c1'],
      ['measure', 0, 'c0'],
      ['measure', 0, 'c1'],
    ])
    expect(() => qc.measure([0, 1], [0, 1, 1])).toThrow(RangeError)
    expect(() => qc.measure([0, 1], 0)).toThrow(RangeError)
  })
})

/** Qiskit's builder argument names, parameters first, for every standard gate of fixed size. */
const BUILDERS: Record<Exclude<StandardGateName, 'mcx' | 'mcp' | 'global_phase'>, string> = {
  id: 'id',
  x: 'x',
  y: 'y',
  z: 'z',
  h: 'h',
  s: 's',
  sdg: 'sdg',
  t: 't',
  tdg: 'tdg',
  sx: 'sx',
  sxdg: 'sxdg',
  rx: 'rx',
  ry: 'ry',
  rz: 'rz',
  p: 'p',
  r: 'r',
  u: 'u',
  u1: 'u1',
  u2: 'u2',
  u3: 'u3',
  cx: 'cx',
  cy: 'cy',
  cz: 'cz',
  ch: 'ch',
  cs: 'cs',
  csdg: 'csdg',
  csx: 'csx',
  cp: 'cp',
  crx: 'crx',
  cry: 'cry',
  crz: 'crz',
  cu: 'cu',
  cu1: 'cu1',
  cu3: 'cu3',
  swap: 'swap',
  iswap: 'iswap',
  dcx: 'dcx',
  ecr: 'ecr',
  rxx: 'rxx',
  ryy: 'ryy',
  rzz: 'rzz',
  rzx: 'rzx',
  xx_plus_yy: 'xxPlusYy',
  xx_minus_yy: 'xxMinusYy',
  ccx: 'ccx',
  ccz: 'ccz',
  cswap: 'cswap',
  rccx: 'rccx',
  rcccx: 'rcccx',
  c3x: 'c3x',
  c3sx: 'c3sx',
}

describe('gate builders', () => {
  it.each(Object.entries(BUILDERS))('%s is built by qc.%s(params…, qubits…)', (name, method) => {
    const spec = STANDARD_GATE_SPECS[name as keyof typeof BUILDERS]
    const params = spec.params.map((_, i) => 0.1 * (i + 1))
    const qubits = Array.from({ length: spec.numQubits }, (_, i) => 4 - i)
    const qc = new QuantumCircuit(5)
    const builder = (qc as unknown as Record<string, (...a: number[]) => QuantumCircuit>)[method]!
    expect(builder.call(qc, ...params, ...qubits)).toBe(qc)
    expect(qc.data).toHaveLength(1)
    const inst = qc.data[0]!
    expect(inst.operation.name).toBe(name)
    expect(inst.operation.params).toEqual(params)
    expect(inst.qubits).toEqual(qubits)
    expect(inst.operation.equals(standardGate(name as StandardGateName, params))).toBe(true)
  })

  it('builds mcx as cx, ccx or mcx and mcp over any number of controls', () => {
    const qc = new QuantumCircuit(6)
      .mcx([0], 5)
      .mcx([0, 1], 5)
      .mcx([0, 1, 2, 3], 5)
      .mcp(0.3, [1, 2, 3], 0)
    expect(summary(qc)).toEqual([
      ['cx', 0, 5],
      ['ccx', 0, 1, 5],
      ['mcx', 0, 1, 2, 3, 5],
      ['mcp', 1, 2, 3, 0],
    ])
    expect(qc.data[2]!.operation.numQubits).toBe(5)
    expect(qc.data[3]!.operation.params).toEqual([0.3])
  })

  it('appends a 0-qubit global_phase gate', () => {
    const qc = new QuantumCircuit(2).globalPhaseGate(0.25)
    expect(qc.data[0]!.operation.name).toBe('global_phase')
    expect(qc.data[0]!.qubits).toEqual([])
  })

  it('accepts symbolic parameters', () => {
    const theta = new Parameter('θ')
    const qc = new QuantumCircuit(2).cu(theta, 0, theta.mul(2), 1, 0, 1)
    expect(qc.parameters).toEqual([theta])
    expect(qc.data[0]!.operation.isParameterized()).toBe(true)
  })
})

describe('measure, reset, barrier, delay', () => {
  it('measureAll adds a barrier and a new register meas (a fresh name when taken)', () => {
    const qc = new QuantumCircuit(2).h(0).measureAll()
    expect(qc.cregs.map((r) => [r.name, r.size])).toEqual([['meas', 2]])
    expect(summary(qc)).toEqual([
      ['h', 0],
      ['barrier', 0, 1],
      ['measure', 0, 'c0'],
      ['measure', 1, 'c1'],
    ])
    qc.measureAll()
    expect(qc.cregs.map((r) => r.name)).toEqual(['meas', 'meas0'])
    expect(qc.data.at(-1)!.clbits).toEqual([3])
  })

  it('measureAll({ addBits: false }) uses the existing clbits and needs enough of them', () => {
    const qc = new QuantumCircuit(2, 3).measureAll({ addBits: false })
    expect(summary(qc).slice(1)).toEqual([
      ['measure', 0, 'c0'],
      ['measure', 1, 'c1'],
    ])
    expect(() => new QuantumCircuit(2, 1).measureAll({ addBits: false })).toThrow(CircuitError)
  })

  it('barrier spans all qubits by default, once each', () => {
    const qc = new QuantumCircuit(3).barrier().barrier(0, [2, 0])
    expect(summary(qc)).toEqual([
      ['barrier', 0, 1, 2],
      ['barrier', 0, 2],
    ])
    expect(qc.data[0]!.operation).toBeInstanceOf(Barrier)
    expect(qc.data[0]!.operation.isDirective).toBe(true)
  })

  it('reset and delay broadcast; delay defaults to all qubits in dt', () => {
    const qc = new QuantumCircuit(2).reset([0, 1]).delay(100).delay(1e-6, 1, 's')
    expect(summary(qc)).toEqual([
      ['reset', 0],
      ['reset', 1],
      ['delay', 0],
      ['delay', 1],
      ['delay', 1],
    ])
    const d = as(qc.data[4]!.operation, Delay)
    expect([d.duration, d.unit]).toEqual([1e-6, 's'])
    expect(() => new QuantumCircuit(1).delay(1.5)).toThrow(RangeError)
    expect(() => new QuantumCircuit(1).delay(-1, 0, 'ns')).toThrow(RangeError)
  })
})

describe('append and appendRaw', () => {
  it('appendRaw validates indices and freezes the instruction', () => {
    const qc = new QuantumCircuit(2, 1)
    const inst = { operation: new Measure(), qubits: [1], clbits: [0] }
    qc.appendRaw(inst)
    expect(Object.isFrozen(qc.data[0])).toBe(true)
    expect(Object.isFrozen(qc.data[0]!.qubits)).toBe(true)
    inst.qubits[0] = 0
    expect(qc.data[0]!.qubits).toEqual([1])
    expect(() => qc.appendRaw({ operation: new Measure(), qubits: [2], clbits: [0] })).toThrow(
      RangeError,
    )
    expect(() => qc.appendRaw({ operation: standardGate('cx'), qubits: [0], clbits: [] })).toThrow(
      TypeError,
    )
  })

  it('accepts Qubit and Clbit objects as specifiers', () => {
    const q = new Qubit()
    const c = new Clbit()
    const qc = new QuantumCircuit([q, c], 1).x(q).measure(q, c)
    expect(summary(qc)).toEqual([
      ['x', 0],
      ['measure', 0, 'c0'],
    ])
  })

  it('custom gates go through append with their arity', () => {
    const g = new Gate({ name: 'g', numQubits: 2 })
    const qc = new QuantumCircuit(3).append(g, [[0, 1], 2])
    expect(summary(qc)).toEqual([
      ['g', 0, 2],
      ['g', 1, 2],
    ])
  })
})
