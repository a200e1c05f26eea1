import { standardGate } from '../../../../src/circuit/library/standard-gates.js'
import {
  STANDARD_GATE_NAMES,
  STANDARD_GATE_SPECS,
  type StandardGateName,
} from '../../../../src/circuit/library/standard-gate-specs.js'
import { QuantumCircuit } from '../../../../src/circuit/quantum-circuit.js'
import { Parameter } from '../../../../src/circuit/parameter.js'
import type { ParameterValue } from '../../../../src/circuit/parameter-expression.js'
import { SeededRng } from '../../../../src/internal/seeded-rng.js'

/** Every fixed-width standard gate (global_phase aside), with its width. */
export const FIXED_GATES: readonly { name: StandardGateName; width: number }[] =
  STANDARD_GATE_NAMES.flatMap((name) => {
    const width = STANDARD_GATE_SPECS[name].numQubits
    return typeof width === 'number' && width > 0 ? [{ name, width }] : []
  })

/** Options of {@link randomCircuit}. */
export interface RandomCircuitOptions {
  readonly numQubits: number
  readonly numGates: number
  readonly seed: number
  /** Gate names to draw from (default: every fixed-width standard gate that fits). */
  readonly gates?: readonly StandardGateName[] | undefined
  /** Add `mcx`/`mcp` gates on all qubits now and then. */
  readonly multiControlled?: boolean | undefined
  /** Measure every qubit at the end. */
  readonly measure?: boolean | undefined
  /** The chance that an angle is symbolic (`a`, `b`, `2a`, `a + b`; default 0). */
  readonly symbolic?: number | undefined
}

/** The parameters symbolic angles use: bind them by name (`{ a: …, b: … }`). */
export const PARAMETERS = { a: new Parameter('a'), b: new Parameter('b') } as const

function randomAngle(rng: SeededRng, symbolic: number): ParameterValue {
  if (rng.next() >= symbolic) return rng.uniform(-2 * Math.PI, 2 * Math.PI)
  const { a, b } = PARAMETERS
  const choices: ParameterValue[] = [a, b, a.mul(2), a.add(b), b.sub(0.5)]
  return choices[rng.int(choices.length)]!
}

/**
 * A random circuit of standard gates with random angles and qubits (seeded).
 *
 * @param options - width, length, seed, gate set
 * @returns the circuit
 */
export function randomCircuit(options: RandomCircuitOptions): QuantumCircuit {
  const rng = new SeededRng(options.seed)
  const n = options.numQubits
  const pool = FIXED_GATES.filter(
    (g) => g.width <= n && (options.gates === undefined || options.gates.includes(g.name)),
  )
  const qc = new QuantumCircuit(n, options.measure === true ? n : 0)
  for (let k = 0; k < options.numGates; k++) {
    if (options.multiControlled === true && n >= 3 && rng.next() < 0.05) {
      const qubits = shuffled(n, rng)
      const name = rng.next() < 0.5 ? 'mcx' : 'mcp'
      const params = name === 'mcp' ? [rng.uniform(-Math.PI, Math.PI)] : []
      qc.append(standardGate(name, params, { numCtrlQubits: n - 1 }), qubits)
      continue
    }
    const gate = pool[rng.int(pool.length)]!
    const params = STANDARD_GATE_SPECS[gate.name].params.map(() =>
      randomAngle(rng, options.symbolic ?? 0),
    )
    qc.append(standardGate(gate.name, params), shuffled(n, rng).slice(0, gate.width))
  }
  if (options.measure === true) {
    for (let q = 0; q < n; q++) qc.measure(q, q)
  }
  return qc
}

function shuffled(n: number, rng: SeededRng): number[] {
  const a = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    ;[a[i], a[j]] = [a[j]!, a[i]!]
  }
  return a
}
