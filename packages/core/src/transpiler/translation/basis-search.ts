import type { EquivalenceLibrary } from '../../circuit/equivalence-library.js'
import type { Instruction } from '../../circuit/instruction.js'
import type { Parameter } from '../../circuit/parameter.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import { addValues } from '../../circuit/parameter-functions.js'
import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import { BasisTranslationError } from '../transpiler-error.js'

/** One gate of a translation, on qubits of the translated gate. */
export interface TranslatedGate {
  readonly operation: Instruction
  readonly qubits: readonly number[]
}

/**
 * A gate rewritten entirely in a basis: the gates (over the rule's parameters) and the global
 * phase they add.
 */
export interface Translation {
  /** The parameters the gates and phase are written in, one per gate parameter, in order. */
  readonly params: readonly Parameter[]
  readonly gates: readonly TranslatedGate[]
  readonly globalPhase: ParameterValue
}

/** The weight of a basis gate in the search: multi-qubit gates are costlier. */
export type BasisWeight = (name: string, numQubits: number) => number

/** Qiskit-like default: two-qubit gates dominate a circuit's cost. */
export function defaultBasisWeight(_name: string, numQubits: number): number {
  return numQubits <= 1 ? 1 : numQubits === 2 ? 10 : 100
}

interface Rule {
  readonly key: string
  readonly params: readonly Parameter[]
  readonly circuit: QuantumCircuit
  /** Child key → number of uses. */
  readonly children: ReadonlyMap<string, number>
  remaining: number
}

const keyOf = (name: string, numQubits: number): string => `${name}/${numQubits}`

/**
 * The cheapest way to write each gate of an {@link EquivalenceLibrary} in a basis (Qiskit's
 * `BasisTranslator` basis search). Gates are keyed by name and width; the cost of a basis gate is
 * its weight, the cost of a rule the sum of its gates' costs, and a gate's cost the cheapest of
 * its rules. This is a shortest-path problem on the hypergraph of rules, solved with Knuth's
 * generalisation of Dijkstra's algorithm, so every reachable gate gets an optimal, acyclic
 * derivation. Expansions are composed once per gate, symbolically, and cached.
 *
 * @example
 * ```ts
 * const search = new BasisSearch(standardEquivalenceLibrary(), new Set(['rz', 'sx', 'x', 'cz']))
 * search.translation('h', 1)?.gates.map((g) => g.operation.name) // ['rz', 'sx', 'rz']
 * ```
 */
export class BasisSearch {
  readonly #basis: ReadonlySet<string>
  readonly #best = new Map<string, Rule>()
  readonly #expanded = new Map<string, Translation>()

  /**
   * @param library - the rules
   * @param basis - the names that need no translation
   * @param weight - the cost of each basis gate (default {@link defaultBasisWeight})
   */
  constructor(
    library: EquivalenceLibrary,
    basis: ReadonlySet<string>,
    weight: BasisWeight = defaultBasisWeight,
  ) {
    this.#basis = basis
    this.#search(collectRules(library), weight)
  }

  /** Whether a name needs no translation. */
  inBasis(name: string): boolean {
    return this.#basis.has(name)
  }

  /**
   * The translation of a gate into the basis.
   *
   * @param name - the gate's name
   * @param numQubits - its width
   * @returns the translation, or `undefined` when no chain of rules reaches the basis
   */
  translation(name: string, numQubits: number): Translation | undefined {
    return this.#expand(keyOf(name, numQubits))
  }

