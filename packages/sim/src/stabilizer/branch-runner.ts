/**
 * Runs a program's shots by shot branching: all shots of a branch share one tableau until a
 * measurement or reset with a random outcome splits them (the number reading 1 is drawn from a
 * fair binomial, so the statistics are those of independent shots). Deterministic outcomes and
 * gates are computed once per branch, and a branch that reaches the terminal-measurement tail
 * samples all its shots from the Z-basis distribution of its state.
 */
import { applyGates } from './apply-gates.js'
import { popcount32 } from './bit-words.js'
import type { CliffordTable } from './clifford-table.js'
import { conditionHolds } from './condition-holds.js'
import type { OutcomeTally } from './outcome-tally.js'
import type { Pacer } from './pacer.js'
import { sampleTerminal } from './sample-terminal.js'
import { StabilizerError } from './stabilizer-error.js'
import type { StabilizerOp } from './stabilizer-program.js'
import type { StabilizerTableau } from './stabilizer-tableau.js'
import { anticommutingStabilizer, type RandomBits } from './tableau-measure.js'
import type { TerminalTail } from './terminal-tail.js'

/** What the runner needs besides the branches. */
export interface BranchRunnerOptions {
  readonly ops: readonly StabilizerOp[]
  readonly tables: readonly CliffordTable[]
  /** The terminal tail of `ops`. */
  readonly tail: TerminalTail
  readonly numClbits: number
  readonly rng: RandomBits
  readonly tally: OutcomeTally
  readonly pacer: Pacer
  /** Iterations one while loop may run per branch. */
  readonly maxLoopIterations: number
}

interface Frame {
  readonly ops: readonly StabilizerOp[]
  index: number
  readonly loop: Extract<StabilizerOp, { kind: 'while' }> | undefined
  iterations: number
}

interface Branch {
  readonly tableau: StabilizerTableau
  readonly clbits: Uint8Array
  shots: number
  readonly frames: Frame[]
}

/** Gates applied between cancellation checks. */
export const GATE_CHUNK = 4096

/**
 * The number of ones among `shots` fair coin flips.
 *
 * @param shots - a non-negative integer
 * @param rng - the coin
 * @returns a Binomial(shots, 1/2) draw
 */
export function fairBinomial(shots: number, rng: RandomBits): number {
  let ones = 0
  for (let left = shots; left > 0; left -= 32) {
    const word = rng.nextUint32()
    ones += popcount32(left >= 32 ? word : word & ((1 << left) - 1))
  }
  return ones
}

/** Runs branches depth first until every shot is recorded. */
export class BranchRunner {
  readonly #o: BranchRunnerOptions
  readonly #pending: Branch[] = []
  #hasSplit = false

  /**
   * @param options - the program, its tail, randomness, where to record, limits
   */
  constructor(options: BranchRunnerOptions) {
    this.#o = options
  }

  /** Whether shots were ever split into branches (their memory then needs shuffling). */
  get hasSplit(): boolean {
    return this.#hasSplit
  }

  /**
   * Runs `shots` shots from `tableau` (which the runner takes over and modifies).
   *
   * @param tableau - the starting state
   * @param shots - the number of shots
   * @returns when every shot is recorded
   * @throws StabilizerError `sim.stabilizer.loop-limit`; the signal's reason when aborted
   */
  async run(tableau: StabilizerTableau, shots: number): Promise<void> {
    if (shots === 0) return
    const root: Frame = { ops: this.#o.ops, index: 0, loop: undefined, iterations: 0 }
    this.#pending.push({
      tableau,
      clbits: new Uint8Array(this.#o.numClbits),
      shots,
      frames: [root],
    })
    for (let b = this.#pending.pop(); b !== undefined; b = this.#pending.pop()) {
      await this.advance(b)
    }
  }

