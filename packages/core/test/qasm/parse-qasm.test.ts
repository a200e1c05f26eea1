import { describe, expect, it } from 'vitest'
import { circuitToMatrix } from '../../src/circuit/circuit-unitary.js'
import { QasmParseError } from '../../src/qasm/qasm-error.js'
import { analyzeQasm, detectQasmVersion, parseQasm } from '../../src/qasm/parse-qasm.js'
import { parseQasm2 } from '../../src/qasm/qasm2/parse-qasm2.js'

describe('detectQasmVersion', () => {
  it('reads the header, after whitespace, comments and a byte-order mark', () => {
    expect(detectQasmVersion('OPENQASM 2.0;')).toEqual({ major: 2, minor: 0 })
    expect(detectQasmVersion('\uFEFF  // hello\n/* block\n comment */\n OPENQASM 3;')).toEqual({
      major: 3,
      minor: undefined,
    })
    expect(detectQasmVersion('OPENQASM\t3.1;')).toEqual({ major: 3, minor: 1 })
  })

  it('finds none when the program does not start with one', () => {
    expect(detectQasmVersion('qreg q[1];\nOPENQASM 3.0;')).toBeUndefined()
    expect(detectQasmVersion('')).toBeUndefined()
    expect(detectQasmVersion('OPENQASM;')).toBeUndefined()
  })
})

describe('parseQasm', () => {
  const bell2 = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0];\ncx q[0], q[1];'
  const bell3 = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nh q[0];\ncx q[0], q[1];'

  it('reads OpenQASM 2 and OpenQASM 3 to the same circuit', () => {
    const a = parseQasm(bell2)
    const b = parseQasm(bell3)
    expect(a.data.map((i) => [i.operation.name, i.qubits])).toEqual(
      b.data.map((i) => [i.operation.name, i.qubits]),
    )
    expect(circuitToMatrix(a).equalsUpToPhase(circuitToMatrix(b))).toBe(true)
  })

  it('reads a program without a header as OpenQASM 2, like Qiskit', () => {
    expect(parseQasm('include "qelib1.inc";\nqreg q[1];\nx q[0];').data).toHaveLength(1)
  })

  it('passes the options on (strict mode for OpenQASM 2)', () => {
    expect(() => parseQasm('include "qelib1.inc";', { strict: true })).toThrow(QasmParseError)
    expect(parseQasm2('include "qelib1.inc";').data).toHaveLength(0)
  })

  it('reports an unsupported version through the OpenQASM 2 parser', () => {
    const analysis = analyzeQasm('OPENQASM 4.0;\nqreg q[1];')
    expect([analysis.version, analysis.circuit, analysis.diagnostics.map((d) => d.code)]).toEqual([
      2,
      undefined,
      ['qasm2.parse.unsupported-version'],
    ])
  })

  it('analyzeQasm says which parser it used', () => {
    expect(analyzeQasm(bell3).version).toBe(3)
    expect(analyzeQasm(bell2).version).toBe(2)
    expect(analyzeQasm(bell3).circuit?.numQubits).toBe(2)
  })

  it('throws QasmParseError with diagnostics from either parser', () => {
    for (const text of ['OPENQASM 2.0;\nqreg q[1];\nh q[0];', 'OPENQASM 3.0;\nqubit q;\nh q;']) {
      expect(() => parseQasm(text)).toThrow(QasmParseError)
    }
  })
})
