/**
 * Simulates programs with mid-circuit measurement, reset and classical control per shot, by
 * shot branching: all shots of a branch share one state until a measurement or reset splits
 * them by sampled outcome (each shot drawing its own outcome, so the statistics are exactly
 * those of independent shots). Branches run depth-first; a split copies the state while the
 * memory budget allows, and otherwise the second branch records its outcome path and is
 * replayed later from the shared prefix state.
 */
import type { BuildPlanOptions } from '../plan/build-plan.js'
import { buildPlan } from '../plan/build-plan.js'
import type { PassSpec } from '../plan/pass-spec.js'
import type { PlanExecutor } from '../plan/plan-executor.js'
import type { Rng } from '../random/seeded-rng.js'
import { SimulationError } from '../simulation-error.js'
import { isUnitaryOp, type SimOp, type UnitaryOp, type WhileOp } from '../sim-program.js'
import { evaluateCondition } from './evaluate-condition.js'
import { collapseQubit, flipQubit, probabilityOfOne } from './measure-qubit.js'

/** Options of {@link runBranches}. */
export interface BranchRunOptions {
  readonly numQubits: number
  readonly numClbits: number
  readonly shots: number
  readonly rng: Rng
  readonly executor: PlanExecutor
  readonly plan?: Omit<BuildPlanOptions, 'numQubits' | 'dropTrailingDiagonals'> | undefined
  readonly signal?: AbortSignal | undefined
  /** Memory for state copies (default 1 GiB); at least two states are always allowed. */
  readonly memoryBudgetBytes?: number | undefined
  /** Iterations one while loop may run per branch (default 100 000). */
  readonly maxLoopIterations?: number | undefined
}

/** A finished branch: its final state, classical bits and number of shots. */
export interface Leaf {
  readonly state: Float64Array
  readonly clbits: Uint8Array
  readonly shots: number
}

interface Frame {
  readonly ops: readonly SimOp[]
  index: number
  readonly loop: WhileOp | undefined
  iterations: number
}

interface Branch {
  state: Float64Array | undefined
  readonly clbits: Uint8Array
  shots: number
  readonly frames: Frame[]
  /** Outcomes to replay before sampling again (for branches without a state copy). */
  readonly forced: readonly number[]
  forcedAt: number
  /** Outcomes of every measurement and reset so far, from the start. */
  readonly path: number[]
}

/**
 * Runs `body` for `options.shots` shots starting from `initial`, calling `onLeaf` once per
 * finished branch (the leaf's buffers are reused afterwards: read them before returning).
 *
 * @param body - the ops, starting after any shared unitary prefix
 * @param initial - the starting state (left untouched when branches may need replaying)
 * @param options - sizes, shots, randomness, executor, limits
 * @param onLeaf - receives each finished branch
 * @returns when every shot is done
 * @throws SimulationError `simulation.loop-limit` for a runaway while loop; the signal's reason
 *   when aborted
 */
export async function runBranches(
  body: readonly SimOp[],
  initial: Float64Array,
  options: BranchRunOptions & { readonly onLeaf: (leaf: Leaf) => void },
): Promise<void> {
  const runner = new BranchRunner(body, initial, options)
  await runner.run()
}

class BranchRunner {
  private readonly free: Float64Array[] = []
  private allocated = 1
  private readonly maxBuffers: number
  private readonly work: Branch[] = []
  private readonly plans = new WeakMap<
    readonly SimOp[],
    Map<number, { plan: PassSpec[]; end: number }>
  >()
  private readonly base: Float64Array

  constructor(
    private readonly body: readonly SimOp[],
    initial: Float64Array,
    private readonly options: BranchRunOptions & { readonly onLeaf: (leaf: Leaf) => void },
  ) {
    const bytes = initial.byteLength
    this.maxBuffers = Math.max(2, Math.floor((options.memoryBudgetBytes ?? 2 ** 30) / bytes))
    this.base = initial
    const mayReplay = options.shots > 1 && hasRandomEvents(body)
    let state = initial
    if (mayReplay) {
      state = this.takeBuffer()
      state.set(initial)
    }
    this.work.push({
      state,
      clbits: new Uint8Array(options.numClbits),
      shots: options.shots,
      frames: [rootFrame(body)],
      forced: [],
      forcedAt: 0,
      path: [],
    })
  }

  async run(): Promise<void> {
    for (let b = this.work.pop(); b !== undefined; b = this.work.pop()) {
      if (b.state === undefined) {
        b.state = this.takeBuffer()
        b.state.set(this.base)
      }
      await this.advance(b)
      this.options.onLeaf({ state: b.state, clbits: b.clbits, shots: b.shots })
      if (b.state !== this.base) this.free.push(b.state)
    }
  }

  private takeBuffer(): Float64Array {
    const reused = this.free.pop()
    if (reused !== undefined) return reused
    this.allocated++
    return this.options.executor.allocate(this.options.numQubits)
  }

  private canCopy(): boolean {
    return this.free.length > 0 || this.allocated < this.maxBuffers
  }

