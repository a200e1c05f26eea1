/**
 * Runs a density-matrix program through its measurements by branching on outcomes. A branch
 * carries a state, its classical bits and a weight: a number of shots (`'shots'` mode: each
 * shot draws its own outcome, so the statistics are those of independent shots) or a
 * probability (`'average'` mode: every outcome is followed, for the exact ensemble average).
 * Gates, channels and resets are deterministic on ρ, so only measurements branch.
 *
 * Branches run depth-first. At a split the current branch continues with the lightest outcome
 * while the heavier ones wait on a stack: in shots mode the current weight at least halves with
 * each pending split, so at most about `log2(shots)` states wait at once. When the memory budget
 * has no room for a copy, a waiting branch keeps only its outcome path and is replayed later
 * from |0…0⟩ with those outcomes forced.
 */
import type { PlanExecutor } from '../engine/plan/plan-executor.js'
import type { Rng } from '../engine/random/seeded-rng.js'
import { runKernels } from '../engine/plan/run-plan.js'
import { evaluateCondition } from '../engine/shots/evaluate-condition.js'
import type { MeasureOp } from '../engine/sim-program.js'
import { SimulationError } from '../engine/simulation-error.js'
import type { ReadoutError } from '../noise/readout-error.js'
import { densityPlan, type DensityPlanOptions, type DensityStep } from './density-plan.js'
import {
  type DensityOp,
  type DensityProgram,
  type DensityWhileOp,
  type EvolutionOp,
  hasClassicalControl,
  isEvolutionOp,
} from './density-program.js'
import { dephaseQubit, probabilityOfOne, projectQubit, resetToGround } from './density-kernels.js'

/** How branch weights are read: shot counts, or probabilities. */
export type DensityRunMode = 'shots' | 'average'

/** Branches lighter than this are dropped in `'average'` mode (a runaway loop's tail). */
export const AVERAGE_WEIGHT_CUTOFF = 1e-13

/** Options of {@link runDensityBranches}. */
export interface DensityRunOptions {
  readonly mode: DensityRunMode
  /** The starting weight: the number of shots, or 1. */
  readonly weight: number
  readonly rng: Rng
  readonly executor: PlanExecutor
  /** The readout error of a measurement of `qubit`, if any. */
  readonly readoutErrorFor?: ((qubit: number) => ReadoutError | undefined) | undefined
  readonly plan?: DensityPlanOptions | undefined
  readonly signal?: AbortSignal | undefined
  /** Memory for state copies (default 1 GiB); at least two states are always allowed. */
  readonly memoryBudgetBytes?: number | undefined
  /** Iterations one while loop may run per branch (default 100 000). */
  readonly maxLoopIterations?: number | undefined
  /** Splits allowed in `'average'` mode before giving up (default 65 536). */
  readonly maxBranches?: number | undefined
}

/** A finished branch (its buffers are reused afterwards: read them before returning). */
export interface DensityLeaf {
  readonly state: Float64Array
  readonly clbits: Uint8Array
  readonly weight: number
}

interface Frame {
  readonly ops: readonly DensityOp[]
  index: number
  readonly loop: DensityWhileOp | undefined
  iterations: number
}

interface Branch {
  state: Float64Array | undefined
  clbits: Uint8Array
  weight: number
  frames: Frame[]
  /** Outcomes to replay (`2·true + recorded` per measurement) before sampling again. */
  forced: readonly number[]
  forcedAt: number
  /** Every measurement's outcome so far, from the start. */
  readonly path: number[]
}

/**
 * Runs `program` from |0…0⟩⟨0…0|, calling `onLeaf` once per finished branch.
 *
 * @param program - a validated program
 * @param options - mode, weight, randomness, executor, limits
 * @param onLeaf - receives each finished branch
 * @returns when every branch is done
 * @throws SimulationError `simulation.loop-limit` for a runaway while loop,
 *   `simulation.unsupported-operation` when averaging needs too many branches; the signal's
 *   reason when aborted
 */
export async function runDensityBranches(
  program: DensityProgram,
  options: DensityRunOptions,
  onLeaf: (leaf: DensityLeaf) => void,
): Promise<void> {
  await new DensityRunner(program, options, onLeaf).run()
}

class DensityRunner {
  readonly #program: DensityProgram
  readonly #options: DensityRunOptions
  readonly #onLeaf: (leaf: DensityLeaf) => void
  readonly #width: number
  readonly #maxBuffers: number
  /** Whether outcomes can steer the run (else an averaged measurement just dephases). */
  readonly #classical: boolean
  readonly #free: Float64Array[] = []
  #allocated = 0
  #splits = 0
  readonly #work: Branch[] = []
  readonly #plans = new WeakMap<
    readonly DensityOp[],
    Map<number, { readonly steps: readonly DensityStep[]; readonly end: number }>
  >()

