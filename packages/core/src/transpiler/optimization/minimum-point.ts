import type { DagCircuit } from '../dag/dag-circuit.js'
import type { AnalysisPass, PassContext, TransformationPass } from '../passmanager/pass.js'
import { countMultiQubitOps } from './circuit-metrics.js'

/** The state of an optimisation loop: the best circuit so far and how long ago it was found. */
export interface MinimumPointState {
  /** The best circuit seen. */
  readonly best: DagCircuit | undefined
  /** Its score: multi-qubit gate count, depth, size (compared in that order). */
  readonly score: readonly number[]
  /** Rounds since the best was found. */
  readonly staleRounds: number
  /** Whether the loop should stop (the output is then the best circuit). */
  readonly done: boolean
}

declare module '../passmanager/property-set.js' {
  interface PropertySetTypes {
    /** The optimisation loop's progress (`MinimumPoint`). */
    minimumPoint: MinimumPointState
  }
}

/**
 * The score of a circuit in an optimisation loop: two-qubit gates first (they dominate error),
 * then depth, then size.
 *
 * @param dag - the circuit
 * @returns `[multi-qubit ops, depth, size]`
 */
export function optimizationScore(dag: DagCircuit): number[] {
  return [countMultiQubitOps(dag), dag.depth(), dag.size()]
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! < (b[i] ?? Infinity)
  }
  return false
}

/**
 * Starts an optimisation loop: clears the `minimumPoint` state. Put it before the
 * `doWhile` whose last pass is a {@link MinimumPoint}.
 */
export class ResetMinimumPoint implements AnalysisPass {
  readonly name = 'ResetMinimumPoint'
  readonly kind = 'analysis' as const

  /**
   * @param _dag - unused
   * @param context - the property set
   */
  run(_dag: DagCircuit, context: PassContext): void {
    context.propertySet.set('minimumPoint', {
      best: undefined,
      score: [Infinity],
      staleRounds: 0,
      done: false,
    })
  }
}

/**
 * Ends a round of an optimisation loop (Qiskit's `MinimumPoint`): remembers the best circuit by
 * {@link optimizationScore}; once `patience` rounds in a row bring no improvement it sets
 * `minimumPoint.done` and returns the best circuit seen, so a loop that wanders never ends
 * worse than its best round.
 *
 * @example
 * ```ts
 * const loop = [new ResetMinimumPoint(), doWhile([...passes, new MinimumPoint()], (ps) => !ps.get('minimumPoint')?.done)]
 * ```
 */
export class MinimumPoint implements TransformationPass {
  readonly name = 'MinimumPoint'
  readonly kind = 'transformation' as const
  readonly #patience: number

  /** @param patience - rounds without improvement before stopping (default 1: a fixed point) */
  constructor(patience = 1) {
    this.#patience = patience
  }

  /**
   * @param dag - the circuit after this round
   * @param context - the property set holding the loop state
   * @returns `dag`, or the best circuit when the loop is done
   */
  run(dag: DagCircuit, context: PassContext): DagCircuit {
    const state = context.propertySet.get('minimumPoint') ?? {
      best: undefined,
      score: [Infinity],
      staleRounds: 0,
      done: false,
    }
    const score = optimizationScore(dag)
    if (state.best === undefined || lessThan(score, state.score)) {
      context.propertySet.set('minimumPoint', { best: dag, score, staleRounds: 0, done: false })
      return dag
    }
    const staleRounds = state.staleRounds + 1
    const done = staleRounds >= this.#patience
    context.propertySet.set('minimumPoint', { ...state, staleRounds, done })
    return done ? state.best : dag
  }
}
