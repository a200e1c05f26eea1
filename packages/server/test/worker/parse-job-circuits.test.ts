import { describe, expect, it } from 'vitest'
import { parseJobCircuits } from '../../src/worker/parse-job-circuits.js'
import { WorkerError } from '../../src/worker/worker-error.js'
import { BELL_QASM } from './worker-test-server.js'

describe('parseJobCircuits', () => {
  it('parses every circuit of the stored input, in order', () => {
    const ghz3 =
      'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[3] q;\nbit[3] c;\nh q[0];\ncx q[0], q[1];\ncx q[1], q[2];\nc = measure q;\n'
    const circuits = parseJobCircuits(
      JSON.stringify({ circuits: [{ qasm: BELL_QASM }, { qasm: ghz3 }] }),
    )
    expect(circuits.map((c) => c.numQubits)).toEqual([2, 3])
    expect(circuits.map((c) => c.size())).toEqual([4, 6])
  })

  it('names each circuit after the name the submission gave it', () => {
    const circuits = parseJobCircuits(
      JSON.stringify({ circuits: [{ qasm: BELL_QASM, name: 'bell' }, { qasm: BELL_QASM }] }),
    )
    expect(circuits[0]?.name).toBe('bell')
    expect(circuits[1]?.name).not.toBe('bell')
  })

  it.each([
    ['not JSON', '{'],
    ['no circuits', '{"circuits":[]}'],
    ['no qasm', '{"circuits":[{}]}'],
    ['bad qasm', '{"circuits":[{"qasm":"OPENQASM 2.0;\\nqreg q[1];\\nfoo q[0];"}]}'],
  ])('rejects %s with worker.input-invalid', (_, input) => {
    expect(() => parseJobCircuits(input)).toThrow(WorkerError)
    try {
      parseJobCircuits(input)
    } catch (error) {
      expect((error as WorkerError).code).toBe('worker.input-invalid')
    }
  })
})
