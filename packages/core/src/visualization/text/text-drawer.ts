import type { QuantumCircuit } from '../../circuit/index.js'
import { formatParam } from '../format-param.js'
import { instructionCells } from './instruction-cells.js'
import { mergeLines, type TextCell, wireCell } from './text-cell.js'
import { buildWireMap, instructionWires, layerInstructions } from './text-layout.js'

/** Options of {@link drawText}. */
export interface TextDrawOptions {
  /** Wrap the drawing at this many characters per line (Qiskit's default, 80); 0 never wraps. */
  readonly fold?: number
  /** Draw each classical register as one wire (default `true`, as Qiskit). */
  readonly cregBundle?: boolean
}

/**
 * Draws a circuit as text, in the style of Qiskit's text drawer: one wire per qubit (`q_0: ──`),
 * classical registers bundled (`c: 2/══`), boxes for gates, `■` for controls, `╳` for swaps,
 * `░` for barriers and `M` with a double line down to the measured bit.
 *
 * @param circuit - the circuit to draw
 * @param options - folding width and register bundling
 * @returns the drawing, lines joined by `\n`
 * @example
 * ```ts
 * const bell = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure([0, 1], [0, 1])
 * console.log(drawText(bell))
 * ```
 */
export function drawText(circuit: QuantumCircuit, options: TextDrawOptions = {}): string {
  const map = buildWireMap(circuit, options.cregBundle ?? true)
  const layers = layerInstructions(circuit.data, (i) => instructionWires(i, map), map.wires.length)
  const columns = layers.map((layer) =>
    renderColumn(
      layer.map((i) => instructionCells(i, map)),
      map.wires,
    ),
  )
  const labelWidth = Math.max(0, ...map.wires.map((w) => labelText(w.label, w.kind).length))
  const labels = map.wires.map((w) => labelCell(w.label, w.kind, labelWidth))
  const pages = paginate(columns, (options.fold ?? 80) - labelWidth - 2)
  const out: string[] = []
  const phase = circuit.globalPhase
  if (typeof phase !== 'number' || phase !== 0) out.push(`global phase: ${formatParam(phase)}`)
  pages.forEach((page, p) => {
    if (p > 0) out.push('')
    const rows = map.wires.map((wire, w) => {
      const parts = [labels[w]!, ...page.map((col) => col[w]!)]
      return joinCells(p === pages.length - 1 ? parts : [...parts, foldCell()], p > 0)
    })
    out.push(...stackRows(rows))
  })
  return out.map((l) => l.replace(/\s+$/u, '')).join('\n')
}

function renderColumn(
  items: ReturnType<typeof instructionCells>[],
  wires: readonly { kind: 'quantum' | 'classical' }[],
): TextCell[] {
  // Columns touch, as in Qiskit's drawer: narrow symbols are centred in the widest box.
  const width = Math.max(1, ...items.map((i) => i.width))
  return wires.map((wire, w) => {
    for (const item of items) {
      const make = item.cells.get(w)
      if (make !== undefined) return make(width)
    }
    return wireCell(wire.kind, width)
  })
}

/** `q_0: ` for a wire; a bundled register's label (`c: 2/`) already ends in its marker. */
function labelText(label: string, kind: 'quantum' | 'classical'): string {
  return kind === 'classical' && label.endsWith('/') ? label : `${label}: `
}

function labelCell(label: string, kind: 'quantum' | 'classical', width: number): TextCell {
  const blank = ' '.repeat(width)
  return { top: blank, mid: labelText(label, kind).padStart(width), bot: blank }
}

function foldCell(): TextCell {
  return { top: ' ', mid: '»', bot: ' ' }
}

function joinCells(cells: readonly TextCell[], isContinuation: boolean): TextCell {
  const first = cells[0]!
  // Continuation pages start with «, as Qiskit's folded drawings do.
  const mid = isContinuation ? `«${first.mid}` : first.mid
  const lead = isContinuation ? ' ' : ''
  return {
    top: lead + cells.map((c) => c.top).join(''),
    mid: [mid, ...cells.slice(1).map((c) => c.mid)].join(''),
    bot: lead + cells.map((c) => c.bot).join(''),
  }
}

function stackRows(rows: readonly TextCell[]): string[] {
  if (rows.length === 0) return []
  const lines = [rows[0]!.top, rows[0]!.mid]
  for (let i = 1; i < rows.length; i++) {
    lines.push(mergeLines(rows[i - 1]!.bot, rows[i]!.top), rows[i]!.mid)
  }
  lines.push(rows[rows.length - 1]!.bot)
  return lines
}

function paginate(columns: readonly TextCell[][], room: number): TextCell[][][] {
  if (room <= 0 || columns.length === 0) return [columns.slice()]
  const pages: TextCell[][][] = [[]]
  let used = 0
  for (const col of columns) {
    const w = [...col[0]!.mid].length
    if (used + w > room && pages[pages.length - 1]!.length > 0) {
      pages.push([])
      used = 0
    }
    pages[pages.length - 1]!.push(col)
    used += w
  }
  return pages
}
