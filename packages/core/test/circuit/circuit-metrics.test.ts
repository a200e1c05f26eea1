import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ClassicalRegister,
  clbitCondition,
  QuantumCircuit,
  QuantumRegister,
  registerCondition,
  standardGate,
} from '../../src/circuit/index.js'
import { numpy } from './fixtures/dense.js'

describe('depth', () => {
  it("Qiskit's documented example: depth 2, and 1 counting multi-qubit gates only", () => {
    const qc = new QuantumCircuit(4).h(0).cx(0, 1).h(2).cx(2, 3)
    expect(qc.depth()).toBe(2)
    expect(qc.depth((inst) => inst.qubits.length > 1)).toBe(1)
  })

  it('is 0 for empty circuits and 1 for one layer of measurements', () => {
    expect(new QuantumCircuit().depth()).toBe(0)
    expect(new QuantumCircuit(3).depth()).toBe(0)
    const q = new QuantumRegister(4, 'q')
    const c = new ClassicalRegister(4, 'c')
    expect(new QuantumCircuit(q, c).measure(q, c).depth()).toBe(1)
  })

  it('barriers add no layer but synchronise their qubits', () => {
    expect(new QuantumCircuit(2).h(0).h(1).depth()).toBe(1)
    expect(new QuantumCircuit(2).h(0).barrier().h(1).depth()).toBe(2)
    expect(new QuantumCircuit(2).barrier().barrier().depth()).toBe(0)
  })

  it('classical bits create dependencies: measurements into one clbit, and conditions', () => {
    // two measurements into the same clbit are sequential
    expect(new QuantumCircuit(2, 1).measure(0, 0).measure(1, 0).depth()).toBe(2)
    // h, measure → c0, then x on another qubit conditioned on c0
    const qc = new QuantumCircuit(2, 1).h(0).measure(0, 0)
    qc.append(standardGate('x'), [1], [], { condition: clbitCondition(0) })
    expect(qc.depth()).toBe(3)
    // a register condition depends on every bit of the register
    const cr = new ClassicalRegister(2, 'c')
    const q2 = new QuantumCircuit(new QuantumRegister(3, 'q'), cr).h(0).h(0).measure(0, 1)
    q2.append(standardGate('x'), [2], [], { condition: registerCondition(cr, 1) })
    expect(q2.depth()).toBe(4)
  })

  it('agrees with a longest path through the explicit DAG (independent, in Python)', () => {
    const circuits = fc.sample(randomCircuit(), { seed: 7, numRuns: 40 })
    const dags = circuits.map((qc) =>
      qc.data.map((inst) => ({
        wires: [
          ...inst.qubits.map((q) => `q${q}`),
          ...inst.clbits.map((c) => `c${c}`),
          ...(inst.condition?.kind === 'clbit' ? [`c${inst.condition.clbit}`] : []),
        ],
        weight: inst.operation.isDirective ? 0 : 1,
      })),
    )
    const expected = numpy(`
dags = ${JSON.stringify(dags)}
res = []
for nodes in dags:
    last, preds = {}, []
    for i, n in enumerate(nodes):
        preds.append({last[w] for w in set(n['wires']) if w in last})
        for w in n['wires']:
            last[w] = i
    memo = {}
    def longest(i):
        if i not in memo:
            memo[i] = nodes[i]['weight'] + max([longest(p) for p in preds[i]], default=0)
        return memo[i]
    res.append(max([longest(i) for i in range(len(nodes))], default=0))
out(res)`) as number[]
    expect(circuits.map((qc) => qc.depth())).toEqual(expected)
  })
})

function randomCircuit(): fc.Arbitrary<QuantumCircuit> {
  const step = fc.tuple(
    fc.constantFrom('h', 'cx', 'measure', 'barrier', 'x_if', 'ccx'),
    fc.shuffledSubarray([0, 1, 2, 3], { minLength: 3, maxLength: 3 }),
    fc.nat(2),
  )
  return fc.array(step, { maxLength: 25 }).map((steps) => {
    const qc = new QuantumCircuit(4, 3)
    for (const [kind, [a, b, c], bit] of steps) {
      if (kind === 'h') qc.h(a!)
      else if (kind === 'cx') qc.cx(a!, b!)
      else if (kind === 'ccx') qc.ccx(a!, b!, c!)
      else if (kind === 'measure') qc.measure(a!, bit)
      else if (kind === 'barrier') qc.barrier(a!, b!)
      else qc.append(standardGate('x'), [a!], [], { condition: clbitCondition(bit) })
    }
    return qc
  })
}

describe('size, width, countOps, numNonlocalGates', () => {
  const qc = new QuantumCircuit(3, 3)
    .h(0)
    .h(1)
    .cx(0, 1)
    .barrier()
    .ccx(0, 1, 2)
    .swap(1, 2)
    .rz(0.1, 2)
    .h(2)
    .measure([0, 1, 2], [0, 1, 2])

  it('size excludes barriers', () => {
    expect(qc.size()).toBe(10)
    expect(qc.size((i) => i.operation.name === 'h')).toBe(3)
  })

  it('width counts qubits and clbits', () => {
    expect(qc.width()).toBe(6)
  })

  it('countOps counts every name, barriers included, most frequent first', () => {
    expect([...qc.countOps()]).toEqual([
      ['h', 3],
      ['measure', 3],
      ['cx', 1],
      ['barrier', 1],
      ['ccx', 1],
      ['swap', 1],
      ['rz', 1],
    ])
  })

  it('numNonlocalGates counts multi-qubit non-directives', () => {
    expect(qc.numNonlocalGates()).toBe(3)
  })
})