  private async advance(b: Branch): Promise<void> {
    const { tail, pacer } = this.#o
    for (let steps = 1; ; steps++) {
      if ((steps & 63) === 0) await pacer.tick()
      const frame = b.frames.at(-1)
      if (frame === undefined) {
        this.#o.tally.addBits(b.clbits, b.shots)
        return
      }
      if (b.frames.length === 1 && frame.index === tail.start) {
        await this.sampleTail(b)
        return
      }
      if (frame.index >= frame.ops.length) {
        this.endFrame(b, frame)
        continue
      }
      await this.step(b, frame.ops[frame.index++]!)
    }
  }

  private async step(b: Branch, op: StabilizerOp): Promise<void> {
    switch (op.kind) {
      case 'gates':
        await this.applyStream(b.tableau, op.code)
        break
      case 'measure':
        this.collapse(b, op.qubit, (branch, outcome) => {
          branch.clbits[op.clbit] = outcome
        })
        break
      case 'reset':
        this.collapse(b, op.qubit, (branch, outcome) => {
          if (outcome === 1) branch.tableau.x(op.qubit)
        })
        break
      case 'if':
        b.frames.push({
          ops: conditionHolds(op.condition, b.clbits) ? op.then : op.else,
          index: 0,
          loop: undefined,
          iterations: 0,
        })
        break
      case 'while':
        if (conditionHolds(op.condition, b.clbits))
          b.frames.push({ ops: op.body, index: 0, loop: op, iterations: 1 })
        break
    }
  }

  private endFrame(b: Branch, frame: Frame): void {
    const { loop } = frame
    if (loop === undefined || !conditionHolds(loop.condition, b.clbits)) {
      b.frames.pop()
      return
    }
    if (++frame.iterations > this.#o.maxLoopIterations) {
      throw new StabilizerError(
        'sim.stabilizer.loop-limit',
        `a while loop ran more than ${this.#o.maxLoopIterations} iterations in one shot`,
      )
    }
    frame.index = 0
  }

  /**
   * Measures `q` in every shot of `b`: a deterministic outcome applies to all of them; a random
   * one splits off the shots reading 1 into a new pending branch. `then` records the outcome.
   */
  private collapse(b: Branch, q: number, then: (branch: Branch, outcome: 0 | 1) => void): void {
    if (anticommutingStabilizer(b.tableau, q) < 0) {
      then(b, b.tableau.measure(q, this.#o.rng))
      return
    }
    const total = b.shots
    const ones = fairBinomial(total, this.#o.rng)
    if (ones === total) {
      b.tableau.measure(q, FORCE_ONE)
      then(b, 1)
      return
    }
    if (ones > 0) {
      this.#hasSplit = true
      const split: Branch = {
        tableau: b.tableau.clone(),
        clbits: b.clbits.slice(),
        shots: ones,
        frames: b.frames.map((f) => ({ ...f })),
      }
      split.tableau.measure(q, FORCE_ONE)
      then(split, 1)
      this.#pending.push(split)
      b.shots = total - ones
    }
    b.tableau.measure(q, FORCE_ZERO)
    then(b, 0)
  }

  private async sampleTail(b: Branch): Promise<void> {
    const { tail, numClbits, rng, tally, pacer } = this.#o
    for (const code of tail.streams) await this.applyStream(b.tableau, code)
    const initial = new Uint32Array((numClbits + 31) >>> 5)
    for (let c = 0; c < numClbits; c++) if (b.clbits[c] === 1) initial[c >>> 5]! |= 1 << (c & 31)
    await sampleTerminal(b.tableau, {
      measures: tail.measures,
      numClbits,
      shots: b.shots,
      rng,
      tally,
      pacer,
      initial,
    })
  }

  private async applyStream(t: StabilizerTableau, code: Int32Array): Promise<void> {
    const stream = { code, tables: this.#o.tables }
    for (let i = 0; i < code.length;) {
      i = applyGates(t, stream, { from: i, maxGates: GATE_CHUNK })
      await this.#o.pacer.tick()
    }
  }
}

/** Outcome sources that force a random measurement's result (the split already drew it). */
const FORCE_ONE: RandomBits = { nextUint32: () => 0x80000000 }
const FORCE_ZERO: RandomBits = { nextUint32: () => 0 }
