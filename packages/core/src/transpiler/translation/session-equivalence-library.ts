import {
  EquivalenceLibrary,
  standardEquivalenceLibrary,
} from '../../circuit/equivalence-library.js'

let session: EquivalenceLibrary | undefined

/**
 * The process-wide equivalence library the transpiler searches by default (Qiskit's
 * `SessionEquivalenceLibrary`): the standard rules as its base, plus whatever rules providers
 * add for their custom gates. A provider with a native gate `my_cz` registers once
 * (`sessionEquivalenceLibrary().addEquivalence(myCz, circuitFromCz)`) and every `transpile`
 * call can then target it. Pass `equivalenceLibrary` to `transpile` to use another library.
 *
 * @returns the shared library (created on first use)
 * @example
 * ```ts
 * const lib = sessionEquivalenceLibrary()
 * lib.addEquivalence(standardGate('cz'), czFromMyGate) // cz → … my_gate …
 * ```
 */
export function sessionEquivalenceLibrary(): EquivalenceLibrary {
  session ??= new EquivalenceLibrary({ base: standardEquivalenceLibrary() })
  return session
}
