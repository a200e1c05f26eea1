/**
 * Qiskit Aer's known-answer cases (shared/data/qiskit-aer-reference): expected final
 * states and exact outcome probabilities, checked against the density-matrix engine.
 */
import { readFileSync } from 'node:fs'
import { parseQasm2 } from '@qfabric/core/qasm'
import { describe, expect, it } from 'vitest'
import { compileDensityProgram } from '../../src/density/compile-density-program.js'
import { simulateDensityMatrix } from '../../src/density/simulate-density-matrix.js'
import { splitDensityFinals } from '../../src/density/split-density-finals.js'
import { maxDiff, outerProduct } from './support/matrices.js'

interface AerCase {
  readonly id: string
  readonly kind: 'statevector' | 'unitary' | 'counts'
  readonly qasm2: string
  readonly expected_statevector?: [number, number][]
  readonly expected_probabilities_hex?: Record<string, number>
}

const CASES = (
  JSON.parse(
    readFileSync(
      `${process.env['QFABRIC_SHARED']}/data/qiskit-aer-reference/simulator_cases.json`,
      'utf8',
    ),
  ) as { cases: AerCase[] }
).cases

describe("Aer's reference cases on the density-matrix engine", () => {
  const states = CASES.filter((c) => c.kind === 'statevector')
  const counts = CASES.filter((c) => c.kind === 'counts')

  it(`reproduces the expected final states as ρ = |ψ⟩⟨ψ| (${states.length} cases)`, async () => {
    expect(states.length).toBeGreaterThan(10)
    for (const c of states) {
      const { densityMatrix } = await simulateDensityMatrix(parseQasm2(c.qasm2))
      const psi = Float64Array.from(c.expected_statevector!.flat())
      expect(maxDiff(densityMatrix, outerProduct(psi)), c.id).toBeLessThan(1e-10)
    }
  })

  it(`reproduces the exact outcome probabilities (${counts.length} cases)`, async () => {
    expect(counts.length).toBeGreaterThan(10)
    for (const c of counts) {
      const program = compileDensityProgram(parseQasm2(c.qasm2))
      const { body, finals } = splitDensityFinals(program.ops)
      expect(body.some((op) => op.kind === 'measure')).toBe(false)
      const { probabilities } = await simulateDensityMatrix({ ...program, ops: body })
      const dist = new Map<string, number>()
      probabilities.forEach((p, index) => {
        let value = 0n
        for (const m of finals) {
          if ((index >> m.qubit) & 1) value |= 1n << BigInt(m.clbit)
          else value &= ~(1n << BigInt(m.clbit))
        }
        const key = `0x${value.toString(16)}`
        dist.set(key, (dist.get(key) ?? 0) + p)
      })
      for (const [key, p] of Object.entries(c.expected_probabilities_hex!))
        expect(Math.abs((dist.get(key) ?? 0) - p), `${c.id} ${key}`).toBeLessThan(1e-10)
    }
  })
})
