import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { IfElseOp } from '../../../src/circuit/control-flow.js'
import { Gate } from '../../../src/circuit/gate.js'
import { standardGate } from '../../../src/circuit/library/standard-gates.js'
import type { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { toQasm3 } from '../../../src/qasm/qasm3/exporter.js'
import { analyzeQasm3, parseQasm3 } from '../../../src/qasm/qasm3/parser.js'
import {
  applyCircuit,
  instanceOf,
  sameUnitary,
  structuralDifference,
  unitaryPart,
} from './circuit-compare.js'

const DIR = `${process.env['QFABRIC_SHARED']}/data/openqasm/examples`
const read = (file: string): string => readFileSync(`${DIR}/${file}`, 'utf8')

/**
 * What each official example lowers to: a circuit, or the first diagnostic code explaining
 * why the circuit model cannot hold it.
 */
const EXPECTED: Readonly<Record<string, string>> = {
  'adder.qasm': 'circuit',
  'alignment.qasm': 'qasm3.unsupported.stretch',
  'arrays.qasm': 'qasm3.unsupported.array',
  'cphase.qasm': 'qasm3.semantic.undefined-identifier', // uses `q` without declaring it
  'dd.qasm': 'qasm3.unsupported.stretch',
  'defcal.qasm': 'qasm3.unsupported.calibration',
  'gateteleport.qasm': 'qasm3.unsupported.extern',
  'inverseqft1.qasm': 'circuit',
  'inverseqft2.qasm': 'circuit',
  'ipe.qasm': 'qasm3.unsupported.classical-assignment', // a run-time angle feeds `phase(c)`
  'msd.qasm': 'qasm3.unsupported.classical-assignment',
  'qec.qasm': 'circuit',
  'qft.qasm': 'circuit',
  'qpt.qasm': 'circuit',
  'rb.qasm': 'circuit',
  'rus.qasm': 'circuit',
  'scqec.qasm': 'qasm3.unsupported.extern',
  'stdgates.inc': 'circuit',
  't1.qasm': 'qasm3.unsupported.calibration',
  'teleport.qasm': 'circuit',
  'varteleport.qasm': 'circuit',
  'vqe.qasm': 'qasm3.semantic.invalid-index', // `q[i]` on the single qubit of a gate
}

/** The statevector a circuit's unitary part makes from |0…0⟩. */
function finalState(circuit: QuantumCircuit): Float64Array {
  const zero = new Float64Array(2 << circuit.numQubits)
  zero[0] = 1
  return applyCircuit(unitaryPart(circuit)!, zero)
}

describe('official OpenQASM 3 examples', () => {
  it('covers every example file', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  it.each(Object.entries(EXPECTED))('%s lowers as documented (%s)', (file, expected) => {
    const { program, circuit, diagnostics } = analyzeQasm3(read(file), { fileName: file })
    expect(program).toBeDefined()
    if (expected === 'circuit') {
      expect(diagnostics).toEqual([])
      expect(circuit).toBeDefined()
    } else {
      expect(circuit).toBeUndefined()
      expect(diagnostics[0]?.code).toBe(expected)
      expect(
        diagnostics.every(
          (d) => d.code.startsWith('qasm3.unsupported.') || d.code.startsWith('qasm3.semantic.'),
        ),
      ).toBe(true)
    }
  })

  it.each(Object.entries(EXPECTED).filter(([, e]) => e === 'circuit'))(
    '%s survives toQasm3 → parseQasm3',
    (file) => {
      const circuit = parseQasm3(read(file))
      const back = parseQasm3(toQasm3(circuit))
      expect(structuralDifference(circuit, back)).toBeUndefined()
      const unitary = unitaryPart(circuit)
      if (unitary !== undefined && circuit.numQubits <= 10)
        expect(sameUnitary(unitary, unitaryPart(back)!)).toBe(true)
    },
  )

  it('adder.qasm adds 1 + 15 into b with carry out', () => {
    const circuit = parseQasm3(read('adder.qasm'))
    expect(circuit.qregs.map((r) => `${r.name}[${r.size}]`)).toEqual([
      'cin[1]',
      'a[4]',
      'b[4]',
      'cout[1]',
    ])
    const state = finalState(circuit)
    // cin = q0, a = q1..q4, b = q5..q8, cout = q9: a stays 0001, b becomes 0000, cout is 1.
    const expectedIndex = (1 << 1) | (1 << 9)
    expect(state[2 * expectedIndex]! ** 2 + state[2 * expectedIndex + 1]! ** 2).toBeCloseTo(1, 12)
  })

  it('qft.qasm produces the Fourier state of |0101⟩', () => {
    const state = finalState(parseQasm3(read('qft.qasm')))
    // Qubit k ends in (|0⟩ + e^{iφ_k}|1⟩)/√2 with φ = (5π/4, π/2, π, 0) for input x = (1, 0, 1, 0).
    const phases = [(5 * Math.PI) / 4, Math.PI / 2, Math.PI, 0]
    for (let b = 0; b < 16; b++) {
      const phase = phases.reduce((sum, phi, k) => sum + (((b >> k) & 1) === 1 ? phi : 0), 0)
      expect(state[2 * b]).toBeCloseTo(Math.cos(phase) / 4, 12)
      expect(state[2 * b + 1]).toBeCloseTo(Math.sin(phase) / 4, 12)
    }
  })

  it('cphase.qasm defines a gate equal to cp once its register is declared', () => {
    const circuit = parseQasm3(
      read('cphase.qasm').replace('cphase(π / 2) q', 'qubit[2] q;\ncphase(π / 2) q'),
    )
    const op = circuit.data[0]!.operation
    expect(op.name).toBe('cphase')
    expect(op.definition).toBeDefined()
    const cp = standardGate('cp', [Math.PI / 2]).toMatrix()
    expect(instanceOf(op, Gate).toMatrix().equals(cp, 1e-12)).toBe(true)
  })

  it('teleport.qasm conditions the corrections on single measured bits', () => {
    const circuit = parseQasm3(read('teleport.qasm'))
    const ifs = circuit.data.filter((i) => i.operation.name === 'if_else')
    expect(ifs.map((i) => instanceOf(i.operation, IfElseOp).condition)).toEqual([
      { kind: 'clbit', clbit: 0, value: true },
      { kind: 'clbit', clbit: 1, value: true },
    ])
    expect(
      ifs.map((i) => instanceOf(i.operation, IfElseOp).trueBody.data[0]!.operation.name),
    ).toEqual(['z', 'x'])
  })

  it('qec.qasm inlines the syndrome subroutine into the syn register', () => {
    const circuit = parseQasm3(read('qec.qasm'))
    const measuredInto = circuit.data
      .filter((i) => i.operation.name === 'measure')
      .map((i) => i.clbits[0])
    expect(circuit.cregs.map((r) => r.name)).toEqual(['c', 'syn'])
    expect(measuredInto).toEqual([3, 4, 0, 1, 2])
    const conditions = circuit.data
      .filter((i) => i.operation.name === 'if_else')
      .map((i) => {
        const c = instanceOf(i.operation, IfElseOp).condition
        return c.kind === 'register' ? `${c.register.name} ${c.op} ${c.value}` : 'clbit'
      })
    expect(conditions).toEqual(['syn == 1', 'syn == 2', 'syn == 3'])
  })

  it('rus.qasm runs the first round, then loops while the flags are not zero', () => {
    const circuit = parseQasm3(read('rus.qasm'))
    const names = circuit.data.map((i) => i.operation.name)
    expect(names.filter((n) => n === 'while_loop')).toHaveLength(1)
    expect(names.indexOf('while_loop')).toBeGreaterThan(names.indexOf('measure'))
  })

  it('varteleport.qasm unrolls ten Bell-pair teleportations', () => {
    const circuit = parseQasm3(read('varteleport.qasm'))
    expect(circuit.numQubits).toBe(21)
    expect(circuit.data.filter((i) => i.operation.name === 'if_else')).toHaveLength(20)
  })
})
