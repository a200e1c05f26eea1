import type { TSchema } from '@sinclair/typebox'

/**
 * Finalises a named schema: a deep copy that keeps the root's `$id` and drops every nested one.
 *
 * Why: schemas are built from named parts (the job record embeds the queue info, …). Ajv — and so
 * Fastify — rejects a schema in which one `$id` occurs twice ("reference resolves to more than one
 * schema"), which happens as soon as a named part is embedded twice. Keeping `$id` only at the
 * root of every exported schema makes each one self-contained and safe to use in any route. The
 * copy keeps TypeBox's symbol keys, so `Static` and `Value` work as before.
 *
 * @param schema - a TypeBox schema with a `$id`
 * @returns the self-contained copy
 */
export function defineSchema<TType extends TSchema>(schema: TType): TType {
  return copyWithoutNestedIds(schema, true) as TType
}

function copyWithoutNestedIds(value: unknown, isRoot: boolean): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => copyWithoutNestedIds(item, false))
  if (typeof value !== 'object' || value === null) return value
  const source = value as Record<string | symbol, unknown>
  const out: Record<string | symbol, unknown> = {}
  // Reflect.ownKeys includes TypeBox's symbol keys ([Kind], [OptionalKind], …).
  for (const key of Reflect.ownKeys(source)) {
    // No protocol object has a property literally named `$id`, so this only strips schema ids.
    if (key === '$id' && !isRoot) continue
    out[key] = copyWithoutNestedIds(source[key], false)
  }
  return out
}
