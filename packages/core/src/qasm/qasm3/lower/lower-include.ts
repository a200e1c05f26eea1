import type { IncludeStatement } from '../ast.js'
import { parseProgram } from '../parse-program.js'
import { STDGATES, standardGateSymbol } from './gate-table.js'
import type { LoweringContext } from './lowering-context.js'
import { fail } from './lowering-error.js'

/** Includes nest at most this deep (a file including itself stops here). */
const MAX_INCLUDE_DEPTH = 16

/** Declares the `stdgates.inc` names as standard gates (once). */
export function declareStdgates(ctx: LoweringContext): void {
  if (ctx.hasStdgates) return
  ctx.hasStdgates = true
  const scope = ctx.scope.root()
  for (const [name, standard] of STDGATES) {
    if (scope.declaresLocally(name)) continue
    scope.declare(
      name,
      { kind: 'gate', gate: standardGateSymbol(name, standard) },
      { offset: 0, length: 0 },
    )
  }
}

/**
 * Lowers `include "file";`: `stdgates.inc` maps onto the standard gates without being read
 * (as Qiskit does); any other file comes from the include resolver and is parsed and lowered in
 * place, its diagnostics pointing into it.
 *
 * @param ctx - the lowering context
 * @param node - the include
 * @throws LoweringError if the file is unknown, or includes nest too deeply
 */
export function lowerInclude(ctx: LoweringContext, node: IncludeStatement): void {
  if (ctx.scope.parent !== undefined) {
    fail(
      'qasm3.semantic.include-not-global',
      "'include' is only allowed in the global scope",
      node.span,
    )
  }
  if (node.path === 'stdgates.inc') {
    declareStdgates(ctx)
    return
  }
  if (ctx.includeDepth >= MAX_INCLUDE_DEPTH) {
    fail(
      'qasm3.semantic.include-depth',
      `includes nest more than ${MAX_INCLUDE_DEPTH} deep`,
      node.span,
    )
  }
  const text = ctx.options.includeResolver?.resolve(node.path, ctx.source.name)
  if (text === undefined) {
    fail(
      'qasm3.semantic.include-not-found',
      `cannot find the include file '${node.path}'`,
      node.span,
    )
  }
  const parsed = parseProgram(text, node.path)
  ctx.diagnostics.push(...parsed.diagnostics)
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return
  const outer = ctx.source
  ctx.source = parsed.source
  ctx.includeDepth++
  try {
    ctx.lowerStatements(ctx, parsed.program.statements)
  } finally {
    ctx.source = outer
    ctx.includeDepth--
  }
}
