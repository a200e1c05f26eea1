import { describe, expect, it } from 'vitest'
import { QuantumCircuit, standardGate } from '../../../src/circuit/index.js'
import type { DagCircuit } from '../../../src/transpiler/dag/dag-circuit.js'
import { PassManager } from '../../../src/transpiler/passmanager/pass-manager.js'
import {
  conditional,
  doWhile,
  isPass,
  type AnalysisPass,
  type TransformationPass,
} from '../../../src/transpiler/passmanager/pass.js'
import { PropertySet } from '../../../src/transpiler/passmanager/property-set.js'
import { TranspilerError } from '../../../src/transpiler/transpiler-error.js'

/** Counts its runs; writes the op count to `size`. */
function sizePass(log: string[], key?: string): AnalysisPass {
  return {
    name: 'Size',
    key,
    kind: 'analysis',
    run: (dag, { propertySet }) => {
      log.push(`Size(${key ?? ''})`)
      propertySet.set('size', dag.size())
    },
  }
}

/** Removes the first `x` gate. */
function removeX(log: string[], requires: AnalysisPass[] = []): TransformationPass {
  return {
    name: 'RemoveX',
    kind: 'transformation',
    requires,
    run: (dag) => {
      log.push('RemoveX')
      const [x] = dag.opNodes({ name: 'x' })
      if (x === undefined) return dag
      const out = dag.copy()
      out.removeOpNode(x)
      return out
    },
  }
}

describe('PassManager', () => {
  it('runs passes in order, keeps the name and never changes the input', () => {
    const qc = new QuantumCircuit(1, { name: 'keep-me' }).x(0).h(0).x(0)
    const log: string[] = []
    const out = new PassManager([removeX(log), removeX(log)]).run(qc)
    expect(out.data.map((d) => d.operation.name)).toEqual(['h'])
    expect(out.name).toBe('keep-me')
    expect(qc.size()).toBe(3)
    expect(log).toEqual(['RemoveX', 'RemoveX'])
  })

  it('runs requirements once while valid, again after a transformation', () => {
    const log: string[] = []
    const size = sizePass(log)
    const needsSize: AnalysisPass = {
      name: 'NeedsSize',
      kind: 'analysis',
      requires: [size],
      run: (_dag, { propertySet }) => log.push(`NeedsSize saw ${propertySet.require('size', 'x')}`),
    }
    new PassManager([needsSize, needsSize, removeX(log), needsSize]).run(
      new QuantumCircuit(1).x(0).x(0),
    )
    expect(log).toEqual([
      'Size()',
      'NeedsSize saw 2',
      'NeedsSize saw 2',
      'RemoveX',
      'Size()',
      'NeedsSize saw 1',
    ])
  })

  it('identifies passes by their explicit key', () => {
    const log: string[] = []
    const a = sizePass(log, 'size-a')
    const b = sizePass(log, 'size-b')
    const pm = new PassManager([
      { ...removeX(log, [a]), name: 'R1' },
      { name: 'Check', kind: 'analysis', requires: [a, b], run: () => log.push('Check') },
    ])
    pm.run(new QuantumCircuit(1))
    // After the transformation everything is invalid again: both sizes run before Check.
    expect(log).toEqual(['Size(size-a)', 'RemoveX', 'Size(size-a)', 'Size(size-b)', 'Check'])
  })

  it('supports do-while and conditional flow controllers', () => {
    const log: string[] = []
    const qc = new QuantumCircuit(1).x(0).x(0).x(0).h(0)
    const loop = doWhile([removeX(log), sizePass(log)], (ps) => ps.get('size')! > 1)
    const never = conditional([removeX(log)], () => false)
    const out = new PassManager([loop, never]).run(qc)
    expect(out.size()).toBe(1)
    expect(log.filter((l) => l === 'RemoveX')).toHaveLength(3)
    expect(isPass(loop)).toBe(false)
    expect(isPass(removeX(log))).toBe(true)
    const forever = doWhile([sizePass(log)], () => true, { maxIterations: 5 })
    expect(() => new PassManager([forever]).run(qc)).toThrow(TranspilerError)
  })

  it('calls the callback after every pass, with a running count', () => {
    const events: [string, number, number][] = []
    const log: string[] = []
    new PassManager([sizePass(log), removeX(log)]).run(new QuantumCircuit(1).x(0), {
      callback: ({ pass, count, dag }) => events.push([pass.name, count, dag.size()]),
    })
    expect(events).toEqual([
      ['Size', 1, 1],
      ['RemoveX', 2, 0],
    ])
  })

  it('runs lists, DAGs, and starts from a given property set (copied)', () => {
    const log: string[] = []
    const pm = new PassManager([sizePass(log)])
    expect(pm.run([new QuantumCircuit(1), new QuantumCircuit(2)])).toHaveLength(2)
    const start = new PropertySet()
    start.set('depth', 7)
    const { propertySet } = pm.runWithPropertySet(new QuantumCircuit(1).h(0), {
      propertySet: start,
    })
    expect(propertySet.get('depth')).toBe(7)
    expect(propertySet.get('size')).toBe(1)
    expect(start.has('size')).toBe(false)
    pm.append(removeX(log))
    expect(pm.tasks).toHaveLength(2)
  })

  it('aborts between passes with the signal reason', () => {
    const controller = new AbortController()
    const reason = new Error('stop')
    const pass: AnalysisPass = {
      name: 'Abort',
      kind: 'analysis',
      run: () => {
        controller.abort(reason)
      },
    }
    const pm = new PassManager([pass, sizePass([])])
    expect(() => pm.run(new QuantumCircuit(1), { signal: controller.signal })).toThrow(reason)
  })

  it('rejects transformations that return no DAG', () => {
    const bad = {
      name: 'Bad',
      kind: 'transformation',
      run: () => undefined as unknown as DagCircuit,
    } satisfies TransformationPass
    expect(() => new PassManager([bad]).run(new QuantumCircuit(1))).toThrow(
      expect.objectContaining({ code: 'transpiler.invalid-pass' }),
    )
  })

  it('lets passes append new operations on a copy', () => {
    const addH: TransformationPass = {
      name: 'AddH',
      kind: 'transformation',
      run: (dag) => {
        const out = dag.copy()
        out.applyOperationBack({ operation: standardGate('h'), qubits: [0] })
        return out
      },
    }
    const qc = new QuantumCircuit(1).x(0)
    expect(new PassManager([addH]).run(qc).data.map((d) => d.operation.name)).toEqual(['x', 'h'])
  })
})
