import { OptionValidationError } from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import { createSimulatorOptions, MAX_SHOTS } from '../../src/backends/simulator-options.js'
import { NoiseModel } from '../../src/noise/noise-model.js'

describe('createSimulatorOptions', () => {
  const options = createSimulatorOptions({ methods: ['automatic', 'statevector'] })

  it('has Aer-like defaults', () => {
    expect(options.toJSON()).toMatchObject({
      shots: 1024,
      seed: undefined,
      memory: false,
      method: 'automatic',
      precision: 'double',
      fusionEnable: true,
      maxParallelThreads: 0,
      noiseModel: null,
    })
    expect(options.get('maxMemoryMb')).toBeGreaterThan(0)
    expect(options.unknownOptions).toBe('warn')
  })

  it('validates every write', () => {
    const bad: Record<string, unknown> = {
      shots: MAX_SHOTS + 1,
      seed: 1.5,
      memory: 'yes',
      method: 'density_matrix',
      precision: 'single',
      fusionMaxQubits: 9,
      maxParallelThreads: -1,
      maxMemoryMb: 0,
      noiseModel: { errors: [] },
    }
    for (const [field, value] of Object.entries(bad)) {
      expect(() => options.withOverrides({ [field]: value }), field).toThrow(OptionValidationError)
    }
    const good = options.withOverrides({ shots: MAX_SHOTS, seed: 7, noiseModel: new NoiseModel() })
    expect(good.values.shots).toBe(MAX_SHOTS)
    expect(options.get('shots')).toBe(1024)
  })
})
