import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseQasm2 } from '../../../src/qasm/qasm2/parse-qasm2.js'
import { toQasm3 } from '../../../src/qasm/qasm3/exporter.js'
import { parseQasm3 } from '../../../src/qasm/qasm3/parser.js'
import { sameUnitary, structuralDifference, unitaryPart } from './circuit-compare.js'

const ROOT = `${process.env['QFABRIC_SHARED']}/data/qasmbench/small`
// These three are invalid OpenQASM 2 at the pinned commit (see the data README).
const INVALID = new Set(['vqe_uccsd_n4', 'vqe_uccsd_n6', 'vqe_uccsd_n8'])

const files = readdirSync(ROOT)
  .filter((dir) => !INVALID.has(dir))
  .flatMap((dir) =>
    readdirSync(`${ROOT}/${dir}`)
      .filter((f) => f.endsWith('.qasm'))
      .map((f) => `${ROOT}/${dir}/${f}`),
  )

describe('QASMBench through OpenQASM 3', () => {
  it('finds the benchmark circuits', () => {
    expect(existsSync(ROOT)).toBe(true)
    expect(files.length).toBeGreaterThan(70)
  })

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))(
    '%s: toQasm3 → parseQasm3 gives the same circuit',
    (_, path) => {
      const original = parseQasm2(readFileSync(path, 'utf8'))
      const text = toQasm3(original)
      const back = parseQasm3(text)
      expect(structuralDifference(original, back)).toBeUndefined()
      const unitary = unitaryPart(original)
      if (unitary !== undefined && original.numQubits <= 10) {
        expect(sameUnitary(unitary, unitaryPart(back)!)).toBe(true)
      }
    },
  )
})
