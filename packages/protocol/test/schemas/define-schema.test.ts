import { Kind, Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { defineSchema } from '../../src/schemas/define-schema.js'

describe('defineSchema', () => {
  it('keeps the root $id, drops nested ones, keeps TypeBox kinds', () => {
    const part = Type.Object({ x: Type.Integer() }, { $id: 'Part' })
    const whole = defineSchema(Type.Object({ a: part, b: Type.Optional(part) }, { $id: 'Whole' }))
    expect(whole.$id).toBe('Whole')
    expect(whole.properties.a.$id).toBeUndefined()
    expect(whole.properties.a[Kind]).toBe('Object')
    expect(part.$id).toBe('Part')
    expect(Value.Check(whole, { a: { x: 1 } })).toBe(true)
    expect(Value.Check(whole, { a: { x: 1 }, b: { x: 'no' } })).toBe(false)
  })
})
