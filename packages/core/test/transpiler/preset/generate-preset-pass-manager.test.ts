import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { createGenericTarget } from '../../../src/testing/generic-target.js'
import { isPass, type Task } from '../../../src/transpiler/passmanager/pass.js'
import {
  registerStagePlugin,
  stagePluginNames,
  stageRegistry,
  unregisterStagePlugin,
} from '../../../src/transpiler/passmanager/stage-registry.js'
import { generatePresetPassManager } from '../../../src/transpiler/preset/generate-preset-pass-manager.js'
import { TranspilerError } from '../../../src/transpiler/transpiler-error.js'
import { assertEquivalent } from './__fixtures__/equivalence.js'

const target = createGenericTarget({
  numQubits: 5,
  basisGates: ['rz', 'sx', 'x', 'cx'],
  couplingMap: CouplingMap.fromLine(5, { bidirectional: true }),
})

function passNames(tasks: readonly Task[]): string[] {
  return tasks.flatMap((t) => (isPass(t) ? [t.name] : passNames(t.tasks)))
}

describe('generatePresetPassManager', () => {
  it('fills every stage from the registered built-in plugins', () => {
    for (const stage of ['init', 'translation', 'optimization', 'scheduling'] as const) {
      expect(stagePluginNames(stage)).toContain('default')
    }
    expect(stageRegistry.translation.translator).toBeDefined()
    expect(stageRegistry.scheduling.alap).toBeDefined()
    const pm = generatePresetPassManager(3, { target, seed: 1 })
    expect(passNames(pm.stage('init'))).toEqual(
      expect.arrayContaining(['Unroll3qOrMore', 'ConsolidateBlocks']),
    )
    expect(passNames(pm.stage('translation'))).toEqual(
      expect.arrayContaining(['BasisTranslator', 'GateDirection']),
    )
    expect(passNames(pm.stage('optimization'))).toEqual(
      expect.arrayContaining([
        'ConsolidateBlocks',
        'Optimize1qGatesDecomposition',
        'CommutativeCancellation',
        'MinimumPoint',
      ]),
    )
    expect(pm.stage('optimization').length).toBeGreaterThan(0)
    expect(generatePresetPassManager(0, { target }).stage('optimization')).toEqual([])
  })

  it('skips layout and routing without a device', () => {
    const pm = generatePresetPassManager(2, { basisGates: ['u', 'cx'] })
    expect(pm.stage('layout')).toEqual([])
    expect(pm.stage('routing')).toEqual([])
    const out = pm.run(new QuantumCircuit(3).ccx(0, 1, 2))
    expect(new Set(out.data.map((i) => i.operation.name))).toEqual(new Set(['u', 'cx']))
  })

  it('runs a third-party translation plugin registered like the built-ins', () => {
    let built = 0
    registerStagePlugin('translation', 'counting', {
      createTasks: (config) => {
        built++
        return stageRegistry.translation.translator.createTasks(config)
      },
    })
    try {
      const qc = new QuantumCircuit(3).h(0).cx(0, 2).cx(1, 2)
      const out = generatePresetPassManager(1, { target, translationMethod: 'counting' }).run(qc)
      expect(built).toBe(1)
      assertEquivalent(qc, out)
    } finally {
      unregisterStagePlugin('translation', 'counting')
    }
    expect(() => generatePresetPassManager(1, { target, schedulingMethod: 'nope' })).toThrow(
      TranspilerError,
    )
  })
})
