import { CircuitError } from './circuit-error.js'
import type { Gate } from './gate.js'
import type { Operation } from './instruction.js'
import { standardEquivalenceRules } from './library/standard-equivalences.js'
import { STANDARD_GATE_SPECS } from './library/standard-gate-specs.js'
import { recipeToCircuit, standardGate } from './library/standard-gates.js'
import { Parameter } from './parameter.js'
import type { ParameterValue } from './parameter-expression.js'
import type { QuantumCircuit } from './quantum-circuit.js'

/** One rule: a circuit over the gate's parameters, in the gate's parameter order. */
export interface Equivalence {
  /** The gate's parameters, one `Parameter` per gate parameter, in order. */
  readonly params: readonly Parameter[]
  /** A circuit equal to the gate (global phase included) for every value of `params`. */
  readonly circuit: QuantumCircuit
}

/** What rules are filed under: the gate's name and number of qubits. */
export interface EquivalenceKey {
  readonly name: string
  readonly numQubits: number
}

/** Options of {@link EquivalenceLibrary}. */
export interface EquivalenceLibraryOptions {
  /** A library searched after this one's own rules, and never modified by it. */
  readonly base?: EquivalenceLibrary | undefined
}

interface Entry {
  readonly key: EquivalenceKey
  readonly equivalences: Equivalence[]
  /** False once `setEquivalences` replaced the base library's rules for this key. */
  searchBase: boolean
}

function keyString(name: string, numQubits: number): string {
  return `${name}/${numQubits}`
}

/** The gate's parameters as `Parameter`s, checked to be distinct plain parameters. */
function ruleParameters(gate: Gate): Parameter[] {
  const params = gate.params.map((p, i) => {
    if (!(p instanceof Parameter)) {
      throw new TypeError(
        `an equivalence for '${gate.name}' needs a Parameter as parameter ${i}, got ${String(p)}`,
      )
    }
    return p
  })
  if (new Set(params.map((p) => p.id)).size !== params.length) {
    throw new TypeError(`an equivalence for '${gate.name}' needs distinct parameters`)
  }
  return params
}

/** Checks that `circuit` can stand for `gate` (Qiskit's shape and parameter checks). */
function checkRule(gate: Gate, params: readonly Parameter[], circuit: QuantumCircuit): void {
  if (circuit.numQubits !== gate.numQubits || circuit.numClbits !== 0) {
    throw new CircuitError(
      'circuit.invalid-operation',
      `cannot add an equivalence between '${gate.name}' (${gate.numQubits} qubits) and a circuit ` +
        `of ${circuit.numQubits} qubits and ${circuit.numClbits} clbits`,
    )
  }
  const gateIds = new Set(params.map((p) => p.id))
  const circuitIds = new Set(circuit.parameters.map((p) => p.id))
  const same = gateIds.size === circuitIds.size && [...gateIds].every((id) => circuitIds.has(id))
  if (!same) {
    throw new CircuitError(
      'circuit.invalid-operation',
      `cannot add an equivalence for '${gate.name}': the gate's parameters ` +
        `(${params.map((p) => p.name).join(', ')}) differ from the circuit's ` +
        `(${circuit.parameters.map((p) => p.name).join(', ')})`,
    )
  }
}

/**
 * Rules rewriting a gate (by name and number of qubits) into equivalent circuits: what the
 * transpiler's `BasisTranslator` searches (Qiskit's `EquivalenceLibrary`). A library may extend
 * a base library without modifying it, as a provider's library extends the standard one.
 *
 * @example
 * ```ts
 * const lib = new EquivalenceLibrary({ base: standardEquivalenceLibrary() })
 * const theta = new Parameter('theta')
 * const myGate = new Gate({ name: 'my_rx', numQubits: 1, params: [theta] })
 * lib.addEquivalence(myGate, new QuantumCircuit(1).rx(theta, 0))
 * lib.getEquivalences('my_rx', 1) // [{ params: [theta], circuit }]
 * ```
 */
export class EquivalenceLibrary {
  /** The library searched after this one's own rules. */
  readonly base: EquivalenceLibrary | undefined
  readonly #entries = new Map<string, Entry>()

  /** @param options - an optional base library */
  constructor(options: EquivalenceLibraryOptions = {}) {
    this.base = options.base
  }

  /**
   * Adds a rule: `gate` equals `circuit` (global phase included).
   *
   * @param gate - a gate whose parameters are distinct `Parameter`s
   * @param circuit - an equivalent circuit on as many qubits, over exactly those parameters
   * @throws TypeError if a gate parameter is not a `Parameter`; CircuitError
   *   `circuit.invalid-operation` if the widths or the parameter sets differ
   */
  addEquivalence(gate: Gate, circuit: QuantumCircuit): void {
    const params = ruleParameters(gate)
    checkRule(gate, params, circuit)
    this.entry(gate.name, gate.numQubits).equivalences.push({ params, circuit })
  }

