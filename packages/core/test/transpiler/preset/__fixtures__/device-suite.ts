import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { QuantumCircuit } from '../../../../src/circuit/quantum-circuit.js'
import type { Target } from '../../../../src/target/target.js'
import { getTranspileLayout } from '../../../../src/transpiler/layout/transpile-layout.js'
import { transpile } from '../../../../src/transpiler/transpile.js'
import { unsupportedOperations } from './devices.js'
import { assertEquivalent } from './equivalence.js'
import { randomCircuit } from './random-circuit.js'

/** What a property run transpiles onto. */
export interface PropertyTarget {
  readonly name: string
  readonly target: () => Target
}

/** Options of {@link describeTranspileProperty}. */
export interface TranspilePropertyOptions {
  /** Random circuits per (target, level). */
  readonly runs: number
  /** The fast-check seed. */
  readonly seed: number
  /** Largest circuit width (capped by the target's). */
  readonly maxQubits?: number | undefined
  /** Whole-pipeline seed trials at level 3 (1 keeps the suite fast). */
  readonly seedTrials?: number | undefined
}

const VALUES = { a: 0.731, b: -1.917 }

/**
 * The transpiler's property on a list of targets, at every level: random circuits (≤ 6 qubits,
 * every standard gate, multi-controlled gates, symbolic angles, final measurements) come out in
 * the target's instructions on its qubits, and do what their input does (same unitary up to
 * global phase with the layout accounted for, or the same measurement distribution).
 */
export function describeTranspileProperty(
  targets: readonly PropertyTarget[],
  options: TranspilePropertyOptions,
): void {
  for (const { name, target: make } of targets) {
    describe(name, () => {
      for (const level of [0, 1, 2, 3] as const) {
        it(`level ${level}: supported operations, equivalent output`, () => {
          const target = make()
          const width = Math.min(options.maxQubits ?? 6, target.numQubits ?? 6)
          fc.assert(
            fc.property(
              fc.record({
                seed: fc.integer({ min: 0, max: 1_000_000 }),
                numQubits: fc.integer({ min: 1, max: width }),
                numGates: fc.integer({ min: 1, max: 30 }),
                measure: fc.boolean(),
                symbolic: fc.constantFrom(0, 0.3),
              }),
              (c) => {
                const input = randomCircuit({ ...c, multiControlled: true })
                const output = transpile(input, {
                  target,
                  optimizationLevel: level,
                  seed: c.seed,
                  seedTrials: options.seedTrials ?? 1,
                })
                expect(output.name).toBe(input.name)
                expect(unsupportedOperations(output, target)).toEqual([])
                assertEquivalent(bind(input), bind(output), {
                  layout: getTranspileLayout(output),
                  seed: c.seed,
                })
              },
            ),
            { seed: options.seed + level, numRuns: options.runs },
          )
        })
      }
    })
  }
}

function bind(circuit: QuantumCircuit): QuantumCircuit {
  const names = new Set(circuit.parameters.map((p) => p.name))
  if (names.size === 0) return circuit
  const values = Object.fromEntries(Object.entries(VALUES).filter(([k]) => names.has(k)))
  return circuit.assignParameters(values)
}