  constructor(
    program: DensityProgram,
    options: DensityRunOptions,
    onLeaf: (leaf: DensityLeaf) => void,
  ) {
    this.#program = program
    this.#options = options
    this.#onLeaf = onLeaf
    this.#width = 2 * program.numQubits
    const bytes = 16 * 4 ** program.numQubits
    this.#maxBuffers = Math.max(2, Math.floor((options.memoryBudgetBytes ?? 2 ** 30) / bytes))
    this.#classical = hasClassicalControl(program.ops)
  }

  async run(): Promise<void> {
    this.#work.push(this.#start(this.#options.weight, []))
    for (let b = this.#work.pop(); b !== undefined; b = this.#work.pop()) {
      if (b.state === undefined) b = this.#start(b.weight, b.path)
      await this.#advance(b)
    }
  }

  /** A branch at the start of the program, replaying `forced` outcomes first. */
  #start(weight: number, forced: readonly number[]): Branch {
    return {
      state: resetToGround(this.#take()),
      clbits: new Uint8Array(this.#program.numClbits),
      weight,
      frames: [{ ops: this.#program.ops, index: 0, loop: undefined, iterations: 0 }],
      forced,
      forcedAt: 0,
      path: [],
    }
  }

  #take(): Float64Array {
    const reused = this.#free.pop()
    if (reused !== undefined) return reused
    this.#allocated++
    return this.#options.executor.allocate(this.#width)
  }

  #canCopy(): boolean {
    return this.#free.length > 0 || this.#allocated < this.#maxBuffers
  }

  /** Runs `b` to its end (pushing any branches it splits off). */
  async #advance(b: Branch): Promise<void> {
    const state = b.state!
    for (let frame = b.frames.at(-1); frame !== undefined; frame = b.frames.at(-1)) {
      if (frame.index >= frame.ops.length) {
        if (frame.loop !== undefined && evaluateCondition(frame.loop.condition, b.clbits)) {
          this.#countIteration(frame)
          frame.index = 0
        } else b.frames.pop()
        continue
      }
      const op = frame.ops[frame.index]!
      if (isEvolutionOp(op)) {
        const { steps, end } = this.#planAt(frame.ops, frame.index)
        frame.index = end
        await this.#evolve(state, steps)
        continue
      }
      frame.index++
      if (!this.#control(b, op)) {
        this.#free.push(state)
        return
      }
    }
    this.#onLeaf({ state, clbits: b.clbits, weight: b.weight })
    this.#free.push(state)
  }