  /**
   * Replaces every rule for the gate, the base library's included (Qiskit's `set_entry`).
   *
   * @param gate - as for {@link addEquivalence}
   * @param circuits - the new rules
   * @throws as {@link addEquivalence}
   */
  setEquivalences(gate: Gate, circuits: readonly QuantumCircuit[]): void {
    const params = ruleParameters(gate)
    for (const c of circuits) checkRule(gate, params, c)
    const entry = this.entry(gate.name, gate.numQubits)
    entry.equivalences.splice(
      0,
      entry.equivalences.length,
      ...circuits.map((circuit) => ({ params, circuit })),
    )
    entry.searchBase = false
  }

  /**
   * The rules for a gate: this library's own first, then the base library's, in insertion
   * order. The circuits are the stored ones: do not modify them (use {@link getEntry} for
   * circuits rebound to actual parameters).
   *
   * @param name - the gate's name
   * @param numQubits - its number of qubits
   * @returns the rules, empty if there are none
   */
  getEquivalences(name: string, numQubits: number): readonly Equivalence[] {
    const entry = this.#entries.get(keyString(name, numQubits))
    const own = entry?.equivalences ?? []
    if (entry?.searchBase === false || this.base === undefined) return [...own]
    return [...own, ...this.base.getEquivalences(name, numQubits)]
  }

  /**
   * The rules for an actual gate, as new circuits with the gate's parameter values substituted.
   *
   * @param gate - the gate (numbers or expressions as parameters)
   * @returns one circuit per rule
   */
  getEntry(gate: Operation): QuantumCircuit[] {
    return this.getEquivalences(gate.name, gate.numQubits)
      .filter((eq) => eq.params.length === gate.params.length)
      .map(({ params, circuit }) => {
        const values = new Map<Parameter, ParameterValue>()
        params.forEach((p, i) => values.set(p, gate.params[i]!))
        return values.size === 0 ? circuit.copy() : circuit.assignParameters(values)
      })
  }

  /**
   * Whether there is a rule for a gate.
   *
   * @param gateOrName - the gate, or its name (then give `numQubits`)
   * @param numQubits - the number of qubits, with a name
   */
  hasEntry(gateOrName: Operation | string, numQubits?: number): boolean {
    const [name, n] =
      typeof gateOrName === 'string'
        ? [gateOrName, numQubits ?? 0]
        : [gateOrName.name, gateOrName.numQubits]
    return this.getEquivalences(name, n).length > 0
  }

  /** Every key with at least one rule, this library's and its base's, without repeats. */
  keys(): EquivalenceKey[] {
    const out = new Map<string, EquivalenceKey>()
    for (const [k, e] of this.#entries) if (e.equivalences.length > 0) out.set(k, e.key)
    for (const key of this.base?.keys() ?? []) {
      const k = keyString(key.name, key.numQubits)
      if (!out.has(k) && this.#entries.get(k)?.searchBase !== false) out.set(k, key)
    }
    return [...out.values()]
  }

  /** A copy with the same base and copies of this library's own rules (circuits copied too). */
  copy(): EquivalenceLibrary {
    const lib = new EquivalenceLibrary({ base: this.base })
    for (const [k, e] of this.#entries) {
      lib.#entries.set(k, {
        key: e.key,
        searchBase: e.searchBase,
        equivalences: e.equivalences.map((eq) => ({
          params: eq.params,
          circuit: eq.circuit.copy(),
        })),
      })
    }
    return lib
  }

  private entry(name: string, numQubits: number): Entry {
    const k = keyString(name, numQubits)
    let e = this.#entries.get(k)
    if (e === undefined) {
      e = { key: { name, numQubits }, equivalences: [], searchBase: true }
      this.#entries.set(k, e)
    }
    return e
  }
}

/**
 * A fresh copy of the standard equivalence library: for every standard gate (`mcx`/`mcp` with
 * 1–4 controls) at least one rule directly into `{cx, u}` and one into `{cz, rz, sx, x}`, plus
 * the usual rules between gates (Qiskit's standard equivalence library is the model: `h ↔
 * u2(0, π)`, `u → rz·sx·rz·sx·rz`, `cx ↔ h·cz·h`, `cx → ecr`, every gate's definition, …).
 * Every rule is exact, global phase included.
 *
 * @returns a new library, free to extend
 * @example
 * ```ts
 * const lib = standardEquivalenceLibrary()
 * lib.getEquivalences('h', 1).map((e) => e.circuit.countOps())
 * ```
 */
export function standardEquivalenceLibrary(): EquivalenceLibrary {
  const lib = new EquivalenceLibrary()
  for (const rule of standardEquivalenceRules()) {
    const params = STANDARD_GATE_SPECS[rule.gate].params.map((name) => new Parameter(name))
    const options = rule.numCtrlQubits === undefined ? {} : { numCtrlQubits: rule.numCtrlQubits }
    lib.addEquivalence(
      standardGate(rule.gate, params, options),
      recipeToCircuit(rule.build(params)),
    )
  }
  return lib
}
