import { EQUIVALENCE_BASES, ruleIntoBasis, type EquivalenceBasis } from './basis-rules.js'
import type { EquivalenceRule } from './equivalence-rule.js'
import { ONE_QUBIT_RULES } from './standard-equivalences-1q.js'
import { MULTI_QUBIT_RULES } from './standard-equivalences-multi.js'
import { standardGateDefinition } from './standard-gate-definitions.js'
import {
  STANDARD_GATE_NAMES,
  STANDARD_GATE_SPECS,
  type StandardGateName,
} from './standard-gate-specs.js'

/** The control counts of `mcx`/`mcp` the standard library has rules for. */
export const MULTI_CONTROL_SIZES: readonly number[] = [1, 2, 3, 4]

/** Every standard gate with a fixed size, and `mcx`/`mcp` at each of {@link MULTI_CONTROL_SIZES}. */
export function standardGateInstances(): { gate: StandardGateName; numCtrlQubits?: number }[] {
  return STANDARD_GATE_NAMES.flatMap((gate) =>
    STANDARD_GATE_SPECS[gate].numQubits === 'variable'
      ? MULTI_CONTROL_SIZES.map((numCtrlQubits) => ({ gate, numCtrlQubits }))
      : [{ gate }],
  )
}

/** The gate names a rule's circuit uses (built once with placeholder angles). */
export function ruleGateNames(r: EquivalenceRule): Set<StandardGateName> {
  const params = STANDARD_GATE_SPECS[r.gate].params.map((_, i) => 0.1 + i)
  return new Set(r.build(params).steps.map((s) => s.gate))
}

function sameInstance(r: EquivalenceRule, gate: StandardGateName, numCtrlQubits?: number): boolean {
  return r.gate === gate && r.numCtrlQubits === numCtrlQubits
}

/** The definition of a gate of more than one qubit, as a rule (one-qubit ones are hand-written). */
function definitionRule(gate: StandardGateName, numCtrlQubits?: number): EquivalenceRule[] {
  const spec = STANDARD_GATE_SPECS[gate]
  if (spec.numQubits !== 'variable' && spec.numQubits < 2) return []
  if (
    standardGateDefinition(
      gate,
      spec.params.map(() => 0),
      numCtrlQubits,
    ) === undefined
  )
    return []
  const build: EquivalenceRule['build'] = (p) => {
    const def = standardGateDefinition(gate, p, numCtrlQubits)
    if (def === undefined) throw new Error(`'${gate}' lost its definition`)
    return def
  }
  return [numCtrlQubits === undefined ? { gate, build } : { gate, numCtrlQubits, build }]
}

let cached: readonly EquivalenceRule[] | undefined

/**
 * The rules of the standard equivalence library, as data: the hand-written rules (Qiskit's
 * standard equivalence library is the model: `h ↔ u2(0, π)`, `u → rz·sx·rz·sx·rz`,
 * `cx ↔ h·cz·h`, `cx → ecr`, …), every multi-qubit gate's definition, and for every gate that
 * has no rule yet directly into `{cx, u}` or `{cz, rz, sx, x}` a generated one.
 *
 * @returns the rules, built once and shared (they are immutable)
 */
export function standardEquivalenceRules(): readonly EquivalenceRule[] {
  if (cached !== undefined) return cached
  const rules: EquivalenceRule[] = [...ONE_QUBIT_RULES, ...MULTI_QUBIT_RULES]
  for (const { gate, numCtrlQubits } of standardGateInstances()) {
    rules.push(...definitionRule(gate, numCtrlQubits))
  }
  const bases = Object.keys(EQUIVALENCE_BASES) as EquivalenceBasis[]
  for (const { gate, numCtrlQubits } of standardGateInstances()) {
    for (const basis of bases) {
      const allowed = EQUIVALENCE_BASES[basis]
      if (allowed.has(gate)) continue
      const covered = rules.some(
        (r) =>
          sameInstance(r, gate, numCtrlQubits) &&
          [...ruleGateNames(r)].every((g) => allowed.has(g)),
      )
      if (!covered) rules.push(ruleIntoBasis(gate, basis, numCtrlQubits))
    }
  }
  cached = Object.freeze(rules)
  return cached
}
