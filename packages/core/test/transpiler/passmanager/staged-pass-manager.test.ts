import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/index.js'
import { isPass, type AnalysisPass } from '../../../src/transpiler/passmanager/pass.js'
import { STAGE_NAMES } from '../../../src/transpiler/passmanager/stage-plugin.js'
import { StagedPassManager } from '../../../src/transpiler/passmanager/staged-pass-manager.js'
import {
  getStagePlugin,
  registerStagePlugin,
  stagePluginNames,
  stageRegistry,
  unregisterStagePlugin,
} from '../../../src/transpiler/passmanager/stage-registry.js'
import { TranspilerError } from '../../../src/transpiler/transpiler-error.js'

function logPass(log: string[], name: string): AnalysisPass {
  return {
    name,
    kind: 'analysis',
    run: () => {
      log.push(name)
    },
  }
}

describe('StagedPassManager', () => {
  it('runs pre, main and post of each stage, in stage order', () => {
    const log: string[] = []
    const spm = new StagedPassManager({
      stages: { routing: [logPass(log, 'routing')], init: [logPass(log, 'init')] },
      pre: { routing: [logPass(log, 'pre-routing')] },
      post: { init: [logPass(log, 'post-init')], scheduling: [logPass(log, 'post-scheduling')] },
    })
    spm.setStage('optimization', [logPass(log, 'optimization')])
    spm.setStage('layout', [logPass(log, 'pre-layout')], 'pre')
    spm.run(new QuantumCircuit(1))
    expect(log).toEqual([
      'init',
      'post-init',
      'pre-layout',
      'pre-routing',
      'routing',
      'optimization',
      'post-scheduling',
    ])
    expect(spm.stages).toEqual(STAGE_NAMES)
    expect(spm.stage('routing', 'pre').map((p) => (isPass(p) ? p.name : p.kind))).toEqual([
      'pre-routing',
    ])
    expect(spm.stage('translation')).toEqual([])
    expect(() => spm.setStage('bogus' as never, [])).toThrow(RangeError)
  })

  it('builds stages from registered plugins, third-party ones included', () => {
    const log: string[] = []
    registerStagePlugin('optimization', 'test-logger', {
      description: 'logs',
      createTasks: (config) => [logPass(log, `level ${config.optimizationLevel}`)],
    })
    try {
      expect(stagePluginNames('optimization')).toContain('test-logger')
      expect(stageRegistry.optimization['test-logger']).toBeDefined()
      const spm = StagedPassManager.fromPlugins(
        { optimizationLevel: 2 },
        { optimization: 'test-logger' },
      )
      spm.run(new QuantumCircuit(1))
      expect(log).toEqual(['level 2'])
      expect(() => {
        registerStagePlugin('optimization', 'test-logger', { createTasks: () => [] })
      }).toThrow(expect.objectContaining({ code: 'transpiler.duplicate-plugin' }))
    } finally {
      expect(unregisterStagePlugin('optimization', 'test-logger')).toBe(true)
    }
    expect(unregisterStagePlugin('optimization', 'test-logger')).toBe(false)
    expect(() => getStagePlugin('routing', 'nope')).toThrow(TranspilerError)
    expect(() => getStagePlugin('routing', 'nope')).toThrow(
      /registered: default, sabre, basic, none/,
    )
    expect(() =>
      StagedPassManager.fromPlugins({ optimizationLevel: 0 }, { layout: 'missing' }),
    ).toThrow(expect.objectContaining({ code: 'transpiler.unknown-plugin' }))
  })

  it('registers the built-ins through the same registry', () => {
    expect(stagePluginNames('layout')).toEqual(['default', 'trivial', 'dense', 'vf2', 'sabre'])
    expect(getStagePlugin('routing', 'sabre')).toBe(stageRegistry.routing.sabre)
  })
})
