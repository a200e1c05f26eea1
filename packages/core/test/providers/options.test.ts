import { describe, expect, it } from 'vitest'
import {
  describeOptionValidator,
  inRange,
  ofType,
  oneOf,
  satisfies,
} from '../../src/providers/option-validator.js'
import { Options } from '../../src/providers/options.js'
import { OptionValidationError } from '../../src/providers/provider-errors.js'

interface ShotsFields {
  shots: number
  method: string
  seed: number | undefined
  memory: boolean
}

function shotsOptions(): Options<ShotsFields> {
  const defaults: ShotsFields = { shots: 1024, method: 'automatic', seed: undefined, memory: false }
  return new Options(defaults, {
    validators: {
      shots: inRange(1, 8192, { isInteger: true }),
      method: oneOf(['automatic', 'statevector']),
      seed: ofType('integer', { isOptional: true }),
      memory: ofType('boolean'),
    },
  })
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return error instanceof OptionValidationError
      ? error.code
      : `not an OptionValidationError: ${String(error)}`
  }
  return undefined
}

describe('Options (qiskit-semantics §A.6)', () => {
  it('A.6 range validator is inclusive at both ends', () => {
    const o = shotsOptions()
    o.set('shots', 1)
    o.set('shots', 8192)
    expect(o.get('shots')).toBe(8192)
    expect(
      codeOf(() => {
        o.set('shots', 0)
      }),
    ).toBe('option.out-of-range')
    expect(
      codeOf(() => {
        o.set('shots', 8193)
      }),
    ).toBe('option.out-of-range')
  })

  it('A.6 range violation message says ">= lo and <= hi"', () => {
    expect(() => {
      shotsOptions().set('shots', 0)
    }).toThrow(/>= 1 and <= 8192/)
  })

  it('C.6 an integer range refuses 1.5 shots (Qiskit lets it through)', () => {
    expect(
      codeOf(() => {
        shotsOptions().set('shots', 1.5)
      }),
    ).toBe('option.out-of-range')
  })

  it('A.6 allowed-values validator refuses other values, naming the allowed ones', () => {
    const o = shotsOptions()
    o.set('method', 'statevector')
    expect(
      codeOf(() => {
        o.set('method', 'mps')
      }),
    ).toBe('option.not-allowed')
    expect(() => {
      o.set('method', 'mps')
    }).toThrow(/one of \['automatic', 'statevector'\]/)
  })

  it('A.6 type validator refuses a value of the wrong type (Qiskit raises TypeError)', () => {
    const o = shotsOptions()
    expect(
      codeOf(() => {
        o.update({ memory: 'yes' as unknown as boolean })
      }),
    ).toBe('option.wrong-type')
    expect(
      codeOf(() => {
        o.update({ seed: 1.5 })
      }),
    ).toBe('option.wrong-type')
    o.set('seed', 42)
    o.set('seed', undefined)
    expect(o.get('seed')).toBeUndefined()
  })

  it('A.6 an empty allowed-values list is refused', () => {
    expect(() => oneOf([])).toThrow(RangeError)
  })

  it('A.6 a range with lo > hi is refused', () => {
    expect(() => inRange(2, 1)).toThrow(RangeError)
  })

  it('A.6 update is all-or-nothing: one invalid field and nothing changes', () => {
    const o = shotsOptions()
    expect(() => {
      o.update({ method: 'statevector', shots: 0 })
    }).toThrow(OptionValidationError)
    expect(o.get('method')).toBe('automatic')
    expect(o.get('shots')).toBe(1024)
  })

  it('A.6 set_options rejects unknown fields ("not valid for this backend")', () => {
    const o = shotsOptions()
    expect(
      codeOf(() => {
        o.update({ foo: 1 } as never)
      }),
    ).toBe('option.unknown')
    expect(() => {
      o.update({ foo: 1 } as never)
    }).toThrow(/Options field foo is not valid for this backend/)
  })

  it('A.6 reading an undefined option throws ("Option x is not defined")', () => {
    expect(() => shotsOptions().get('nope' as never)).toThrow(/Option nope is not defined/)
  })

  it('A.6 set_validator needs an existing field, and replaces the old validator', () => {
    const o = shotsOptions()
    expect(() => {
      o.setValidator('nope' as never, inRange(0, 1))
    }).toThrow(RangeError)
    o.setValidator('shots', inRange(1, 100000))
    o.set('shots', 50000)
    expect(o.validator('shots')).toEqual({ kind: 'range', min: 1, max: 100000 })
  })

  it('a new validator must accept the current value', () => {
    const o = shotsOptions()
    expect(() => {
      o.setValidator('shots', inRange(1, 10))
    }).toThrow(OptionValidationError)
    expect(o.validator('shots')).toMatchObject({ max: 8192 })
  })

  it('defaults must pass their validators', () => {
    expect(() => new Options({ shots: 0 }, { validators: { shots: inRange(1, 10) } })).toThrow(
      OptionValidationError,
    )
  })

  it('A.6 equality compares fields only, not validators', () => {
    const a = shotsOptions()
    const b = new Options({ shots: 1024, method: 'automatic', seed: undefined, memory: false })
    expect(a.equals(b)).toBe(true)
    b.set('shots', 2)
    expect(a.equals(b)).toBe(false)
  })

  it('A.6 a copy has the same fields and validators, and is independent', () => {
    const a = shotsOptions()
    const b = a.copy()
    b.set('shots', 10)
    expect(a.get('shots')).toBe(1024)
    expect(b.validator('shots')).toBe(a.validator('shots'))
    expect(() => {
      b.set('shots', 0)
    }).toThrow(OptionValidationError)
  })

  it('A.6 the Mapping view: size, has, keys, entries, iteration, toJSON', () => {
    const o = shotsOptions()
    expect(o.size).toBe(4)
    expect(o.has('shots')).toBe(true)
    expect(o.has('nope')).toBe(false)
    expect([...o.keys()]).toEqual(['shots', 'method', 'seed', 'memory'])
    expect(Object.fromEntries(o)).toEqual({
      shots: 1024,
      method: 'automatic',
      seed: undefined,
      memory: false,
    })
    expect(Object.isFrozen(o.toJSON())).toBe(true)
  })

  it('A.6 toString appends a "Where:" section describing each validator', () => {
    const text = shotsOptions().toString()
    expect(text).toContain("Options(shots=1024, method='automatic', seed=undefined, memory=false)")
    expect(text).toContain('Where:')
    expect(text).toContain('shots is an integer >= 1 and <= 8192')
    expect(text).toContain("method is one of ['automatic', 'statevector']")
    expect(new Options({ a: 1 }).toString()).toBe('Options(a=1)')
  })

  it('C.6 limits are readable from the validators (Qiskit/qiskit#9573)', () => {
    const v = shotsOptions().validator('shots')
    expect(v?.kind === 'range' ? v.max : undefined).toBe(8192)
    expect(describeOptionValidator(v!)).toBe('an integer >= 1 and <= 8192')
  })

  it('A.6 run-time overrides never mutate the stored options', () => {
    const o = shotsOptions()
    const run = o.withOverrides({ shots: 10, method: 'statevector' })
    expect(run.values).toMatchObject({ shots: 10, method: 'statevector', memory: false })
    expect(o.get('shots')).toBe(1024)
    expect(Object.isFrozen(run.values)).toBe(true)
  })

  it('A.6 overrides are validated, and undefined overrides are ignored (IBMQ: non-null kwargs)', () => {
    const o = shotsOptions()
    expect(() => o.withOverrides({ shots: 0 })).toThrow(OptionValidationError)
    expect(o.withOverrides({ shots: undefined }).values.shots).toBe(1024)
  })

  it('C.6 unknown run options: reject (default), warn (dropped), pass (kept)', () => {
    const o = shotsOptions()
    expect(codeOf(() => o.withOverrides({ foo: 1 }))).toBe('option.unknown')
    const warned = o.withOverrides({ foo: 1 }, 'warn')
    expect(warned.values).not.toHaveProperty('foo')
    expect(warned.unknown).toEqual(['foo'])
    expect(warned.warnings[0]).toMatch(/foo is not a recognized option/)
    const passed = new Options({ shots: 1 }, { unknownOptions: 'pass' }).withOverrides({ foo: 1 })
    expect(passed.values).toMatchObject({ foo: 1 })
    expect(passed.warnings).toEqual([])
  })

  it('reset restores one default, or all', () => {
    const o = shotsOptions()
    o.update({ shots: 5, method: 'statevector' })
    o.reset('shots')
    expect(o.get('shots')).toBe(1024)
    expect(o.get('method')).toBe('statevector')
    o.reset()
    expect(o.get('method')).toBe('automatic')
  })

  it('custom validators report their reason with code option.invalid', () => {
    const o = new Options(
      { name: 'a' },
      {
        validators: {
          name: satisfies('a lower-case name', (v) =>
            /^[a-z]+$/.test(String(v)) ? undefined : 'is not lower-case',
          ),
        },
      },
    )
    expect(
      codeOf(() => {
        o.set('name', 'A')
      }),
    ).toBe('option.invalid')
    expect(() => {
      o.set('name', 'A')
    }).toThrow(/is not lower-case: must be a lower-case name/)
  })
})
