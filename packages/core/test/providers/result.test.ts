import { describe, expect, it } from 'vitest'
import { ResultError } from '../../src/providers/provider-errors.js'
import { Result } from '../../src/providers/result.js'
import type { ExperimentResultJson, ResultJson } from '../../src/providers/result-json.js'

const base = {
  backend_name: 'test_backend',
  backend_version: '1.0.0',
  qobj_id: 'id-123',
  job_id: 'job-123',
  success: true,
} as const

function experiment(
  partial: Partial<ExperimentResultJson> & Pick<ExperimentResultJson, 'data'>,
): ExperimentResultJson {
  return { shots: 14, success: true, meas_level: 2, ...partial }
}

function result(...results: ExperimentResultJson[]): Result {
  return new Result({ ...base, results })
}

describe('Result (qiskit-semantics §A.8)', () => {
  it('A.8 counts without a header are unpadded binary (Qiskit test_counts_no_header)', () => {
    const r = result(experiment({ data: { counts: { '0x0': 4, '0x2': 10 } } }))
    expect(r.getCounts(0).toObject()).toEqual({ '0': 4, '10': 10 })
  })

  it('A.8 counts with a header are split by register (Qiskit test_counts_header)', () => {
    const r = result(
      experiment({
        data: { counts: { '0x0': 4, '0x2': 10 } },
        header: {
          creg_sizes: [
            ['c0', 2],
            ['c0', 1],
            ['c1', 1],
          ],
          memory_slots: 4,
        },
      }),
    )
    expect(r.getCounts(0).toObject()).toEqual({ '0 0 00': 4, '0 0 10': 10 })
  })

  it('A.8 experiments are selected by index or by circuit name; the first duplicate name wins', () => {
    const r = result(
      experiment({ data: { counts: { '0x1': 1 } }, header: { name: 'a', memory_slots: 1 } }),
      experiment({ data: { counts: { '0x0': 2 } }, header: { name: 'b', memory_slots: 1 } }),
      experiment({ data: { counts: { '0x0': 3 } }, header: { name: 'b', memory_slots: 1 } }),
    )
    expect(r.getCounts('b').toObject()).toEqual({ '0': 2 })
    expect(r.getCounts({ name: 'a' }).toObject()).toEqual({ '1': 1 })
    expect(r.getCounts(0).toObject()).toEqual({ '1': 1 })
    expect(r.getCounts(2).toObject()).toEqual({ '0': 3 })
  })

  it('A.8 no selector is allowed only with exactly one experiment', () => {
    const one = result(experiment({ data: { counts: { '0x1': 1 } } }))
    expect(one.getCounts().toObject()).toEqual({ '1': 1 })
    const two = result(experiment({ data: { counts: {} } }), experiment({ data: { counts: {} } }))
    expect(() => two.getCounts()).toThrow(TypeError)
  })

  it('A.8 an unknown name or index raises', () => {
    const r = result(experiment({ data: { counts: {} }, header: { name: 'a' } }))
    expect(() => r.getCounts('zz')).toThrow(/could not be found/)
    expect(() => r.getCounts('zz')).toThrow(ResultError)
    expect(() => r.getCounts(1)).toThrow(RangeError)
    expect(() => r.getCounts(-1)).toThrow(RangeError)
  })

  it('A.8 a failed experiment raises with the result and experiment status', () => {
    const r = new Result({
      ...base,
      success: false,
      status: 'partial',
      results: [experiment({ success: false, status: 'ran out of memory', data: {} })],
    })
    expect(() => r.getCounts(0)).toThrow(/partial, ran out of memory/)
    try {
      r.getCounts(0)
    } catch (error) {
      expect((error as ResultError).code).toBe('result.experiment-failed')
    }
  })

  it('C.5 getAllCounts always returns an array (Qiskit/qiskit#3733)', () => {
    const header = { creg_sizes: [['c0', 4]] as [string, number][], memory_slots: 4 }
    const r = result(
      experiment({
        data: { counts: { '0x0': 5, '0x3': 12, '0x5': 9, '0xD': 6, '0xE': 2 } },
        header,
      }),
      experiment({ data: { counts: { '0xC': 27, '0xF': 20 } }, header }),
    )
    expect(r.getAllCounts().map((c) => c.toObject())).toEqual([
      { '0000': 5, '0011': 12, '0101': 9, '1101': 6, '1110': 2 },
      { '1100': 27, '1111': 20 },
    ])
  })

  it('A.8 no counts and no statevector raises "No counts for experiment"', () => {
    expect(() => result(experiment({ data: {} })).getCounts(0)).toThrow(/No counts for experiment/)
  })

  it('A.8 a statevector without counts gives probabilities rounded to 15 decimals', () => {
    const h = Math.SQRT1_2
    const r = result(
      experiment({
        data: {
          statevector: [
            [h, 0],
            [0, 0],
            [0, 0],
            [0, -h],
          ],
        },
      }),
    )
    const counts = r.getCounts(0).toObject()
    expect(Object.keys(counts).sort()).toEqual(['00', '11'])
    expect(counts['00']).toBe(0.5)
    expect(counts['11']).toBe(0.5)
  })

  it('A.8 memory is formatted like count keys (Qiskit test_memory_counts_header)', () => {
    const raw = ['0x0', '0x0', '0x2', '0x2', '0x2', '0x2', '0x2']
    const noHeader = result(experiment({ data: { memory: raw } }))
    expect(noHeader.getMemory(0)).toEqual(['0', '0', '10', '10', '10', '10', '10'])
    const withHeader = result(
      experiment({
        data: { memory: raw },
        header: {
          creg_sizes: [
            ['c0', 2],
            ['c0', 1],
            ['c1', 1],
          ],
          memory_slots: 4,
        },
      }),
    )
    expect(withHeader.getMemory(0)).toEqual([
      '0 0 00',
      '0 0 00',
      '0 0 10',
      '0 0 10',
      '0 0 10',
      '0 0 10',
      '0 0 10',
    ])
  })

  it('A.8 missing memory tells the user to run with memory: true', () => {
    expect(() => result(experiment({ data: { counts: {} } })).getMemory(0)).toThrow(/memory: true/)
  })

  it('A.8 level-1 memory decodes [re, im] pairs (Qiskit test_meas_level_1_single)', () => {
    const single = result(
      experiment({
        meas_level: 1,
        meas_return: 'single',
        data: {
          memory: [
            [
              [0, 1],
              [1, 0],
              [0.5, 0.5],
            ],
            [
              [0.5, 0.5],
              [1, 0],
              [0, 1],
            ],
          ],
        },
      }),
    )
    const memory = single.getComplexMemory(0) as { re: number; im: number }[][]
    expect(memory.map((row) => row.map((z) => [z.re, z.im]))).toEqual([
      [
        [0, 1],
        [1, 0],
        [0.5, 0.5],
      ],
      [
        [0.5, 0.5],
        [1, 0],
        [0, 1],
      ],
    ])
    expect(() => single.getMemory(0)).toThrow(ResultError)
  })

  it('A.8 get_statevector decodes [re, im] pairs, rounding half to even like numpy', () => {
    const r = result(
      experiment({
        data: {
          statevector: [
            [0.125, -0.5],
            [0.135, 0.145],
          ],
        },
      }),
    )
    const sv = r.getStatevector(0)
    expect([sv[0]!.re, sv[0]!.im]).toEqual([0.125, -0.5])
    const rounded = r.getStatevector(0, { decimals: 2 })
    // numpy: np.around([0.125, 0.135, 0.145], 2) -> [0.12, 0.14, 0.14] (binary floats, half-even on exact .5)
    expect(rounded[0]!.re).toBe(0.12)
    expect(rounded[1]!.re).toBe(0.14)
  })

  it('A.8 get_unitary decodes rows of [re, im] pairs', () => {
    const r = result(
      experiment({
        data: {
          unitary: [
            [
              [0, 0],
              [1, 0],
            ],
            [
              [1, 0],
              [0, 0],
            ],
          ],
        },
      }),
    )
    const u = r.getUnitary(0)
    expect([u.rows, u.cols]).toEqual([2, 2])
    expect(u.get(0, 1).re).toBe(1)
    expect(() => r.getStatevector(0)).toThrow(/No statevector/)
    expect(() => result(experiment({ data: {} })).getUnitary(0)).toThrow(/No unitary/)
  })

  it('A.8 from_dict round-trips to_dict exactly, extra fields included', () => {
    const json: ResultJson = {
      ...base,
      date: '2024-05-01T10:00:00Z',
      status: 'COMPLETED',
      header: { backend_name: 'test_backend' },
      time_taken: 0.25,
      results: [
        experiment({
          data: { counts: { '0x3': 7 }, memory: ['0x3'], custom: { a: 1 } },
          header: {
            name: 'bell',
            creg_sizes: [['c', 2]],
            memory_slots: 2,
            qreg_sizes: [['q', 2]],
            n_qubits: 2,
          },
          seed_simulator: 42,
          time_taken: 0.1,
          status: 'DONE',
        }),
      ],
    }
    const r = Result.fromJSON(JSON.parse(JSON.stringify(json)))
    expect(r.toJSON()).toEqual(json)
    expect(JSON.parse(JSON.stringify(r))).toEqual(json)
    expect(r.metadata).toEqual({ time_taken: 0.25 })
    expect(r.getCounts('bell').timeTaken).toBe(0.1)
    expect([r.backendName, r.backendVersion, r.jobId, r.qobjId, r.status, r.date]).toEqual([
      'test_backend',
      '1.0.0',
      'job-123',
      'id-123',
      'COMPLETED',
      '2024-05-01T10:00:00Z',
    ])
  })

  it('C.5 results are immutable: the input and toJSON() copies are detached', () => {
    const json = { ...base, results: [experiment({ data: { counts: { '0x1': 1 } } })] }
    const r = new Result(json)
    ;(json.results[0]!.data.counts as Record<string, number>)['0x1'] = 99
    const out = r.toJSON()
    ;(out.results[0]!.data.counts as Record<string, number>)['0x1'] = 42
    expect(r.getCounts(0).get('1')).toBe(1)
    expect(Object.isFrozen(r.results[0]!.data)).toBe(true)
    expect(Object.isFrozen(r)).toBe(true)
  })

  it('fromJSON refuses a document without the required fields', () => {
    expect(() => Result.fromJSON({ ...base, results: 'x' })).toThrow(TypeError)
    expect(() => Result.fromJSON({ ...base, job_id: 3, results: [] })).toThrow(/job_id/)
    expect(() => Result.fromJSON({ ...base, results: [{ success: true, data: {} }] })).toThrow(
      /shots/,
    )
  })
})
