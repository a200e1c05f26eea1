import type { IncludeResolver } from '../qasm-error.js'
import type { IncludeStatement, Spanned, Statement } from './ast.js'
import { lowerStatement } from './lower-statement.js'
import type { LoweringContext } from './lowering-context.js'
import { Parser } from './parser.js'
import type { AbortSignalLike } from './qasm2-parse-options.js'
import { QELIB1_GATES } from './qelib1-gates.js'
import { SourceFile } from './source-file.js'

/** Includes nested deeper than this are refused (a cycle the name check missed, or abuse). */
export const MAX_INCLUDE_DEPTH = 32

/** How often (in statements) the abort signal is looked at. */
const ABORT_CHECK_INTERVAL = 1024

/** What stays the same while one program and its includes are lowered. */
export interface LoweringRun {
  readonly resolver: IncludeResolver
  readonly includePath: readonly string[]
  readonly signal: AbortSignalLike | undefined
  /** Receives the main file's statements when the caller wants the syntax tree. */
  readonly statements: Statement[] | undefined
}

/**
 * Parses `file` statement by statement and lowers each into the circuit as it comes, following
 * includes. After the first syntax error nothing more is lowered (it would only add confusing
 * follow-up errors), but parsing goes on so every syntax error is reported.
 *
 * @param ctx - the lowering state
 * @param file - the file to read
 * @param run - resolver, abort signal and the statement sink
 * @throws the abort signal's reason when it fires
 */
export function lowerFile(ctx: LoweringContext, file: SourceFile, run: LoweringRun): void {
  lowerNested(ctx, file, { run, stack: [file.name] })
}

interface Nesting {
  readonly run: LoweringRun
  /** The names of the files being read, outermost first. */
  readonly stack: readonly string[]
}

function lowerNested(ctx: LoweringContext, file: SourceFile, nesting: Nesting): void {
  const { run } = nesting
  const diagnostics = ctx.diagnostics
  const parser = new Parser(file, diagnostics, ctx.strict)
  const outer = ctx.file
  ctx.file = file
  const sink = nesting.stack.length === 1 ? run.statements : undefined
  for (let count = 1; ; count++) {
    if (count % ABORT_CHECK_INTERVAL === 0) throwIfAborted(run.signal)
    const before = diagnostics.errorCount
    const statement = parser.nextStatement()
    if (diagnostics.errorCount !== before) ctx.hasSyntaxErrors = true
    if (statement === undefined) break
    sink?.push(statement)
    if (ctx.hasSyntaxErrors || diagnostics.isFull) continue
    try {
      if (statement.kind === 'include') lowerInclude(ctx, statement, nesting)
      else lowerStatement(ctx, statement)
    } catch (error) {
      if (run.signal?.aborted === true && error === run.signal.reason) throw error
      reportInternal(ctx, error, statement)
    }
  }
  ctx.file = outer
}

function lowerInclude(ctx: LoweringContext, node: IncludeStatement, nesting: Nesting): void {
  const path = node.path
  const at = { start: node.pathStart, end: node.pathEnd }
  if (path === 'qelib1.inc') {
    includeQelib1(ctx, node)
    return
  }
  if (nesting.stack.includes(path)) {
    ctx.error('qasm2.semantic.include-cycle', `'${path}' includes itself`, at)
    return
  }
  if (nesting.stack.length > MAX_INCLUDE_DEPTH) {
    ctx.error(
      'qasm2.semantic.include-depth',
      `includes may nest at most ${MAX_INCLUDE_DEPTH} deep`,
      at,
    )
    return
  }
  let text: string | undefined
  try {
    text = resolveInclude(nesting.run, path, ctx.file.name)
  } catch (error) {
    ctx.error(
      'qasm2.semantic.include-failed',
      `could not read '${path}': ${describeError(error)}`,
      at,
    )
    return
  }
  if (text === undefined) {
    ctx.error(
      'qasm2.semantic.include-not-found',
      `unable to find '${path}' in the include search path`,
      at,
    )
    return
  }
  lowerNested(ctx, new SourceFile(path, text), {
    run: nesting.run,
    stack: [...nesting.stack, path],
  })
}

/** `qelib1.inc` is always the built-in copy, mapped to the standard gates, as in Qiskit. */
function includeQelib1(ctx: LoweringContext, node: IncludeStatement): void {
  if (ctx.hasQelib1) {
    if (ctx.strict)
      ctx.error('qasm2.semantic.redefinition', "'qelib1.inc' is already included", node)
    else
      ctx.diagnostics.warning(
        'qasm2.semantic.duplicate-include',
        "'qelib1.inc' is already included",
        { file: ctx.file, start: node.start, end: node.end },
      )
    return
  }
  ctx.hasQelib1 = true
  for (const gate of QELIB1_GATES) ctx.defineLibraryGate(gate, node)
}

function resolveInclude(run: LoweringRun, path: string, from: string): string | undefined {
  if (!path.startsWith('/')) {
    for (const directory of run.includePath) {
      const joined = directory.endsWith('/') ? `${directory}${path}` : `${directory}/${path}`
      const text = run.resolver.resolve(joined, from)
      if (text !== undefined) return text
    }
  }
  return run.resolver.resolve(path, from)
}

/**
 * Throws the signal's reason if it has fired (rejections are not wrapped, per the house style).
 *
 * @param signal - the caller's abort signal
 */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted === true) throw signal.reason
}

/**
 * Turns an unexpected exception (a bug, or a misbehaving resolver or circuit) into a
 * `qasm2.internal` diagnostic at the statement being lowered.
 *
 * @param ctx - the lowering state
 * @param error - what was thrown
 * @param at - the statement
 */
export function reportInternal(ctx: LoweringContext, error: unknown, at: Spanned): void {
  ctx.error(
    'qasm2.internal',
    `internal error while lowering this statement: ${describeError(error)}`,
    at,
  )
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
