import type { CouplingEdge } from './coupling-map.js'
import type { TargetEntry } from './target-operation.js'

/**
 * The directed edges of a target's coupling graph, Qiskit's `_build_coupling_graph`: one edge
 * per 2-qubit qargs of any instruction, in order of first appearance (instructions in insertion
 * order, then their qargs). `null` — no connectivity constraint — when a 2-qubit instruction is
 * global, or when there is no edge at all and some instruction is global. Entries on more than
 * two qubits are ignored (Qiskit logs a warning).
 *
 * @param entries - the target's instructions, in insertion order
 * @param hasGlobalEntry - whether some (non-class) instruction has a global entry
 * @returns the edges, or `null`
 */
export function couplingEdgesOf(
  entries: Iterable<TargetEntry>,
  hasGlobalEntry: boolean,
): CouplingEdge[] | null {
  const edges: CouplingEdge[] = []
  const seen = new Set<string>()
  for (const entry of entries) {
    for (const [qargs] of entry.props.values()) {
      if (qargs === null) {
        if (entry.numQubits === 2) return null
        continue
      }
      if (qargs.length !== 2) continue
      const key = qargs.join(',')
      if (seen.has(key)) continue
      seen.add(key)
      edges.push([qargs[0]!, qargs[1]!])
    }
  }
  if (edges.length === 0 && hasGlobalEntry) return null
  return edges
}

/**
 * The names of the instructions that are not available everywhere (Qiskit's
 * `get_non_global_operation_names`): a 1-qubit instruction missing on some qubit, or a k-qubit
 * instruction missing on some k-qubit qargs the target has. Without `strictDirection`, qargs are
 * compared as sets, so `cx` on `(0, 1)` and `ecr` on `(1, 0)` are both complete.
 *
 * @param entries - the target's instructions, in insertion order
 * @param allQargs - every qargs of the target (without the global `null`)
 * @param options - the target's qubit count and the direction rule
 * @returns the names, in insertion order
 */
export function nonGlobalOperationNames(
  entries: Iterable<TargetEntry>,
  allQargs: readonly (readonly number[])[],
  options: { readonly numQubits: number; readonly strictDirection: boolean },
): string[] {
  const normalise = (qargs: readonly number[]): string =>
    options.strictDirection ? qargs.join(',') : [...qargs].sort((a, b) => a - b).join(',')
  const sizes = new Map<number, Set<string>>()
  for (const qargs of allQargs) {
    if (qargs.length === 1) continue
    const set = sizes.get(qargs.length) ?? new Set<string>()
    set.add(normalise(qargs))
    sizes.set(qargs.length, set)
  }
  const expected = (arity: number): number =>
    arity === 1 ? options.numQubits : (sizes.get(arity)?.size ?? 0)
  const out: string[] = []
  for (const entry of entries) {
    const first = entry.props.values().next()
    if (first.done === true || first.value[0] === null) continue
    const arity = first.value[0].length
    const distinct = new Set<string>()
    for (const [qargs] of entry.props.values()) if (qargs !== null) distinct.add(normalise(qargs))
    if (distinct.size !== expected(arity)) out.push(entry.name)
  }
  return out
}
