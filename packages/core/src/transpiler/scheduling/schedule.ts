import type { InstructionDurations } from '../../target/instruction-durations.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'
import { nodeDuration } from './node-duration.js'

/** A schedule: each node's start time and the circuit's total duration, in `dt`. */
export interface Schedule {
  readonly startTimes: ReadonlyMap<number, number>
  readonly duration: number
}

/** The wires whose availability a node waits for: its qubits and clbits (conditions too). */
function wireKeys(dag: DagCircuit, node: DagOpNode): number[] {
  return dag.nodeWires(node).map((w) => (w.kind === 'qubit' ? w.index : -w.index - 1))
}

/**
 * Schedules every operation as soon as its wires are free (Qiskit's `ASAPScheduleAnalysis`).
 *
 * @param dag - the circuit (physical qubits)
 * @param durations - the target's durations
 * @returns the start times and the total duration
 * @throws TranspilerError `transpiler.scheduling` for an operation without a duration
 */
export function asapSchedule(dag: DagCircuit, durations: InstructionDurations): Schedule {
  const free = new Map<number, number>()
  const startTimes = new Map<number, number>()
  let duration = 0
  for (const node of dag.topologicalOpNodes()) {
    const wires = wireKeys(dag, node)
    const start = Math.max(0, ...wires.map((w) => free.get(w) ?? 0))
    const end = start + nodeDuration(node, durations)
    for (const w of wires) free.set(w, end)
    startTimes.set(node.id, start)
    duration = Math.max(duration, end)
  }
  return { startTimes, duration }
}

/**
 * Schedules every operation as late as its successors allow (Qiskit's `ALAPScheduleAnalysis`):
 * an ASAP schedule of the reversed circuit, mirrored. Idle time gathers at the start, so
 * qubits are prepared as late as possible and decohere less before measurement.
 *
 * @param dag - the circuit (physical qubits)
 * @param durations - the target's durations
 * @returns the start times and the total duration
 * @throws TranspilerError `transpiler.scheduling` for an operation without a duration
 */
export function alapSchedule(dag: DagCircuit, durations: InstructionDurations): Schedule {
  const free = new Map<number, number>()
  const endFromBack = new Map<number, number>()
  const lengths = new Map<number, number>()
  let duration = 0
  for (const node of dag.topologicalOpNodes().reverse()) {
    const wires = wireKeys(dag, node)
    const length = nodeDuration(node, durations)
    const fromBack = Math.max(0, ...wires.map((w) => free.get(w) ?? 0))
    for (const w of wires) free.set(w, fromBack + length)
    endFromBack.set(node.id, fromBack)
    lengths.set(node.id, length)
    duration = Math.max(duration, fromBack + length)
  }
  const startTimes = new Map<number, number>()
  for (const [id, fromBack] of endFromBack) {
    startTimes.set(id, duration - fromBack - lengths.get(id)!)
  }
  return { startTimes, duration }
}