  /**
   * Runs a measurement or enters a conditional or loop body.
   *
   * @returns false when the branch ends here (all its outcomes pruned)
   */
  #control(b: Branch, op: Exclude<DensityOp, EvolutionOp>): boolean {
    switch (op.kind) {
      case 'measure':
        return this.#measure(b, op)
      case 'conditional': {
        const body = evaluateCondition(op.condition, b.clbits) ? op.then : op.else
        if (body.length > 0) b.frames.push({ ops: body, index: 0, loop: undefined, iterations: 0 })
        return true
      }
      case 'while':
        if (evaluateCondition(op.condition, b.clbits)) {
          const loop = { ops: op.body, index: 0, loop: op, iterations: 0 }
          this.#countIteration(loop)
          b.frames.push(loop)
        }
        return true
    }
  }

  async #evolve(state: Float64Array, steps: readonly DensityStep[]): Promise<void> {
    const { executor, signal } = this.#options
    for (const step of steps) {
      if (step.kind === 'passes') {
        await executor.apply(state, step.passes, { numQubits: this.#width, signal })
      } else await runKernels(state, [step.kernel], { signal })
    }
  }

  #countIteration(frame: Frame): void {
    frame.iterations++
    const limit = this.#options.maxLoopIterations ?? 100_000
    if (frame.iterations > limit) {
      throw new SimulationError(
        'simulation.loop-limit',
        `a while loop ran more than ${limit} iterations`,
      )
    }
  }

  /** The plan of the evolution ops starting at `start` (cached per op list and position). */
  #planAt(
    ops: readonly DensityOp[],
    start: number,
  ): { readonly steps: readonly DensityStep[]; readonly end: number } {
    let byStart = this.#plans.get(ops)
    if (byStart === undefined) {
      byStart = new Map()
      this.#plans.set(ops, byStart)
    }
    const cached = byStart.get(start)
    if (cached !== undefined) return cached
    let end = start
    while (end < ops.length && isEvolutionOp(ops[end]!)) end++
    const run = ops.slice(start, end) as EvolutionOp[]
    const entry = { steps: densityPlan(run, this.#program.numQubits, this.#options.plan), end }
    byStart.set(start, entry)
    return entry
  }

  /**
   * Measures `op.qubit` in branch `b`, splitting off the other outcomes.
   *
   * @returns false when no outcome is left to follow (all pruned)
   */
  #measure(b: Branch, op: MeasureOp): boolean {
    const n = this.#program.numQubits
    const state = b.state!
    if (this.#options.mode === 'average' && !this.#classical) {
      dephaseQubit(state, op.qubit, n)
      return true
    }
    const p1 = probabilityOfOne(state, op.qubit, n)
    if (b.forcedAt < b.forced.length) {
      this.#apply(b, op, { event: b.forced[b.forcedAt++]!, p1, weight: b.weight })
      return true
    }
    const events = this.#outcomeWeights(b.weight, p1, op.qubit)
    if (events.length === 0) return false
    const [lightest, ...heavier] = events
    for (const [event, weight] of heavier) this.#splitOff(b, op, { event, p1, weight })
    this.#apply(b, op, { event: lightest![0], p1, weight: lightest![1] })
    return true
  }

  /** `[event, weight]` of the outcomes to follow, lightest first. */
  #outcomeWeights(weight: number, p1: number, qubit: number): [number, number][] {
    const readout = this.#options.readoutErrorFor?.(qubit)
    const w = new Float64Array(4)
    if (this.#options.mode === 'shots') {
      const rng = this.#options.rng
      for (let s = 0; s < weight; s++) {
        const t = rng.nextDouble() < p1 ? 1 : 0
        const r = readout === undefined ? t : readout.sample(t, rng.nextDouble())
        w[2 * t + r]!++
      }
    } else {
      for (let t = 0; t < 2; t++) {
        const pt = t === 1 ? p1 : 1 - p1
        for (let r = 0; r < 2; r++) {
          const pr = readout === undefined ? Number(r === t) : readout.probabilities[t]![r]!
          w[2 * t + r] = weight * pt * pr
        }
      }
    }
    const cutoff = this.#options.mode === 'shots' ? 0 : AVERAGE_WEIGHT_CUTOFF
    return Array.from(w, (x, event): [number, number] => [event, x])
      .filter(([, x]) => x > cutoff)
      .sort((a, c) => a[1] - c[1])
  }

  /** Pushes a branch for `event`, with a copy of the state when the budget allows. */
  #splitOff(b: Branch, op: MeasureOp, outcome: Outcome): void {
    this.#countSplit()
    const path = [...b.path, outcome.event]
    if (!this.#canCopy()) {
      // Replayed from the start later: only the weight and the outcome path matter.
      this.#work.push({
        state: undefined,
        clbits: new Uint8Array(0),
        weight: outcome.weight,
        frames: [],
        forced: [],
        forcedAt: 0,
        path,
      })
      return
    }
    const copy = this.#take()
    copy.set(b.state!)
    const branch: Branch = {
      state: copy,
      clbits: Uint8Array.from(b.clbits),
      weight: b.weight,
      frames: b.frames.map((f) => ({ ...f })),
      forced: b.forced,
      forcedAt: b.forcedAt,
      path: [...b.path],
    }
    this.#apply(branch, op, outcome)
    this.#work.push(branch)
  }

  #countSplit(): void {
    if (this.#options.mode !== 'average') return
    const limit = this.#options.maxBranches ?? 65_536
    if (++this.#splits > limit) {
      throw new SimulationError(
        'simulation.unsupported-operation',
        `averaging over mid-circuit measurement outcomes needs more than ${limit} branches; sample shots instead`,
      )
    }
  }

  /** Collapses `b` onto `outcome.event` (true value, recorded value) and takes its weight. */
  #apply(b: Branch, op: MeasureOp, outcome: Outcome): void {
    const t = (outcome.event >> 1) as 0 | 1
    const probability = t === 1 ? outcome.p1 : 1 - outcome.p1
    if (probability < 1) {
      projectQubit(b.state!, {
        qubit: op.qubit,
        numQubits: this.#program.numQubits,
        outcome: t,
        probability,
      })
    }
    b.clbits[op.clbit] = outcome.event & 1
    b.weight = outcome.weight
    b.path.push(outcome.event)
  }
}

interface Outcome {
  /** `2·true + recorded`. */
  readonly event: number
  /** `P(1)` of the measured qubit. */
  readonly p1: number
  /** The weight of the branch that follows it. */
  readonly weight: number
}
