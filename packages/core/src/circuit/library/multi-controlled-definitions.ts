import type { ParameterValue } from '../parameter-expression.js'
import { div, neg, PI, recipe, type GateRecipe, type RecipeStep } from './gate-recipe.js'

/** The `0 … n-1` qubit list. */
function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k)
}

function assertControls(numCtrl: number): void {
  if (!Number.isInteger(numCtrl) || numCtrl < 1) {
    throw new RangeError(`a multi-controlled gate needs at least one control, got ${numCtrl}`)
  }
}

/**
 * The multi-controlled phase on `numCtrl + 1` qubits without ancillas, from `cp` and `cx` only.
 *
 * The phase `λ·x₀x₁…x_{n−1}·t` is rewritten with the identity
 * `x₀x₁…x_{n−1} = 2^{1−n} Σ_{S≠∅} (−1)^{|S|+1} ⊕_{i∈S} x_i`: for every non-empty subset `S` of the
 * controls, the parity of `S` is accumulated into its highest control with CNOTs and a
 * `cp(±λ/2^{n−1})` from there to the target adds that term. Walking the subsets in Gray-code
 * order changes one control per step, so each term costs one CNOT (2^n − 1 `cp`s in all, as in
 * Qiskit's Gray-code `mcu1`).
 *
 * @param lambda - the phase
 * @param numCtrl - the number of controls (≥ 1)
 * @returns the recipe (controls on qubits `0 … numCtrl−1`, target last)
 * @throws RangeError if `numCtrl < 1`
 */
export function mcpDefinition(lambda: ParameterValue, numCtrl: number): GateRecipe {
  assertControls(numCtrl)
  const target = numCtrl
  if (numCtrl === 1) return recipe(2, [['cp', [0, 1], [lambda]]])
  const angle = div(lambda, 2 ** (numCtrl - 1))
  const steps: RecipeStep[] = []
  const parity = new ParityAccumulator(numCtrl, steps)
  for (let k = 1; k < 2 ** numCtrl; k++) {
    const subset = k ^ (k >> 1)
    const acc = parity.load(subset)
    const odd = popcount(subset) % 2 === 1
    steps.push({ gate: 'cp', qubits: [acc, target], params: [odd ? angle : neg(angle)] })
  }
  parity.restore()
  return { numQubits: numCtrl + 1, globalPhase: 0, steps }
}

/**
 * Tracks which subset of the controls' values each control carries (as a bit mask) while
 * CNOTs accumulate parities: only one control, the accumulator, differs from its own value at a
 * time.
 */
class ParityAccumulator {
  readonly #numCtrl: number
  readonly #steps: RecipeStep[]
  #acc = 0
  #holds = 1

  constructor(numCtrl: number, steps: RecipeStep[]) {
    this.#numCtrl = numCtrl
    this.#steps = steps
  }

  /**
   * Makes the subset's highest control carry the parity of `subset`, and returns that control.
   * In Gray-code order the highest control only ever grows, so the previous accumulator is
   * restored first when it changes.
   */
  load(subset: number): number {
    const top = 31 - Math.clz32(subset)
    if (top !== this.#acc) {
      this.restore()
      this.#acc = top
      this.#holds = 1 << top
    }
    this.xorInto(this.#holds ^ subset)
    this.#holds = subset
    return top
  }

  /** Returns the accumulator to its own value. */
  restore(): void {
    this.xorInto(this.#holds ^ (1 << this.#acc))
    this.#holds = 1 << this.#acc
  }

  private xorInto(mask: number): void {
    for (let q = 0; q < this.#numCtrl; q++) {
      if ((mask >> q) & 1) this.#steps.push({ gate: 'cx', qubits: [q, this.#acc], params: [] })
    }
  }
}

function popcount(x: number): number {
  let n = 0
  for (let v = x; v !== 0; v &= v - 1) n++
  return n
}

/**
 * The multi-controlled X without ancillas: `cx`, `ccx` and `c3x` for one to three controls,
 * otherwise `h · mcp(π) · h` on the target.
 *
 * @param numCtrl - the number of controls (≥ 1)
 * @returns the recipe (controls on qubits `0 … numCtrl−1`, target last)
 * @throws RangeError if `numCtrl < 1`
 */
export function mcxDefinition(numCtrl: number): GateRecipe {
  assertControls(numCtrl)
  const all = range(numCtrl + 1)
  if (numCtrl <= 3) {
    const gate = numCtrl === 1 ? 'cx' : numCtrl === 2 ? 'ccx' : 'c3x'
    return recipe(numCtrl + 1, [[gate, all]])
  }
  return recipe(numCtrl + 1, [
    ['h', [numCtrl]],
    ['mcp', all, [PI]],
    ['h', [numCtrl]],
  ])
}
