import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import type { RunInput, RunOptions } from '../../src/providers/backend.js'
import {
  supportsConfiguration,
  supportsProperties,
  supportsStatus,
} from '../../src/providers/backend-capabilities.js'
import { BaseBackendV1, isBackendV1 } from '../../src/providers/backend-v1.js'
import { BackendV2Converter } from '../../src/providers/backend-v2-converter.js'
import type { Job } from '../../src/providers/job.js'
import { LocalJob } from '../../src/providers/local-job.js'
import { inRange } from '../../src/providers/option-validator.js'
import { Options } from '../../src/providers/options.js'
import { OptionValidationError } from '../../src/providers/provider-errors.js'
import { BackendConfiguration } from '../../src/target/backend-configuration.js'
import { BackendProperties } from '../../src/target/backend-properties.js'
import { makeResult } from './__fixtures__/make-result.js'

const LIMA = fileURLToPath(
  new URL('../../../../../shared/data/qiskit-fake-backends/lima/', import.meta.url),
)
const read = (file: string): unknown => JSON.parse(readFileSync(`${LIMA}${file}`, 'utf8'))

class LimaV1 extends BaseBackendV1<{ shots: number }> {
  readonly #properties = BackendProperties.fromJSON(read('props_lima.json'))
  lastRun: RunOptions | undefined
  constructor() {
    super(BackendConfiguration.fromJSON(read('conf_lima.json')), {
      options: new Options({ shots: 1024 }, { validators: { shots: inRange(1, 8192) } }),
    })
  }
  override properties(): BackendProperties {
    return this.#properties
  }
  run(_circuits: RunInput, options?: RunOptions): Promise<Job> {
    this.lastRun = options
    return Promise.resolve(
      new LocalJob({ id: 'v1-job', backendName: this.name(), task: () => makeResult('v1-job') }),
    )
  }
}

describe('BackendV1 shape (qiskit-semantics §A.4)', () => {
  it('A.4 accessors are methods; name() comes from the configuration', () => {
    const v1 = new LimaV1()
    expect(isBackendV1(v1)).toBe(true)
    expect(v1.version).toBe(1)
    expect(v1.name()).toBe('ibmq_lima')
    expect(String(v1)).toBe('ibmq_lima')
    expect(v1.configuration().numQubits).toBe(5)
  })

  it("A.4 the default status() is operational, 0 pending, version '1', empty message", () => {
    class Bare extends BaseBackendV1 {
      run(): Promise<Job> {
        return Promise.reject(new Error('unused'))
      }
    }
    const bare = new Bare(BackendConfiguration.fromJSON(read('conf_lima.json')), {
      options: new Options({}),
    })
    expect(bare.status().toJSON()).toEqual({
      backend_name: 'ibmq_lima',
      backend_version: '1',
      operational: true,
      pending_jobs: 0,
      status_msg: '',
    })
    expect(bare.properties()).toBeNull()
  })

  it('A.4 set_options rejects unknown fields and validates the rest', () => {
    const v1 = new LimaV1()
    v1.setOptions({ shots: 10 })
    expect(v1.options.get('shots')).toBe(10)
    expect(() => {
      v1.setOptions({ nope: 1 } as never)
    }).toThrow(OptionValidationError)
    expect(() => {
      v1.setOptions({ shots: 0 })
    }).toThrow(OptionValidationError)
  })
})

describe('BackendV2Converter (qiskit-semantics §A.5)', () => {
  it('A.5 name, description and online date come from the V1 backend', () => {
    const v2 = new BackendV2Converter(new LimaV1())
    expect(v2.name).toBe('ibmq_lima')
    expect(v2.description).toBe('5 qubit device Lima')
    expect(v2.onlineDate?.toISOString()).toBe('2021-01-08T05:00:00.000Z')
    expect(v2.maxCircuits).toBe(900)
  })

  it('A.5 the converter shares the same Options object with the wrapped backend', () => {
    const v1 = new LimaV1()
    const v2 = new BackendV2Converter(v1)
    expect(v2.options).toBe(v1.options)
    v2.options.set('shots', 7)
    expect(v1.options.get('shots')).toBe(7)
  })

  it('A.5 the target is built lazily with convertToTarget, from the real lima calibration', () => {
    const v2 = new BackendV2Converter(new LimaV1())
    const target = v2.target
    expect(v2.target).toBe(target)
    expect(v2.numQubits).toBe(5)
    expect([...v2.operationNames].sort()).toEqual([
      'cx',
      'delay',
      'id',
      'measure',
      'reset',
      'rz',
      'sx',
      'x',
    ])
    const cx01 = target.get('cx')?.get([0, 1])
    expect(cx01?.error).toBeCloseTo(0.008339674869236618, 15)
    expect(cx01?.duration).toBeCloseTo(305.7777777777778e-9, 18)
    expect(v2.qubitProperties(0)?.t1).toBeCloseTo(59.69864328663569e-6, 15)
    expect(v2.couplingMap?.hasEdge(0, 1)).toBe(true)
    expect(v2.couplingMap?.hasEdge(0, 2)).toBe(false)
    expect(v2.dt).toBeGreaterThan(0)
  })

  it('A.5 run, status, properties and configuration are delegated', async () => {
    const v1 = new LimaV1()
    const v2 = new BackendV2Converter(v1)
    expect(supportsStatus(v2) && supportsProperties(v2) && supportsConfiguration(v2)).toBe(true)
    const job = await v2.run(new QuantumCircuit(1), { shots: 5 })
    expect(v1.lastRun).toEqual({ shots: 5 })
    expect(job.id).toBe('v1-job')
    expect((await v2.status()).operational).toBe(true)
    expect(await v2.properties()).toBe(v1.properties())
    expect((await v2.configuration()).backendName).toBe('ibmq_lima')
  })
})
