/**
 * Noise by trajectories on the statevector engine. For each shot the state-independent part of
 * the noise is drawn up front: which term of each error occurs. Shots that drew the same terms
 * share one engine program and run together (with realistic error rates most shots draw no
 * error at all and run as one ideal program). What depends on the state is left to the engine's
 * shot branching: a Kraus term becomes a unitary dilation on ancillas followed by their resets,
 * and a readout error of a mid-circuit measurement becomes a conditional re-measurement of an
 * ancilla rotated to the error's probabilities.
 */
import type { Rng } from '../../../engine/random/seeded-rng.js'
import type { SimOp, SimProgram } from '../../../engine/sim-program.js'
import type { ReadoutError } from '../../../noise/readout-error.js'
import { trajectoryOps, type TrajectoryOp } from '../../../noise/trajectory-sampler.js'
import { krausDilation, type KrausDilation } from './kraus-dilation.js'
import type { ErrorStep, MeasureStep, NoisyCircuit, NoisyStep } from './noisy-step.js'

interface Site {
  readonly ops: readonly TrajectoryOp[]
  /** Cumulative probabilities; the last entry is `Infinity` so every draw lands. */
  readonly cumulative: Float64Array
}

/** The noise draws of one shot: site id → index of the drawn op, for non-identity draws only. */
type Choices = ReadonlyMap<number, number>

/**
 * The trajectories of one noisy circuit.
 *
 * @example
 * ```ts
 * const plan = new TrajectoryPlan(noisyCircuit)
 * const key = plan.sampleKey(rng)       // '' when the shot drew no error
 * const program = plan.program(key)     // run its shots with sampleProgram
 * ```
 */
export class TrajectoryPlan {
  readonly #circuit: NoisyCircuit
  readonly #sites: Site[] = []
  readonly #siteIds = new Map<ErrorStep, number>()
  readonly #dilations = new WeakMap<TrajectoryOp, KrausDilation>()

  /** @param circuit - the lowered circuit (on its active qubits) */
  constructor(circuit: NoisyCircuit) {
    this.#circuit = circuit
    this.#collect(circuit.steps)
  }

  /** The number of places where noise is drawn. */
  get siteCount(): number {
    return this.#sites.length
  }

  /**
   * Draws one shot's noise.
   *
   * @param rng - one uniform draw per site
   * @returns a key naming the draws (`''` when every site drew its identity term)
   */
  sampleKey(rng: Rng): string {
    let key = ''
    for (let id = 0; id < this.#sites.length; id++) {
      const site = this.#sites[id]!
      const u = rng.nextDouble()
      let k = 0
      while (u >= site.cumulative[k]!) k++
      const op = site.ops[k]!
      if (op.kind === 'unitary' && op.isIdentity) continue
      key += `${key === '' ? '' : ','}${id}:${k}`
    }
    return key
  }

  /**
   * The engine program of the shots that drew `key`.
   *
   * @param key - from {@link sampleKey}
   * @returns a program on the circuit's qubits plus any ancillas its noise needs
   */
  program(key: string): SimProgram {
    const choices = new Map<number, number>()
    if (key !== '') {
      for (const part of key.split(',')) {
        const [site, op] = part.split(':')
        choices.set(Number(site), Number(op))
      }
    }
    const builder = { ancillas: 0 }
    const ops = this.#lower(this.#circuit.steps, choices, builder)
    return {
      numQubits: this.#circuit.numQubits + builder.ancillas,
      numClbits: this.#circuit.numClbits,
      ops,
    }
  }

  #collect(steps: readonly NoisyStep[]): void {
    for (const step of steps) {
      if (step.kind === 'error') {
        const pairs = trajectoryOps(step.error)
        const cumulative = new Float64Array(pairs.length)
        let sum = 0
        pairs.forEach(([, p], i) => (cumulative[i] = sum += p))
        cumulative[cumulative.length - 1] = Infinity
        this.#siteIds.set(step, this.#sites.length)
        this.#sites.push({ ops: pairs.map(([op]) => op), cumulative })
      } else if (step.kind === 'conditional') {
        this.#collect(step.then)
        this.#collect(step.else)
      }
    }
  }

  #lower(steps: readonly NoisyStep[], choices: Choices, builder: { ancillas: number }): SimOp[] {
    const ops: SimOp[] = []
    for (const step of steps) {
      switch (step.kind) {
        case 'ops':
          ops.push(...step.ops)
          break
        case 'error': {
          const index = choices.get(this.#siteIds.get(step)!)
          const op =
            index === undefined ? undefined : this.#sites[this.#siteIds.get(step)!]!.ops[index]
          if (op !== undefined) ops.push(...this.#noiseOps(op, step.qubits, builder))
          break
        }
        case 'measure':
          ops.push(...this.#measureOps(step, builder))
          break
        case 'conditional':
          ops.push({
            kind: 'conditional',
            condition: step.condition,
            then: this.#lower(step.then, choices, builder),
            else: this.#lower(step.else, choices, builder),
          })
      }
    }
    return ops
  }

  #noiseOps(op: TrajectoryOp, qubits: readonly number[], builder: { ancillas: number }): SimOp[] {
    if (op.kind === 'unitary') {
      return op.isIdentity ? [] : [{ kind: 'matrix', qubits, matrix: op.matrix.data }]
    }
    let dilation = this.#dilations.get(op)
    if (dilation === undefined) {
      dilation = krausDilation(op.operators)
      this.#dilations.set(op, dilation)
    }
    builder.ancillas = Math.max(builder.ancillas, dilation.ancillas)
    const ancillas = Array.from(
      { length: dilation.ancillas },
      (_, i) => this.#circuit.numQubits + i,
    )
    return [
      { kind: 'matrix', qubits: [...qubits, ...ancillas], matrix: dilation.matrix },
      ...ancillas.map((qubit): SimOp => ({ kind: 'reset', qubit })),
    ]
  }

  #measureOps(step: MeasureStep, builder: { ancillas: number }): SimOp[] {
    const measure: SimOp = { kind: 'measure', qubit: step.qubit, clbit: step.clbit }
    const readout = step.readout
    if (step.isTerminal || readout === undefined || readout.isIdeal()) return [measure]
    builder.ancillas = Math.max(builder.ancillas, 1)
    const ancilla = this.#circuit.numQubits
    return [
      measure,
      {
        kind: 'conditional',
        condition: { clbits: [step.clbit], op: '==', value: 0n },
        then: redraw(readout, { prepared: 0, ancilla, clbit: step.clbit }),
        else: redraw(readout, { prepared: 1, ancilla, clbit: step.clbit }),
      },
    ]
  }
}

/**
 * Replaces a clbit that read `prepared` with a draw from the readout error's row: rotate a fresh
 * ancilla so that it reads 1 with the row's probability, measure it into the clbit, reset it.
 */
function redraw(
  readout: ReadoutError,
  site: { readonly prepared: 0 | 1; readonly ancilla: number; readonly clbit: number },
): SimOp[] {
  const pOne = readout.probabilities[site.prepared]![1]!
  if (pOne === site.prepared) return []
  const c = Math.sqrt(1 - pOne)
  const s = Math.sqrt(pOne)
  const { ancilla, clbit } = site
  return [
    { kind: 'matrix', qubits: [ancilla], matrix: Float64Array.of(c, 0, -s, 0, s, 0, c, 0) },
    { kind: 'measure', qubit: ancilla, clbit },
    { kind: 'reset', qubit: ancilla },
  ]
}
