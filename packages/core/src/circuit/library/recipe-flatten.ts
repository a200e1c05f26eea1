import type { ParameterValue } from '../parameter-expression.js'
import { add, type GateRecipe, type RecipeStep } from './gate-recipe.js'
import type { StandardGateName } from './standard-gate-specs.js'

/**
 * How to rewrite one step that is not in the basis: a recipe on the step's own qubits
 * (`0 … k−1`), or `undefined` when the step cannot be rewritten.
 */
export type StepExpander = (step: RecipeStep) => GateRecipe | undefined

/** The longest chain of rewrites before flattening gives up (guards against rule cycles). */
const MAX_DEPTH = 64

/**
 * Rewrites a recipe until every gate is in `basis`: each other gate is replaced by what `expand`
 * gives for it, recursively, with global phases summed.
 *
 * @param r - the recipe
 * @param basis - the gate names to stop at
 * @param expand - the rewrite of a non-basis step
 * @returns an equivalent recipe (global phase included) over `basis` only
 * @throws RangeError if some gate cannot be rewritten into the basis
 */
export function flattenRecipe(
  r: GateRecipe,
  basis: ReadonlySet<StandardGateName>,
  expand: StepExpander,
): GateRecipe {
  const steps: RecipeStep[] = []
  let phase: ParameterValue = r.globalPhase
  const visit = (step: RecipeStep, depth: number): void => {
    if (basis.has(step.gate)) {
      steps.push(step)
      return
    }
    const sub = depth < MAX_DEPTH ? expand(step) : undefined
    if (sub === undefined) {
      throw new RangeError(`cannot rewrite '${step.gate}' into {${[...basis].join(', ')}}`)
    }
    phase = add(phase, sub.globalPhase)
    for (const inner of sub.steps) {
      visit({ ...inner, qubits: inner.qubits.map((q) => step.qubits[q]!) }, depth + 1)
    }
  }
  for (const step of r.steps) visit(step, 0)
  return { numQubits: r.numQubits, globalPhase: phase, steps }
}

const TWO_PI = 2 * Math.PI

/** The phase-like one-qubit steps that compose by adding angles, or `undefined`. */
function rotationKind(step: RecipeStep): 'rz' | 'phase' | undefined {
  if (step.gate === 'rz') return 'rz'
  // u(0, φ, λ) = diag(1, e^{i(φ+λ)}) exactly: a phase gate
  if (step.gate === 'u' && step.params[0] === 0) return 'phase'
  return undefined
}

/** The angle of a rotation step (`φ + λ` for a phase-type `u`). */
function rotationAngle(step: RecipeStep): ParameterValue {
  return step.gate === 'rz' ? step.params[0]! : add(step.params[1]!, step.params[2]!)
}

function withAngle(step: RecipeStep, angle: ParameterValue): RecipeStep {
  return { ...step, params: step.gate === 'rz' ? [angle] : [0, 0, angle] }
}

/**
 * Merges runs of `rz` (and of phase-type `u(0, φ, λ)`) on one qubit, with nothing else on that
 * qubit in between, into one gate, and drops full turns: `rz(2πk)`, moving its `e^{−iπk}` into
 * the global phase, and `u(0, 0, 2πk)`. Exact, global phase included.
 *
 * @param r - the recipe
 * @returns the simplified recipe
 */
export function mergeRotations(r: GateRecipe): GateRecipe {
  const out: (RecipeStep | undefined)[] = []
  // index in `out` of a trailing rotation on each qubit, while nothing else touched that qubit
  const open = new Map<number, number>()
  for (const step of r.steps) {
    const q = step.qubits[0]!
    const kind = rotationKind(step)
    const at = open.get(q)
    const prev = at === undefined ? undefined : out[at]
    if (
      kind !== undefined &&
      at !== undefined &&
      prev !== undefined &&
      rotationKind(prev) === kind
    ) {
      out[at] = withAngle(prev, add(rotationAngle(prev), rotationAngle(step)))
      continue
    }
    for (const other of step.qubits) open.delete(other)
    if (kind !== undefined) open.set(q, out.length)
    out.push(kind === undefined ? step : withAngle(step, rotationAngle(step)))
  }
  return dropFullTurns({
    numQubits: r.numQubits,
    globalPhase: r.globalPhase,
    steps: out.filter((s) => s !== undefined),
  })
}

/** Drops `rz(2πk)` (moving `e^{−iπk}` into the global phase) and `u(0, 0, 2πk)`. */
function dropFullTurns(r: GateRecipe): GateRecipe {
  let phase = r.globalPhase
  const steps: RecipeStep[] = []
  for (const step of r.steps) {
    const angle = rotationKind(step) === undefined ? undefined : rotationAngle(step)
    if (typeof angle === 'number') {
      const turns = angle / TWO_PI
      if (Math.abs(turns - Math.round(turns)) < 1e-12) {
        if (step.gate === 'rz') phase = add(phase, -Math.PI * Math.round(turns))
        continue
      }
    }
    steps.push(step)
  }
  return { numQubits: r.numQubits, globalPhase: phase, steps }
}