  private async advance(b: Branch): Promise<void> {
    const { signal } = this.options
    for (;;) {
      signal?.throwIfAborted()
      const frame = b.frames.at(-1)
      if (frame === undefined) return
      if (frame.index >= frame.ops.length) {
        this.endOfFrame(b, frame)
        continue
      }
      const op = frame.ops[frame.index]!
      if (isUnitaryOp(op)) {
        const { plan, end } = this.unitaryRun(frame.ops, frame.index)
        await this.options.executor.apply(b.state!, plan, {
          numQubits: this.options.numQubits,
          signal,
        })
        frame.index = end
        continue
      }
      frame.index++
      switch (op.kind) {
        case 'measure':
          this.randomEvent(b, op.qubit, (branch, outcome) => {
            branch.clbits[op.clbit] = outcome
          })
          break
        case 'reset':
          this.randomEvent(b, op.qubit, (branch, outcome) => {
            if (outcome === 1) flipQubit(branch.state!, op.qubit)
          })
          break
        case 'conditional':
          b.frames.push(rootFrame(evaluateCondition(op.condition, b.clbits) ? op.then : op.else))
          break
        case 'while':
          if (evaluateCondition(op.condition, b.clbits))
            b.frames.push({ ops: op.body, index: 0, loop: op, iterations: 1 })
          break
      }
    }
  }

  private endOfFrame(b: Branch, frame: Frame): void {
    if (frame.loop !== undefined && evaluateCondition(frame.loop.condition, b.clbits)) {
      const limit = this.options.maxLoopIterations ?? 100_000
      if (++frame.iterations > limit) {
        throw new SimulationError(
          'simulation.loop-limit',
          `a while loop ran more than ${limit} iterations`,
        )
      }
      frame.index = 0
      return
    }
    b.frames.pop()
  }

  /** A measurement or reset: samples outcomes for the branch's shots and splits if needed. */
  private randomEvent(
    b: Branch,
    qubit: number,
    effect: (branch: Branch, outcome: 0 | 1) => void,
  ): void {
    const state = b.state!
    const p1 = probabilityOfOne(state, qubit)
    let outcome: 0 | 1
    if (b.forcedAt < b.forced.length) {
      outcome = b.forced[b.forcedAt++] === 1 ? 1 : 0
    } else {
      const ones = this.countOnes(b.shots, p1)
      outcome = ones === b.shots ? 1 : 0
      if (ones > 0 && ones < b.shots) {
        this.work.push(this.sibling(b, { qubit, p1, shots: ones, effect }))
        b.shots -= ones
      }
    }
    collapseQubit(state, { qubit, outcome, probability: outcome === 1 ? p1 : 1 - p1 })
    b.path.push(outcome)
    effect(b, outcome)
  }

  private countOnes(shots: number, p1: number): number {
    if (p1 <= 0) return 0
    if (p1 >= 1) return shots
    let ones = 0
    for (let s = 0; s < shots; s++) if (this.options.rng.nextDouble() < p1) ones++
    return ones
  }

  /** The branch of the shots that read 1: a collapsed copy, or a path to replay later. */
  private sibling(
    b: Branch,
    e: {
      qubit: number
      p1: number
      shots: number
      effect: (branch: Branch, outcome: 0 | 1) => void
    },
  ): Branch {
    if (!this.canCopy()) {
      return {
        state: undefined,
        clbits: new Uint8Array(this.options.numClbits),
        shots: e.shots,
        frames: [rootFrame(this.body)],
        forced: [...b.path, 1],
        forcedAt: 0,
        path: [],
      }
    }
    const state = this.takeBuffer()
    state.set(b.state!)
    collapseQubit(state, { qubit: e.qubit, outcome: 1, probability: e.p1 })
    const sib: Branch = {
      state,
      clbits: Uint8Array.from(b.clbits),
      shots: e.shots,
      frames: b.frames.map((f) => ({ ...f })),
      forced: [],
      forcedAt: 0,
      path: [...b.path, 1],
    }
    e.effect(sib, 1)
    return sib
  }

  private unitaryRun(ops: readonly SimOp[], start: number): { plan: PassSpec[]; end: number } {
    let cache = this.plans.get(ops)
    if (cache === undefined) {
      cache = new Map()
      this.plans.set(ops, cache)
    }
    const hit = cache.get(start)
    if (hit !== undefined) return hit
    let end = start
    const run: UnitaryOp[] = []
    for (let op = ops[end]; op !== undefined && isUnitaryOp(op); op = ops[++end]) run.push(op)
    const entry = {
      plan: buildPlan(run, { ...this.options.plan, numQubits: this.options.numQubits }),
      end,
    }
    cache.set(start, entry)
    return entry
  }
}

function rootFrame(ops: readonly SimOp[]): Frame {
  return { ops, index: 0, loop: undefined, iterations: 0 }
}

function hasRandomEvents(ops: readonly SimOp[]): boolean {
  return ops.some((op) => {
    switch (op.kind) {
      case 'measure':
      case 'reset':
        return true
      case 'conditional':
        return hasRandomEvents(op.then) || hasRandomEvents(op.else)
      case 'while':
        return hasRandomEvents(op.body)
      case 'matrix':
      case 'diagonal':
      case 'permutation':
      case 'controlled':
      case 'global-phase':
        return false
    }
  })
}
