import { QuantumCircuit } from '@qfabric/core/circuit'
import { parseQasm } from '@qfabric/core/qasm'
import { BackendConfiguration, BackendProperties, convertToTarget } from '@qfabric/core/target'
import { describe, expect, it } from 'vitest'
import { checkCircuitInTarget } from '../../src/app/check-circuit-in-target.js'
import { MANILA_CONF, MANILA_PROPS } from '../http/test-server.js'

const manila = convertToTarget(
  BackendConfiguration.fromJSON(MANILA_CONF),
  BackendProperties.fromJSON(MANILA_PROPS),
)
const check = (c: QuantumCircuit) => checkCircuitInTarget(c, manila, { pointer: '/x' })

describe('checkCircuitInTarget', () => {
  it('accepts a circuit in the device basis on coupled qubits', () => {
    const qc = new QuantumCircuit(5, 2)
    qc.rz(0.3, 0).sx(0).x(1).cx(0, 1).cx(4, 3).barrier().measure(0, 0).measure(1, 1).reset(2)
    expect(check(qc)).toEqual([])
  })

  it('names every unsupported gate with its physical qubits', () => {
    // manila couples 0-1, 1-2, 2-3, 3-4 (both directions): conf coupling_map.
    const coupled = new Set(MANILA_CONF.coupling_map?.map(([a, b]) => `${a},${b}`))
    const qc = new QuantumCircuit(5)
    qc.h(2).cx(0, 2).cx(2, 1).swap(3, 4)
    const errors = check(qc)
    expect(errors.map((e) => [e.gate, e.qubits, e.code])).toEqual([
      ['h', [2], 'unsupported_gate'],
      ['cx', [0, 2], 'unsupported_qubits'],
      ['swap', [3, 4], 'unsupported_gate'],
    ])
    expect(coupled.has('0,2')).toBe(false)
    expect(coupled.has('2,1')).toBe(true)
    expect(errors[0]).toMatchObject({ in: 'body', pointer: '/x', field: 'x' })
  })

  it('looks inside control-flow bodies, on the outer qubits', () => {
    const qc = parseQasm(
      'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[5] q;\nbit c;\nc = measure q[0];\nif (c) { h q[4]; }\n',
    )
    const errors = check(qc)
    expect(errors.map((e) => [e.gate, e.qubits])).toContainEqual(['h', [4]])
  })
})
