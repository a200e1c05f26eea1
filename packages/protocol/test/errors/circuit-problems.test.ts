import { QasmParseError, parseQasm } from '@qfabric/core/qasm'
import { describe, expect, it } from 'vitest'
import { qasmParseProblem, unsupportedOperationProblem } from '../../src/errors/circuit-problems.js'
import { ProblemDocumentSchema } from '../../src/schemas/problem-document.js'
import { expectValid } from '../__fixtures__/schema-assertions.js'

describe('circuit problems', () => {
  it('turn core’s QasmParseError diagnostics into a 422 with line and column per error', () => {
    let diagnostics: QasmParseError['diagnostics'] = []
    try {
      parseQasm('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0]\ncx q[0], q[1];\n')
    } catch (error) {
      expect(error).toBeInstanceOf(QasmParseError)
      diagnostics = (error as QasmParseError).diagnostics
    }
    expect(diagnostics.length).toBeGreaterThan(0)
    const problem = qasmParseProblem([{ circuit: 1, diagnostics }])
    expectValid(ProblemDocumentSchema, problem)
    expect(problem).toMatchObject({ status: 422, code: 'qasm_parse_failed' })
    expect(problem.errors?.[0]).toMatchObject({
      pointer: '/input/circuits/1/qasm',
      field: 'input.circuits[1].qasm',
      code: diagnostics[0]!.code,
      line: diagnostics[0]!.line,
      column: diagnostics[0]!.column,
    })
    expect(problem.detail).toContain(`input.circuits[1].qasm:${diagnostics[0]!.line}:`)
  })

  it('leave warnings out', () => {
    const problem = qasmParseProblem([
      {
        circuit: 0,
        diagnostics: [{ code: 'w', message: 'meh', line: 1, column: 1, severity: 'warning' }],
      },
    ])
    expect(problem.errors).toEqual([])
  })

  it('name the gate and qubits of unsupported operations', () => {
    const problem = unsupportedOperationProblem('fake_lima', [
      { circuit: 0, gate: 'ccx', qubits: [0, 1, 4] },
    ])
    expectValid(ProblemDocumentSchema, problem)
    expect(problem).toMatchObject({
      status: 422,
      code: 'unsupported_operation',
      detail: 'fake_lima does not support ccx on qubits [0, 1, 4]',
      errors: [{ gate: 'ccx', qubits: [0, 1, 4], pointer: '/input/circuits/0/qasm' }],
    })
  })
})
