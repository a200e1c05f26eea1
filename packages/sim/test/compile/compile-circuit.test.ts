import {
  ClassicalRegister,
  circuitToMatrix,
  Gate,
  Parameter,
  QuantumCircuit,
  QuantumRegister,
  registerCondition,
  clbitCondition,
  STANDARD_GATE_SPECS,
  standardGate,
  type StandardGateName,
} from '@qfabric/core/circuit'
import { describe, expect, it } from 'vitest'
import { compileCircuit } from '../../src/compile/compile-circuit.js'
import { sampleProgram } from '../../src/engine/sample-program.js'
import { simulateStatevector } from '../../src/engine/simulate-statevector.js'
import { maxDistance } from '../helpers/dense-reference.js'
import { mulberry32 } from '../helpers/random-ops.js'

/** Column 0 of the circuit's unitary: the state it prepares from |0…0⟩ (core's own reference). */
function referenceState(qc: QuantumCircuit): Float64Array {
  const u = circuitToMatrix(qc)
  const d = u.rows
  const out = new Float64Array(2 * d)
  for (let r = 0; r < d; r++) {
    out[2 * r] = u.data[2 * r * d]!
    out[2 * r + 1] = u.data[2 * r * d + 1]!
  }
  return out
}

async function expectSameState(qc: QuantumCircuit): Promise<void> {
  const expected = referenceState(qc)
  for (const fusion of ['off', 'codegen'] as const) {
    const { statevector } = await simulateStatevector(compileCircuit(qc), { fusion, threads: 1 })
    expect(maxDistance(statevector, expected)).toBeLessThan(1e-12)
  }
}

const FIXED_GATES = (Object.keys(STANDARD_GATE_SPECS) as StandardGateName[]).filter(
  (name) =>
    STANDARD_GATE_SPECS[name].numQubits !== 'variable' && STANDARD_GATE_SPECS[name].numQubits !== 0,
)

