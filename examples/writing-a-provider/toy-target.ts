/**
 * The device description: which operations run on which qubits, how well and how long
 * (step 1 of docs/writing-a-provider.md).
 */
import { Measure, Parameter, standardGate, type Operation } from '@qfabric/core/circuit'
import { InstructionProperties, QubitProperties, Target } from '@qfabric/core/target'
import { msGate } from './ms-gate.js'

/** The native operations of the toy ion trap, by name. */
export const TOY_NATIVE_GATES = ['rx', 'ry', 'rz', 'ms', 'measure'] as const

/**
 * A trapped-ion target: every qubit coupled to every other, rotations on each qubit, `ms` on
 * every ordered pair, with fixed made-up calibration (seconds and hertz).
 *
 * @param numQubits - the number of ions
 * @returns the frozen target
 */
export function createToyTarget(numQubits: number): Target {
  const target = new Target({
    description: `A ${numQubits}-ion toy trap`,
    numQubits,
    qubitProperties: Array.from(
      { length: numQubits },
      () => new QubitProperties({ t1: 1.0, t2: 0.2, frequency: 12.6428e9 }),
    ),
  })
  const qubits = Array.from({ length: numQubits }, (_, q) => q)
  const pairs = qubits.flatMap((a) => qubits.filter((b) => b !== a).map((b) => [a, b]))
  const onEach = (qargsList: number[][], duration: number, error: number) =>
    qargsList.map((qargs) => [qargs, new InstructionProperties({ duration, error })] as const)
  const add = (op: Operation, qargsList: number[][], duration: number, error: number): void => {
    target.addInstruction(op, onEach(qargsList, duration, error))
  }
  for (const name of ['rx', 'ry', 'rz'] as const) {
    add(
      standardGate(name, [new Parameter('theta')]),
      qubits.map((q) => [q]),
      10e-6,
      1e-4,
    )
  }
  add(msGate(new Parameter('theta')), pairs, 200e-6, 5e-3)
  add(
    new Measure(),
    qubits.map((q) => [q]),
    100e-6,
    3e-3,
  )
  return target.freeze()
}
