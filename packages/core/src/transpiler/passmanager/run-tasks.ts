import { DagCircuit } from '../dag/dag-circuit.js'
import { TranspilerError } from '../transpiler-error.js'
import type { Pass, PassSignal, Task } from './pass.js'
import type { PropertySet } from './property-set.js'

/** What the callback of a pass-manager run hears after each pass. */
export interface PassEvent {
  /** The pass that just ran. */
  readonly pass: Pass
  /** The DAG after it. */
  readonly dag: DagCircuit
  /** How long it took, in milliseconds. */
  readonly timeMs: number
  /** The run's property set. */
  readonly propertySet: PropertySet
  /** How many passes have run so far (this one included). */
  readonly count: number
}

/** A callback run after every pass (Qiskit's `callback`). */
export type PassCallback = (event: PassEvent) => void

/** The state of one run. @internal */
export interface RunState {
  readonly propertySet: PropertySet
  readonly signal?: PassSignal | undefined
  readonly callback?: PassCallback | undefined
  /** Keys of the passes that ran and are still valid (cleared by every transformation). */
  readonly valid: Set<string>
  count: number
}

const DEFAULT_MAX_ITERATIONS = 1000

/**
 * Runs tasks on a DAG in order: passes (with their requirements first), and flow controllers.
 *
 * @param tasks - the tasks
 * @param dag - the input DAG
 * @param state - the run's state
 * @returns the output DAG
 * @throws TranspilerError `transpiler.invalid-pass` for a pass that breaks its contract; whatever
 *   a pass throws; the signal's reason when aborted
 * @internal
 */
export function runTasks(tasks: readonly Task[], dag: DagCircuit, state: RunState): DagCircuit {
  let current = dag
  for (const task of tasks) {
    switch (task.kind) {
      case 'analysis':
      case 'transformation':
        current = runPass(task, current, state)
        break
      case 'conditional':
        if (task.condition(state.propertySet)) current = runTasks(task.tasks, current, state)
        break
      case 'do-while': {
        const max = task.maxIterations ?? DEFAULT_MAX_ITERATIONS
        let rounds = 0
        do {
          if (rounds++ >= max) {
            throw new TranspilerError(
              'transpiler.failed',
              `a do-while flow controller did not converge in ${max} iterations`,
            )
          }
          current = runTasks(task.tasks, current, state)
        } while (task.condition(state.propertySet))
        break
      }
      default:
        throw new TranspilerError(
          'transpiler.invalid-pass',
          `not a pass or flow controller: ${JSON.stringify((task as { kind?: unknown }).kind)}`,
        )
    }
  }
  return current
}

function runPass(pass: Pass, dag: DagCircuit, state: RunState): DagCircuit {
  let current = dag
  for (const required of pass.requires ?? []) {
    if (!state.valid.has(keyOf(required))) current = runPass(required, current, state)
  }
  state.signal?.throwIfAborted()
  const start = Date.now()
  const context = { propertySet: state.propertySet, signal: state.signal }
  if (pass.kind === 'analysis') {
    pass.run(current, context)
    state.valid.add(keyOf(pass))
  } else {
    const out = pass.run(current, context)
    if (!(out instanceof DagCircuit)) {
      throw new TranspilerError(
        'transpiler.invalid-pass',
        `the transformation pass '${pass.name}' did not return a DagCircuit`,
      )
    }
    current = out
    state.valid.clear()
    state.valid.add(keyOf(pass))
  }
  state.count++
  state.callback?.({
    pass,
    dag: current,
    timeMs: Date.now() - start,
    propertySet: state.propertySet,
    count: state.count,
  })
  return current
}

function keyOf(pass: Pass): string {
  return pass.key ?? pass.name
}
