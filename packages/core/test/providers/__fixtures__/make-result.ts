import type { ResultJson } from '../../../src/providers/result-json.js'
import { Result } from '../../../src/providers/result.js'

/** A one-experiment result with the given hex counts. */
export function makeResult(jobId: string, counts: Record<string, number> = { '0x0': 3, '0x3': 5 }): Result {
  const shots = Object.values(counts).reduce((a, b) => a + b, 0)
  const json: ResultJson = {
    backend_name: 'fake',
    backend_version: '1.0.0',
    job_id: jobId,
    success: true,
    results: [{ shots, success: true, data: { counts }, header: { name: 'c', memory_slots: 2, creg_sizes: [['c', 2]] } }],
  }
  return new Result(json)
}
