import type { TSchema } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import * as protocol from '../../src/index.js'
import { PROTOCOL_SCHEMAS } from '../../src/schemas/protocol-schemas.js'

/** Every sub-schema with a `$id`, found by walking the JSON structure. */
function collectIds(schema: unknown, out: Map<string, string[]>): void {
  if (typeof schema !== 'object' || schema === null) return
  if (Array.isArray(schema)) {
    for (const item of schema) collectIds(item, out)
    return
  }
  const record = schema as Record<string, unknown>
  const id = record['$id']
  if (typeof id === 'string') out.set(id, [...(out.get(id) ?? []), JSON.stringify(schema)])
  for (const value of Object.values(record)) collectIds(value, out)
}

describe('PROTOCOL_SCHEMAS', () => {
  it('lists every exported schema that has a $id, once', () => {
    const exported = Object.entries(protocol)
      .filter(([name]) => name.endsWith('Schema'))
      .map(([, value]) => value as TSchema)
      .filter((s) => typeof s.$id === 'string')
    expect(new Set(PROTOCOL_SCHEMAS)).toEqual(new Set(exported))
    expect(new Set(PROTOCOL_SCHEMAS.map((s) => s.$id)).size).toBe(PROTOCOL_SCHEMAS.length)
  })

  it('carry a $id only at the root, so Ajv (Fastify) never sees one id twice in a schema', () => {
    for (const schema of PROTOCOL_SCHEMAS) {
      const ids = new Map<string, string[]>()
      collectIds(schema, ids)
      expect([...ids.keys()], schema.$id).toEqual([schema.$id])
    }
  })

  it('names every schema with a PascalCase $id and keeps schemas plain JSON', () => {
    for (const schema of PROTOCOL_SCHEMAS) {
      expect(schema.$id).toMatch(/^[A-Z][A-Za-z]+$/)
      expect(JSON.parse(JSON.stringify(schema))).toBeTypeOf('object')
    }
  })
})
