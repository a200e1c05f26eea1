import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import { circuitToDag } from '../dag/circuit-to-dag.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import { dagToCircuit } from '../dag/dag-to-circuit.js'
import { setTranspileLayout, TranspileLayout } from '../layout/transpile-layout.js'
import type { PassSignal, Task } from './pass.js'
import { PropertySet } from './property-set.js'
import { runTasks, type PassCallback } from './run-tasks.js'

/** Options of a pass-manager run. */
export interface PassManagerRunOptions {
  /** Aborts between passes (rejects with `signal.reason`). */
  readonly signal?: PassSignal | undefined
  /** Called after every pass. */
  readonly callback?: PassCallback | undefined
  /** A property set to start from (it is copied, never changed). */
  readonly propertySet?: PropertySet | undefined
}

/** The output of {@link PassManager.runWithPropertySet}. */
export interface PassManagerResult {
  /** The output circuit (with the input's name, and its layout attached when one was set). */
  readonly circuit: QuantumCircuit
  /** The property set at the end of the run. */
  readonly propertySet: PropertySet
}

/** The output of {@link PassManager.runDag}. */
export interface PassManagerDagResult {
  readonly dag: DagCircuit
  readonly propertySet: PropertySet
}

/**
 * Runs a list of tasks (passes and flow controllers) on circuits (Qiskit's `PassManager`).
 * Every run starts with a fresh {@link PropertySet}; the input circuit is never changed. The
 * output keeps the input's name and, when a layout pass ran, carries a {@link TranspileLayout}
 * (read it with `getTranspileLayout(circuit)`).
 *
 * @example
 * ```ts
 * const pm = new PassManager([new TrivialLayout(target), new ApplyLayout(), new SabreSwap(target)])
 * const routed = pm.run(circuit)
 * getTranspileLayout(routed)?.routingPermutation()
 * ```
 */
export class PassManager {
  readonly #tasks: Task[]

  /** @param tasks - the tasks, in order */
  constructor(tasks: readonly Task[] = []) {
    this.#tasks = [...tasks]
  }

  /** The tasks, in order. */
  get tasks(): readonly Task[] {
    return this.#tasks
  }

  /**
   * Appends tasks (builds in place).
   *
   * @returns this pass manager
   */
  append(...tasks: Task[]): this {
    this.#tasks.push(...tasks)
    return this
  }

  /**
   * Runs the tasks on one circuit, or on each of a list.
   *
   * @param circuits - a circuit or a list of circuits
   * @param options - signal, callback, initial property set
   * @returns the output circuit, or one per input
   * @throws TranspilerError (or a subclass) when a pass fails; the signal's reason on abort
   */
  run(circuits: QuantumCircuit, options?: PassManagerRunOptions): QuantumCircuit
  run(circuits: readonly QuantumCircuit[], options?: PassManagerRunOptions): QuantumCircuit[]
  run(
    circuits: QuantumCircuit | readonly QuantumCircuit[],
    options: PassManagerRunOptions = {},
  ): QuantumCircuit | QuantumCircuit[] {
    if (isCircuitList(circuits)) return circuits.map((c) => this.run(c, options))
    return this.runWithPropertySet(circuits, options).circuit
  }

  /**
   * Runs the tasks on one circuit and returns the property set too.
   *
   * @param circuit - the input circuit
   * @param options - signal, callback, initial property set
   * @returns the output circuit and the final property set
   * @throws as {@link run}
   */
  runWithPropertySet(
    circuit: QuantumCircuit,
    options: PassManagerRunOptions = {},
  ): PassManagerResult {
    const { dag, propertySet } = this.runDag(circuitToDag(circuit), options)
    const out = dagToCircuit(dag)
    out.name = circuit.name
    const layout = propertySet.get('layout')
    if (layout !== undefined) {
      setTranspileLayout(
        out,
        new TranspileLayout({
          initialLayout: layout,
          inputQubits: circuit.qubits,
          finalLayout: propertySet.get('finalLayout'),
          outputQubitCount: out.numQubits,
        }),
      )
    }
    return { circuit: out, propertySet }
  }

  /**
   * Runs the tasks on a DAG (for nesting pass managers and for tests).
   *
   * @param dag - the input DAG (not changed by well-behaved passes)
   * @param options - signal, callback, initial property set
   * @returns the output DAG and the final property set
   * @throws as {@link run}
   */
  runDag(dag: DagCircuit, options: PassManagerRunOptions = {}): PassManagerDagResult {
    const propertySet = options.propertySet?.copy() ?? new PropertySet()
    options.signal?.throwIfAborted()
    const out = runTasks(this.#tasks, dag, {
      propertySet,
      signal: options.signal,
      callback: options.callback,
      valid: new Set(),
      count: 0,
    })
    return { dag: out, propertySet }
  }
}

function isCircuitList(
  value: QuantumCircuit | readonly QuantumCircuit[],
): value is readonly QuantumCircuit[] {
  return Array.isArray(value)
}