  #search(rules: readonly Rule[], weight: BasisWeight): void {
    const cost = new Map<string, number>()
    const { candidate, byChild } = this.#seed(rules, weight)
    for (;;) {
      let bestKey: string | undefined
      let bestCost = Infinity
      for (const [key, c] of candidate) {
        if (c.cost < bestCost) [bestKey, bestCost] = [key, c.cost]
      }
      if (bestKey === undefined) break
      const chosen = candidate.get(bestKey)!
      candidate.delete(bestKey)
      cost.set(bestKey, bestCost)
      if (chosen.rule !== undefined) this.#best.set(bestKey, chosen.rule)
      for (const rule of byChild.get(bestKey) ?? []) {
        if (--rule.remaining > 0 || cost.has(rule.key)) continue
        let total = 0
        for (const [child, uses] of rule.children) total += uses * cost.get(child)!
        offer(candidate, rule, total)
      }
    }
  }

  /** The basis gates as the first candidates, and each rule filed under its children. */
  #seed(
    rules: readonly Rule[],
    weight: BasisWeight,
  ): {
    candidate: Map<string, { cost: number; rule: Rule | undefined }>
    byChild: Map<string, Rule[]>
  } {
    const candidate = new Map<string, { cost: number; rule: Rule | undefined }>()
    const byChild = new Map<string, Rule[]>()
    for (const rule of rules) {
      for (const child of rule.children.keys()) {
        const list = byChild.get(child)
        if (list === undefined) byChild.set(child, [rule])
        else list.push(rule)
        const [name, n] = splitKey(child)
        if (this.#basis.has(name)) candidate.set(child, { cost: weight(name, n), rule: undefined })
      }
      if (rule.children.size === 0) offer(candidate, rule, 0)
    }
    return { candidate, byChild }
  }

  #expand(key: string): Translation | undefined {
    const cached = this.#expanded.get(key)
    if (cached !== undefined) return cached
    const rule = this.#best.get(key)
    if (rule === undefined) return undefined
    const gates: TranslatedGate[] = []
    let phase: ParameterValue = rule.circuit.globalPhase
    for (const inst of rule.circuit.data) {
      const op = inst.operation
      if (this.#basis.has(op.name) || op.isDirective) {
        gates.push({ operation: op, qubits: inst.qubits })
        continue
      }
      const sub = this.#expand(keyOf(op.name, op.numQubits))
      // The search only picks rules whose gates it reached first, so this cannot happen.
      if (sub === undefined) {
        throw new BasisTranslationError(`internal: no expansion for '${op.name}' in the basis`)
      }
      const applied = applyTranslation(sub, op.params)
      for (const g of applied.gates) {
        gates.push({ operation: g.operation, qubits: g.qubits.map((q) => inst.qubits[q]!) })
      }
      phase = addValues(phase, applied.globalPhase)
    }
    const out: Translation = { params: rule.params, gates, globalPhase: phase }
    this.#expanded.set(key, out)
    return out
  }
}

/**
 * A translation with actual parameter values substituted for its parameters.
 *
 * @param translation - a translation
 * @param values - one value per parameter
 * @returns the gates and phase for those values (numbers where everything is bound)
 */
export function applyTranslation(
  translation: Translation,
  values: readonly ParameterValue[],
): { readonly gates: readonly TranslatedGate[]; readonly globalPhase: ParameterValue } {
  if (translation.params.length === 0) return translation
  const map = new Map<Parameter, ParameterValue>()
  translation.params.forEach((p, i) => map.set(p, values[i]!))
  const subs = (v: ParameterValue): ParameterValue => (typeof v === 'number' ? v : v.subs(map))
  return {
    gates: translation.gates.map((g) => ({
      operation:
        g.operation.params.length === 0
          ? g.operation
          : g.operation.withParams(g.operation.params.map(subs)),
      qubits: g.qubits,
    })),
    globalPhase: subs(translation.globalPhase),
  }
}

function offer(
  candidate: Map<string, { cost: number; rule: Rule | undefined }>,
  rule: Rule,
  cost: number,
): void {
  const current = candidate.get(rule.key)
  if (current === undefined || cost < current.cost) candidate.set(rule.key, { cost, rule })
}

function splitKey(key: string): [string, number] {
  const slash = key.lastIndexOf('/')
  return [key.slice(0, slash), Number(key.slice(slash + 1))]
}

function collectRules(library: EquivalenceLibrary): Rule[] {
  const rules: Rule[] = []
  for (const { name, numQubits } of library.keys()) {
    for (const eq of library.getEquivalences(name, numQubits)) {
      const children = new Map<string, number>()
      for (const inst of eq.circuit.data) {
        if (inst.operation.isDirective) continue
        const child = keyOf(inst.operation.name, inst.operation.numQubits)
        children.set(child, (children.get(child) ?? 0) + 1)
      }
      rules.push({
        key: keyOf(name, numQubits),
        params: eq.params,
        circuit: eq.circuit,
        children,
        remaining: children.size,
      })
    }
  }
  return rules
}