describe('compileCircuit', () => {
  it.each(FIXED_GATES)('simulates the standard gate %s like its matrix', async (name) => {
    const spec = STANDARD_GATE_SPECS[name]
    const rnd = mulberry32(name.length * 31 + name.charCodeAt(0))
    const params = spec.params.map(() => rnd() * 6 - 3)
    const width = spec.numQubits as number
    const qc = new QuantumCircuit(width + 1)
    for (let q = 0; q <= width; q++) qc.h(q).rz(0.3 * (q + 1), q)
    // Reversed qubit order exercises the little-endian qarg mapping.
    qc.append(
      standardGate(name, params),
      Array.from({ length: width }, (_, i) => width - i),
    )
    await expectSameState(qc)
  })

  it('simulates multi-controlled gates wider than a matrix, and mcp', async () => {
    const qc = new QuantumCircuit(8)
    for (let q = 0; q < 8; q++) qc.h(q)
    qc.mcx([0, 1, 2, 3, 4, 5, 6], 7)
    qc.mcp(0.7, [7, 1, 2, 3, 4, 5, 6], 0)
    await expectSameState(qc)
  })

  it('lowers custom gates through their definitions, with global phases', async () => {
    const theta = new Parameter('θ')
    const def = new QuantumCircuit(2).rx(theta, 0).cx(0, 1).rz(theta, 1)
    def.globalPhase = 0.4
    const g = new Gate({ name: 'my_gate', numQubits: 2, params: [theta], definition: def })
    const qc = new QuantumCircuit(3).h(2).append(g.withParams([0.9]), [2, 0])
    qc.globalPhase = 1.1
    await expectSameState(qc)
    const controlled = new QuantumCircuit(3)
      .h(0)
      .h(1)
      .append(g.withParams([0.5]).control(1), [1, 0, 2])
    await expectSameState(controlled)
  })

  it('rejects opaque gates and unbound parameters', () => {
    const opaque = new QuantumCircuit(1).append(new Gate({ name: 'black_box', numQubits: 1 }), [0])
    expect(() => compileCircuit(opaque)).toThrow(
      expect.objectContaining({ code: 'simulation.unsupported-operation' }),
    )
    const unbound = new QuantumCircuit(1).rx(new Parameter('a'), 0)
    expect(() => compileCircuit(unbound)).toThrow(
      expect.objectContaining({ code: 'circuit.unbound-parameter' }),
    )
  })

  it('ignores barriers and delays, and keeps measurements and resets', async () => {
    const qc = new QuantumCircuit(2, 2)
      .x(0)
      .barrier(0, 1)
      .delay(100, 1)
      .reset(0)
      .measure(0, 0)
      .measure(1, 1)
    const program = compileCircuit(qc)
    expect(program.ops.map((op) => op.kind)).toEqual(['permutation', 'reset', 'measure', 'measure'])
    expect((await sampleProgram(program, { shots: 10, seed: 1 })).counts).toEqual({ '0x0': 10 })
  })

  it('runs c_if conditions and if/else on registers per shot', async () => {
    const qr = new QuantumRegister(2, 'q')
    const cr = new ClassicalRegister(2, 'c')
    const qc = new QuantumCircuit(qr, cr).h(0).measure(0, 0)
    qc.append(standardGate('x'), [1], [], { condition: registerCondition(cr, 1) })
    qc.measure(1, 1)
    const { counts } = await sampleProgram(compileCircuit(qc), { shots: 2000, seed: 4 })
    expect(Object.keys(counts).sort()).toEqual(['0x0', '0x3'])

    const branchy = new QuantumCircuit(2, 2).h(0).measure(0, 0)
    branchy.ifElse(
      clbitCondition(0, true),
      new QuantumCircuit(1, 1).x(0),
      new QuantumCircuit(1, 1).h(0),
      [1],
      [0],
    )
    branchy.measure(1, 1)
    const res = await sampleProgram(compileCircuit(branchy), { shots: 4000, seed: 5 })
    expect(Object.keys(res.counts).sort()).toEqual(['0x0', '0x2', '0x3'])
    expect(res.counts['0x3']! / 4000).toBeGreaterThan(0.45)
  })

  it('unrolls for loops with their parameter and runs while loops', async () => {
    const i = new Parameter('i')
    const body = new QuantumCircuit(1).rz(i, 0).rx(i, 0)
    const qc = new QuantumCircuit(1).h(0).forLoop([1, 2, 3], i, body, [0], [])
    const unrolled = new QuantumCircuit(1)
      .h(0)
      .rz(1, 0)
      .rx(1, 0)
      .rz(2, 0)
      .rx(2, 0)
      .rz(3, 0)
      .rx(3, 0)
    const { statevector } = await simulateStatevector(compileCircuit(qc), { threads: 1 })
    expect(maxDistance(statevector, referenceState(unrolled))).toBeLessThan(1e-12)

    const loop = new QuantumCircuit(1, 1).h(0).measure(0, 0)
    loop.whileLoop(clbitCondition(0, false), new QuantumCircuit(1, 1).h(0).measure(0, 0), [0], [0])
    expect((await sampleProgram(compileCircuit(loop), { shots: 500, seed: 6 })).counts).toEqual({
      '0x1': 500,
    })
  })

  it('agrees with core’s dense unitary on random circuits', async () => {
    const names: StandardGateName[] = [
      'h',
      'x',
      'sx',
      'rz',
      'ry',
      'u',
      'cx',
      'cz',
      'cp',
      'crx',
      'swap',
      'ccx',
      'rzz',
      'iswap',
      'cswap',
    ]
    for (let seed = 1; seed <= 8; seed++) {
      const rnd = mulberry32(seed)
      const n = 5
      const qc = new QuantumCircuit(n)
      for (let k = 0; k < 40; k++) {
        const name = names[Math.floor(rnd() * names.length)]!
        const spec = STANDARD_GATE_SPECS[name]
        const width = spec.numQubits as number
        const pool = [0, 1, 2, 3, 4].sort(() => rnd() - 0.5)
        qc.append(
          standardGate(
            name,
            spec.params.map(() => rnd() * 6),
          ),
          pool.slice(0, width),
        )
      }
      await expectSameState(qc)
    }
  })
})
