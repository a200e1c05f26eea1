import { describe, expect, it } from 'vitest'
import {
  ForLoopOp,
  Gate,
  IfElseOp,
  Measure,
  Parameter,
  StandardGate,
  WhileLoopOp,
  standardGate,
} from '../../src/circuit/index.js'
import {
  InstructionProperties,
  QubitProperties,
  Target,
  TargetError,
  type Qargs,
} from '../../src/target/index.js'

const props = (duration: number | null, error: number | null): InstructionProperties =>
  new InstructionProperties({ duration, error })

/** The shape of Qiskit's docstring example: U on 0, 1 and CX both ways. */
function exampleTarget(): Target {
  const theta = new Parameter('theta')
  const phi = new Parameter('phi')
  const lam = new Parameter('lambda')
  return new Target()
    .addInstruction(standardGate('u', [theta, phi, lam]), [
      [[0], props(5.23e-8, 0.00038115)],
      [[1], props(4.52e-8, 0.00032115)],
    ])
    .addInstruction(standardGate('cx'), [
      [[0, 1], props(5.23e-7, 0.00098115)],
      [[1, 0], props(4.52e-7, 0.00132115)],
    ])
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return (error as { code?: string }).code
  }
  return undefined
}

describe('Target constructor', () => {
  it('qubitProperties must have numQubits entries when numQubits > 0', () => {
    const qp = [new QubitProperties({ t1: 1e-4 }), null]
    expect(() => new Target({ numQubits: 3, qubitProperties: qp })).toThrow(RangeError)
    expect(new Target({ numQubits: 2, qubitProperties: qp }).numQubits).toBe(2)
  })

  it('numQubits 0 (the default) is taken from the length of qubitProperties', () => {
    const target = new Target({ qubitProperties: [null, null, new QubitProperties({ t2: 1e-5 })] })
    expect(target.numQubits).toBe(3)
    expect(target.qubitProperties?.[2]?.t2).toBe(1e-5)
    expect(target.qubitProperties?.[0]).toBeNull()
  })

  it('numQubits grows to the highest qarg index + 1 as instructions are added', () => {
    const target = new Target()
    expect(target.numQubits).toBe(0)
    target.addInstruction(standardGate('x'), [[[4], null]])
    expect(target.numQubits).toBe(5)
    target.addInstruction(standardGate('cx'), [[[2, 7], null]])
    expect(target.numQubits).toBe(8)
    target.addInstruction(standardGate('h')) // global: no growth
    expect(target.numQubits).toBe(8)
    expect(target.physicalQubits).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  it('keeps dt, timing constraints, description and concurrent measurements', () => {
    const target = new Target({
      description: 'dev',
      dt: 2.2e-10,
      granularity: 16,
      minLength: 64,
      pulseAlignment: 16,
      acquireAlignment: 8,
      concurrentMeasurements: [[0, 1]],
    })
    expect(target.description).toBe('dev')
    expect(target.dt).toBe(2.2e-10)
    expect(target.timingConstraints().toJSON()).toEqual({
      granularity: 16,
      min_length: 64,
      pulse_alignment: 16,
      acquire_alignment: 8,
    })
    expect(target.concurrentMeasurements).toEqual([[0, 1]])
    expect(new Target().timingConstraints().granularity).toBe(1)
  })
})

describe('Target.addInstruction', () => {
  it('the name defaults to the operation name', () => {
    expect(exampleTarget().operationNames).toEqual(['u', 'cx'])
  })

  it('names are unique: adding a name twice throws target.duplicate-instruction', () => {
    const target = exampleTarget()
    expect(() => target.addInstruction(standardGate('cx'))).toThrow(/already in the target/)
    expect(codeOf(() => target.addInstruction(standardGate('cx')))).toBe(
      'target.duplicate-instruction',
    )
  })

  it('omitted properties mean global: {null: null}, any qubits, no properties', () => {
    const target = new Target({ numQubits: 3 }).addInstruction(new Measure())
    const entry = target.get('measure')!
    expect(entry.keys()).toEqual([null])
    expect(entry.get(null)).toBeNull()
    expect(target.qargsForOperationName('measure')).toBeNull()
    expect(target.instructionSupported({ operationName: 'measure', qargs: [2] })).toBe(true)
  })

  it('every qargs length must equal the operation’s qubit count (target.qargs-mismatch)', () => {
    const target = new Target()
    expect(codeOf(() => target.addInstruction(standardGate('cx'), [[[0], null]]))).toBe(
      'target.qargs-mismatch',
    )
    expect(() => target.addInstruction(standardGate('x'), [[[-1], null]])).toThrow(RangeError)
    expect(target.size).toBe(0)
  })

  it('a class may be added only with an explicit name and no properties, and is always global', () => {
    const target = new Target({ numQubits: 4 })
    expect(codeOf(() => target.addInstruction(IfElseOp))).toBe('target.invalid-instruction')
    expect(codeOf(() => target.addInstruction(IfElseOp, [[[0], null]], 'if_else'))).toBe(
      'target.invalid-instruction',
    )
    target.addInstruction(IfElseOp, undefined, 'if_else')
    expect(target.operationFromName('if_else')).toBe(IfElseOp)
    expect(target.qargsForOperationName('if_else')).toBeNull()
    expect(target.get('if_else')!.get(null)).toBeNull()
    expect(target.instructions).toEqual([[IfElseOp, null]])
  })

  it('the same gate may be added under several names with different fixed parameters (rx, rx_30)', () => {
    const theta = new Parameter('theta')
    const target = new Target()
      .addInstruction(standardGate('rx', [theta]), [[[0], props(5.23e-8, 0.00038115)]])
      .addInstruction(standardGate('rx', [Math.PI / 6]), [[[0], props(1.74e-6, 0.00012)]], 'rx_30')
    expect(target.operationNames).toEqual(['rx', 'rx_30'])
    expect((target.operationFromName('rx_30') as StandardGate).params).toEqual([Math.PI / 6])
    expect(target.get('rx_30')!.get([0])!.duration).toBe(1.74e-6)
  })

  it('accepts a Map of qargs to properties (Qiskit’s dict)', () => {
    const map = new Map<Qargs, InstructionProperties | null>([
      [[0, 1], props(1e-7, 0.01)],
      [[1, 2], null],
    ])
    const target = new Target().addInstruction(standardGate('cz'), map)
    expect(target.qargsForOperationName('cz')).toEqual([
      [0, 1],
      [1, 2],
    ])
  })

  it('is additive only, and freeze() ends the builder phase (target.frozen)', () => {
    const target = exampleTarget().freeze()
    expect(target.isFrozen).toBe(true)
    expect(codeOf(() => target.addInstruction(new Measure()))).toBe('target.frozen')
    expect(codeOf(() => target.updateInstructionProperties('cx', [0, 1], null))).toBe(
      'target.frozen',
    )
    expect(Object.isFrozen(target.operationNames)).toBe(true)
    expect(Object.isFrozen(target)).toBe(true)
    expect(Object.isFrozen(target.get('cx')!.get([0, 1]))).toBe(true)
  })
})

describe('Target.updateInstructionProperties', () => {
  it('replaces the properties of an existing entry', () => {
    const target = exampleTarget()
    target.updateInstructionProperties('cx', [0, 1], props(6e-7, 0.002))
    expect(target.get('cx')!.get([0, 1])).toEqual(props(6e-7, 0.002))
    expect(target.durations().get('cx', [0, 1], { unit: 's' })).toBe(6e-7)
  })

  it('an unknown name or qargs throws (Qiskit’s KeyError)', () => {
    const target = exampleTarget()
    expect(codeOf(() => target.updateInstructionProperties('ecr', [0, 1], null))).toBe(
      'target.unknown-instruction',
    )
    expect(codeOf(() => target.updateInstructionProperties('cx', [0, 2], null))).toBe(
      'target.unknown-qargs',
    )
  })
})

describe('Target mapping interface', () => {
  it('get(name) maps qargs to properties; has/keys/size/entries; iteration in insertion order', () => {
    const target = exampleTarget()
    expect(target.size).toBe(2)
    expect(target.has('cx')).toBe(true)
    expect(target.has('ecr')).toBe(false)
    expect(target.get('ecr')).toBeUndefined()
    expect(target.keys()).toEqual(['u', 'cx'])
    const cx = target.get('cx')!
    expect(cx.size).toBe(2)
    expect(cx.has([1, 0])).toBe(true)
    expect(cx.get([1, 0])?.error).toBe(0.00132115)
    expect(cx.get([2, 0])).toBeUndefined()
    expect([...target].map(([name, map]) => [name, map.size])).toEqual([
      ['u', 2],
      ['cx', 2],
    ])
    expect(cx.entries().map(([q]) => q)).toEqual([
      [0, 1],
      [1, 0],
    ])
  })

  it('operations and instructions list every (operation, qargs); instructionProperties indexes them', () => {
    const target = exampleTarget().addInstruction(ForLoopOp, undefined, 'for_loop')
    const { instructions } = target
    expect(
      instructions.map(([op, q]) => [typeof op === 'function' ? 'class' : op.name, q]),
    ).toEqual([
      ['u', [0]],
      ['u', [1]],
      ['cx', [0, 1]],
      ['cx', [1, 0]],
      ['class', null],
    ])
    expect(target.operations).toHaveLength(3)
    expect(target.instructionProperties(3)?.duration).toBe(4.52e-7)
    expect(target.instructionProperties(4)).toBeNull()
    expect(() => target.instructionProperties(5)).toThrow(RangeError)
  })

  it('operationFromName throws target.unknown-instruction for an unknown name', () => {
    expect(codeOf(() => exampleTarget().operationFromName('ecr'))).toBe(
      'target.unknown-instruction',
    )
  })
})

describe('Target qargs queries', () => {
  it('qargs is every qargs tuple of the target', () => {
    expect(exampleTarget().qargs).toEqual([[0], [1], [0, 1], [1, 0]])
  })

  it('qargs is null when the target has only global instructions', () => {
    const target = new Target({ numQubits: 2 })
      .addInstruction(standardGate('h'))
      .addInstruction(new Measure())
    expect(target.qargs).toBeNull()
    expect(new Target().qargs).toEqual([])
  })

  it('qargsForOperationName is null for a global instruction and throws for an unknown one', () => {
    const target = exampleTarget().addInstruction(new Measure())
    expect(target.qargsForOperationName('cx')).toEqual([
      [0, 1],
      [1, 0],
    ])
    expect(target.qargsForOperationName('measure')).toBeNull()
    expect(codeOf(() => target.qargsForOperationName('ecr'))).toBe('target.unknown-instruction')
  })

  it('operationNamesForQargs = exact entries ∪ class instructions ∪ global ones of the same arity', () => {
    const target = exampleTarget()
      .addInstruction(new Measure())
      .addInstruction(standardGate('swap'))
      .addInstruction(WhileLoopOp, undefined, 'while_loop')
    expect([...target.operationNamesForQargs([0])].sort()).toEqual(['measure', 'u', 'while_loop'])
    expect([...target.operationNamesForQargs([1, 0])].sort()).toEqual(['cx', 'swap', 'while_loop'])
    expect([...target.operationNamesForQargs(null)].sort()).toEqual([
      'measure',
      'swap',
      'while_loop',
    ])
  })

  it('operationNamesForQargs: an out-of-range qubit is a RangeError; no match is target.unknown-qargs', () => {
    const target = exampleTarget()
    expect(() => target.operationNamesForQargs([0, 5])).toThrow(RangeError)
    expect(codeOf(() => target.operationNamesForQargs([0, 0]))).toBe('target.unknown-qargs')
    expect(codeOf(() => target.operationNamesForQargs(null))).toBe('target.unknown-qargs')
    expect(target.operationsForQargs([0, 1]).map((op) => (op as StandardGate).name)).toEqual(['cx'])
  })

  it('operationNamesForQargs ignores the qargs when the target has 0 or unknown qubits', () => {
    const target = new Target({ numQubits: null }).addInstruction(standardGate('h'))
    expect([...target.operationNamesForQargs([42])]).toEqual(['h'])
  })
})

describe('Target.instructionSupported', () => {
  it('is true for an exact qargs entry and false for other qargs', () => {
    const target = exampleTarget()
    expect(target.instructionSupported({ operationName: 'cx', qargs: [0, 1] })).toBe(true)
    expect(target.instructionSupported({ operationName: 'u', qargs: [2] })).toBe(false)
    expect(target.instructionSupported({ operationName: 'ecr', qargs: [0, 1] })).toBe(false)
    expect(target.instructionSupported({ operationName: 'cx' })).toBe(true)
  })

  it('a global entry supports any in-range qargs of the right arity', () => {
    const target = exampleTarget().addInstruction(standardGate('swap'))
    expect(target.instructionSupported({ operationName: 'swap', qargs: [1, 0] })).toBe(true)
    expect(target.instructionSupported({ operationName: 'swap', qargs: [0] })).toBe(false)
    expect(target.instructionSupported({ operationName: 'swap', qargs: [0, 2] })).toBe(false)
  })

  it('a class entry supports any in-range qargs without duplicates', () => {
    const target = exampleTarget().addInstruction(IfElseOp, undefined, 'if_else')
    expect(target.instructionSupported({ operationName: 'if_else', qargs: [1, 0] })).toBe(true)
    expect(target.instructionSupported({ operationName: 'if_else', qargs: [0, 0] })).toBe(false)
    expect(target.instructionSupported({ operationName: 'if_else', qargs: [0, 2] })).toBe(false)
    expect(target.instructionSupported({ operationName: 'if_else' })).toBe(true)
  })

  it('a parameterised entry accepts any value; a fixed-angle one only its value', () => {
    const theta = new Parameter('θ')
    const target = new Target()
      .addInstruction(standardGate('rzz', [theta]), [[[0, 1], null]])
      .addInstruction(standardGate('rzz', [Math.PI / 2]), [[[1, 2], null]], 'rzz_90')
    expect(
      target.instructionSupported({ operationName: 'rzz', qargs: [0, 1], parameters: [0.123] }),
    ).toBe(true)
    expect(
      target.instructionSupported({
        operationName: 'rzz',
        qargs: [0, 1],
        parameters: [new Parameter('a')],
      }),
    ).toBe(true)
    expect(
      target.instructionSupported({
        operationName: 'rzz_90',
        qargs: [1, 2],
        parameters: [Math.PI / 2],
      }),
    ).toBe(true)
    expect(
      target.instructionSupported({
        operationName: 'rzz_90',
        qargs: [1, 2],
        parameters: [Math.PI / 4],
      }),
    ).toBe(false)
    // A symbolic value never matches a fixed parameter; the count must agree.
    expect(
      target.instructionSupported({ operationName: 'rzz_90', parameters: [new Parameter('a')] }),
    ).toBe(false)
    expect(target.instructionSupported({ operationName: 'rzz', parameters: [1, 2] })).toBe(false)
    // A bound expression counts as its number.
    expect(
      target.instructionSupported({
        operationName: 'rzz_90',
        parameters: [theta.mul(0).add(Math.PI / 2)],
      }),
    ).toBe(true)
  })

  it('with parameters, the qargs are still checked (deliberate fix of Qiskit’s quirk)', () => {
    const target = new Target().addInstruction(
      standardGate('rzz', [Math.PI / 2]),
      [[[1, 2], null]],
      'rzz_90',
    )
    expect(
      target.instructionSupported({
        operationName: 'rzz_90',
        qargs: [0, 1],
        parameters: [Math.PI / 2],
      }),
    ).toBe(false)
  })

  it('by class: any entry that is an instance of it, under any name, with matching parameters', () => {
    const target = new Target()
      .addInstruction(standardGate('rx', [Math.PI / 6]), [[[0], null]], 'rx_30')
      .addInstruction(new Measure(), [[[1], null]])
      .addInstruction(ForLoopOp, undefined, 'for_loop')
    expect(
      target.instructionSupported({
        operationClass: StandardGate,
        qargs: [0],
        parameters: [Math.PI / 6],
      }),
    ).toBe(true)
    expect(
      target.instructionSupported({
        operationClass: StandardGate,
        qargs: [0],
        parameters: [Math.PI / 4],
      }),
    ).toBe(false)
    expect(target.instructionSupported({ operationClass: Measure, qargs: [1] })).toBe(true)
    expect(target.instructionSupported({ operationClass: Measure, qargs: [0] })).toBe(false)
    expect(target.instructionSupported({ operationClass: ForLoopOp, qargs: [0, 1] })).toBe(true)
    expect(target.instructionSupported({ operationClass: WhileLoopOp })).toBe(false)
    expect(target.instructionSupported({ operationClass: Gate, qargs: [0] })).toBe(true)
  })

  it('ignores the qargs when the target’s qubit count is unknown', () => {
    const target = new Target({ numQubits: null }).addInstruction(standardGate('x'))
    expect(target.numQubits).toBeNull()
    expect(target.instructionSupported({ operationName: 'x', qargs: [99] })).toBe(true)
  })
})

describe('Target.buildCouplingMap', () => {
  it('has nodes 0 … numQubits−1 and one edge per 2-qubit qargs of any instruction', () => {
    const target = new Target({ numQubits: 4 })
      .addInstruction(standardGate('cx'), [
        [[0, 1], null],
        [[1, 2], null],
      ])
      .addInstruction(standardGate('ecr'), [
        [[1, 2], null],
        [[2, 1], null],
      ])
    const cmap = target.buildCouplingMap()!
    expect(cmap.physicalQubits).toEqual([0, 1, 2, 3])
    expect(cmap.getEdges()).toEqual([
      [0, 1],
      [1, 2],
      [2, 1],
    ])
  })

  it('is null when qargs is null (only global instructions)', () => {
    const target = new Target({ numQubits: 3 })
      .addInstruction(standardGate('cx'))
      .addInstruction(standardGate('x'))
    expect(target.buildCouplingMap()).toBeNull()
  })

  it('is null when a 2-qubit instruction is global, even mixed with constrained ones; twoQGate shows those', () => {
    const target = new Target({ numQubits: 3 })
      .addInstruction(standardGate('cx'), [[[0, 1], null]])
      .addInstruction(standardGate('swap'))
    expect(target.buildCouplingMap()).toBeNull()
    expect(target.buildCouplingMap({ twoQGate: 'cx' })?.getEdges()).toEqual([[0, 1]])
  })

  it('is null when there are no edges and some instruction is global', () => {
    const target = new Target()
      .addInstruction(standardGate('x'), [[[0], null]])
      .addInstruction(new Measure())
    expect(target.buildCouplingMap()).toBeNull()
    const noGlobal = new Target().addInstruction(standardGate('x'), [
      [[0], null],
      [[1], null],
    ])
    expect(noGlobal.buildCouplingMap()?.getEdges()).toEqual([])
    expect(noGlobal.buildCouplingMap()?.size()).toBe(2)
  })

  it('ignores instructions on more than two qubits', () => {
    const target = new Target()
      .addInstruction(standardGate('ccx'), [[[0, 1, 2], null]])
      .addInstruction(standardGate('cz'), [[[1, 2], null]])
    expect(target.buildCouplingMap()?.getEdges()).toEqual([[1, 2]])
  })

  it('twoQGate restricts the edges to that instruction and throws for a non-2-qubit one', () => {
    const target = exampleTarget()
    expect(target.buildCouplingMap({ twoQGate: 'cx' })?.getEdges()).toEqual([
      [0, 1],
      [1, 0],
    ])
    expect(codeOf(() => target.buildCouplingMap({ twoQGate: 'u' }))).toBe('target.not-two-qubit')
    expect(codeOf(() => target.buildCouplingMap({ twoQGate: 'ecr' }))).toBe(
      'target.unknown-instruction',
    )
  })

  it('filterIdleQubits drops qubits no instruction uses (holes in the numbering)', () => {
    const target = new Target({ numQubits: 6 })
      .addInstruction(standardGate('cx'), [
        [[0, 1], null],
        [[4, 5], null],
      ])
      .addInstruction(standardGate('x'), [[[3], null]])
    expect(target.buildCouplingMap()?.physicalQubits).toEqual([0, 1, 2, 3, 4, 5])
    const filtered = target.buildCouplingMap({ filterIdleQubits: true })!
    expect(filtered.physicalQubits).toEqual([0, 1, 3, 4, 5])
    expect(filtered.componentQubits()).toEqual([[0, 1], [3], [4, 5]])
  })

  it('connectivity() is a tagged union: all-to-all where buildCouplingMap is null', () => {
    expect(new Target({ numQubits: 2 }).addInstruction(standardGate('cx')).connectivity()).toEqual({
      kind: 'all-to-all',
    })
    const graph = exampleTarget().connectivity()
    expect(graph.kind).toBe('graph')
    if (graph.kind === 'graph') {
      expect(graph.edges).toEqual([
        [0, 1],
        [1, 0],
      ])
      expect(graph.couplingMap.size()).toBe(2)
    }
  })

  it('returns a fresh copy each call, rebuilt after addInstruction', () => {
    const target = exampleTarget()
    const first = target.buildCouplingMap()!
    first.addEdge(0, 5)
    expect(target.buildCouplingMap()!.getEdges()).toEqual([
      [0, 1],
      [1, 0],
    ])
    target.addInstruction(standardGate('cz'), [[[1, 2], null]])
    expect(target.buildCouplingMap()!.getEdges()).toEqual([
      [0, 1],
      [1, 0],
      [1, 2],
    ])
  })
})

describe('Target durations and non-global names', () => {
  it('durations() holds every entry with a duration, in seconds, with the target’s dt', () => {
    const target = new Target({ dt: 1e-9 })
      .addInstruction(standardGate('x'), [
        [[0], props(3.5e-8, 1e-4)],
        [[1], props(null, 1e-4)],
        [[2], null],
      ])
      .addInstruction(new Measure(), [[[0], props(5e-6, 0.02)]])
    const durations = target.durations()
    expect(durations.dt).toBe(1e-9)
    expect(durations.get('x', [0], { unit: 's' })).toBe(3.5e-8)
    expect(durations.get('x', 0)).toBe(35)
    expect(durations.get('measure', [0])).toBe(5000)
    expect(durations.has('x', [1])).toBe(false)
    expect(codeOf(() => durations.get('x', [2]))).toBe('target.duration-not-found')
    expect(target.durations()).toBe(durations) // cached
    target.addInstruction(standardGate('h'), [[[0], props(1e-8, null)]])
    expect(target.durations()).not.toBe(durations)
  })

  it('getNonGlobalOperationNames lists instructions missing on some qubits or qargs', () => {
    const target = new Target({ numQubits: 3 })
      .addInstruction(standardGate('x'), [
        [[0], null],
        [[1], null],
        [[2], null],
      ])
      .addInstruction(standardGate('sx'), [[[0], null]])
      .addInstruction(standardGate('cx'), [
        [[0, 1], null],
        [[1, 2], null],
      ])
      .addInstruction(standardGate('ecr'), [
        [[1, 0], null],
        [[2, 1], null],
      ])
      .addInstruction(new Measure())
    expect(target.getNonGlobalOperationNames()).toEqual(['sx'])
    expect(target.getNonGlobalOperationNames({ strictDirection: true })).toEqual([
      'sx',
      'cx',
      'ecr',
    ])
  })
})

describe('InstructionProperties and QubitProperties', () => {
  it('InstructionProperties: duration (s) and error default to null; frozen; with() copies', () => {
    const empty = new InstructionProperties()
    expect(empty.toJSON()).toEqual({ duration: null, error: null })
    const p = new InstructionProperties({ duration: 1e-7, error: 0.01 })
    expect(Object.isFrozen(p)).toBe(true)
    expect(p.with({ error: 0.02 }).toJSON()).toEqual({ duration: 1e-7, error: 0.02 })
    expect(p.toString()).toBe('InstructionProperties(duration=1e-7, error=0.01)')
    expect(() => new InstructionProperties({ error: Number.NaN })).toThrow(TypeError)
  })

  it('QubitProperties: t1, t2 (s) and frequency (Hz), any may be null', () => {
    const q = new QubitProperties({ t1: 1e-4, frequency: 5e9 })
    expect(q.toJSON()).toEqual({ t1: 1e-4, t2: null, frequency: 5e9 })
    expect(Object.isFrozen(q)).toBe(true)
  })
})

describe('TargetError', () => {
  it('is a QfabricError with a stable target.* code', () => {
    expect(() => new Target().operationFromName('nope')).toThrow(TargetError)
    try {
      new Target().operationFromName('nope')
    } catch (error) {
      expect(error).toBeInstanceOf(TargetError)
      expect((error as TargetError).name).toBe('TargetError')
      expect((error as TargetError).code).toBe('target.unknown-instruction')
    }
  })
})
