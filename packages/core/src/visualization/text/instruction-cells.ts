import type { CircuitInstruction } from '../../circuit/index.js'
import { gateDrawing } from './gate-label.js'
import {
  boxCell,
  center,
  crossCell,
  spanBoxCell,
  symbolCell,
  type TextCell,
  type WireKind,
} from './text-cell.js'
import { conditionWires, type WireMap } from './text-layout.js'

/** How to draw one instruction: a width it needs and a cell maker per wire it spans. */
export interface InstructionCells {
  readonly width: number
  readonly cells: ReadonlyMap<number, (width: number) => TextCell>
}

const DOT = '■'
const OPEN_DOT = 'o'

/**
 * Builds the cells of one instruction: boxes, control dots, connectors, measurement and condition
 * lines.
 */
export function instructionCells(inst: CircuitInstruction, map: WireMap): InstructionCells {
  const cells = new Map<number, (width: number) => TextCell>()
  const kindOf = (w: number): WireKind => map.wires[w]!.kind
  const name = inst.operation.name
  let width: number
  if (name === 'barrier') {
    width = barrierCells(inst, map, cells)
  } else if (name === 'measure') {
    width = measureCells(inst, map, cells)
  } else if (name === 'reset') {
    for (const q of inst.qubits) {
      cells.set(map.qubitWire(q), (w) => ({
        top: ' '.repeat(w),
        mid: center('|0>', w, '─'),
        bot: ' '.repeat(w),
      }))
    }
    width = 3
  } else {
    width = gateCells(inst, map, cells)
  }
  if (inst.condition !== undefined) {
    joinDownward(inst, map, cells)
    width = Math.max(width, conditionCells(inst, map, cells))
  }
  fillConnectors(cells, kindOf, inst.condition !== undefined || name === 'measure')
  return { width, cells }
}

function barrierCells(
  inst: CircuitInstruction,
  map: WireMap,
  cells: Map<number, (width: number) => TextCell>,
): number {
  const ws = new Set(inst.qubits.map(map.qubitWire))
  // Qiskit shades the whole height of every barrier cell.
  for (const w of ws)
    cells.set(w, (width) => symbolCell('quantum', width, { ch: '░', up: '░', down: '░' }))
  return 3
}

function measureCells(
  inst: CircuitInstruction,
  map: WireMap,
  cells: Map<number, (width: number) => TextCell>,
): number {
  const q = map.qubitWire(inst.qubits[0]!)
  const target = map.clbitWire(inst.clbits[0]!)
  cells.set(q, (w) => {
    const box = boxCell('quantum', w, { label: 'M', up: false, down: false })
    const chars = [...box.bot]
    chars[Math.floor((w - 1) / 2)] = '╥'
    return { ...box, bot: chars.join('') }
  })
  cells.set(target.wire, (w) => ({
    top: center('║', w),
    mid: center('╩', w, '═'),
    bot: center(target.label, w),
  }))
  return Math.max(3, target.label.length)
}

function gateCells(
  inst: CircuitInstruction,
  map: WireMap,
  cells: Map<number, (width: number) => TextCell>,
): number {
  const drawing = gateDrawing(inst.operation)
  const wires = inst.qubits.map(map.qubitWire)
  const lo = Math.min(...wires)
  const hi = Math.max(...wires)
  const joins = (w: number): { up: boolean; down: boolean } => ({ up: w > lo, down: w < hi })
  const ctrlState = (inst.operation as { ctrlState?: number }).ctrlState
  const controls = wires.slice(0, drawing.numControls)
  const targets = wires.slice(drawing.numControls)
  controls.forEach((w, k) => {
    const isOpen = ctrlState !== undefined && ((ctrlState >> k) & 1) === 0
    cells.set(w, (width) =>
      symbolCell('quantum', width, dotSymbol(isOpen ? OPEN_DOT : DOT, joins(w))),
    )
  })
  if (drawing.isSwap) {
    for (const w of targets)
      cells.set(w, (width) => symbolCell('quantum', width, dotSymbol('╳', joins(w))))
    return 3
  }
  if (drawing.isSymmetric && drawing.label.length <= 1) {
    for (const w of targets)
      cells.set(w, (width) => symbolCell('quantum', width, dotSymbol(DOT, joins(w))))
    return 3
  }
  if (drawing.isSymmetric) {
    // Dots on all but the last target, which carries the label (Qiskit draws cp as ■─■ + label).
    for (const w of targets.slice(0, -1)) {
      cells.set(w, (width) => symbolCell('quantum', width, dotSymbol(DOT, joins(w))))
    }
    const last = targets[targets.length - 1]!
    cells.set(last, (width) => boxCell('quantum', width, { label: drawing.label, ...joins(last) }))
    return drawing.label.length + 4
  }
  if (targets.length === 1) {
    const t = targets[0]!
    cells.set(t, (width) => boxCell('quantum', width, { label: drawing.label, ...joins(t) }))
    return [...drawing.label].length + 4
  }
  if (targets.length === 0) return Math.max(1, [...drawing.label].length + 4)
  return spanBox(targets, drawing.label, cells)
}

function spanBox(
  targets: readonly number[],
  label: string,
  cells: Map<number, (width: number) => TextCell>,
): number {
  const lo = Math.min(...targets)
  const hi = Math.max(...targets)
  const texts = new Map<number, string>()
  targets.forEach((w, k) => texts.set(w, `${k}`))
  const firstText = `${texts.get(lo) ?? ''} ${label}`
  texts.set(lo, firstText)
  let width = 0
  for (const t of texts.values()) width = Math.max(width, [...t].length)
  for (let w = lo; w <= hi; w++) {
    const text = texts.get(w) ?? ''
    const isInvolved = texts.has(w)
    cells.set(w, (cw) => spanBoxCell(cw, { isFirst: w === lo, isLast: w === hi, text, isInvolved }))
  }
  return width + 3
}

function dotSymbol(
  ch: string,
  joins: { up: boolean; down: boolean },
): { ch: string; up: string; down: string } {
  return { ch, up: joins.up ? '│' : ' ', down: joins.down ? '│' : ' ' }
}

/** The lowest qubit cell of a conditioned gate gets a ╥ where the condition line leaves it. */
function joinDownward(
  inst: CircuitInstruction,
  map: WireMap,
  cells: Map<number, (width: number) => TextCell>,
): void {
  const lowest = Math.max(...inst.qubits.map(map.qubitWire))
  const make = cells.get(lowest)
  if (make === undefined) return
  cells.set(lowest, (width) => {
    const cell = make(width)
    const chars = [...cell.bot]
    const at = Math.floor((chars.length - 1) / 2)
    chars[at] = chars[at] === ' ' ? '║' : '╥'
    return { ...cell, bot: chars.join('') }
  })
}

function conditionCells(
  inst: CircuitInstruction,
  map: WireMap,
  cells: Map<number, (width: number) => TextCell>,
): number {
  const cond = inst.condition!
  const label =
    cond.kind === 'clbit'
      ? `=${cond.value ? 1 : 0}`
      : `${cond.op === '==' ? '=' : cond.op}${cond.value}`
  const targets = [...new Set(conditionWires(cond, map))]
  targets.forEach((w, k) => {
    cells.set(w, (width) => ({
      top: center('║', width),
      mid: center('■', width, '═'),
      bot: k === targets.length - 1 ? center(label, width) : center('║', width),
    }))
  })
  return label.length
}

/** Wires between the instruction's first and last cell get a connector crossing them. */
function fillConnectors(
  cells: Map<number, (width: number) => TextCell>,
  kindOf: (w: number) => WireKind,
  isDouble: boolean,
): void {
  const ws = [...cells.keys()]
  const lo = Math.min(...ws)
  const hi = Math.max(...ws)
  for (let w = lo + 1; w < hi; w++) {
    if (!cells.has(w)) cells.set(w, (width) => crossCell(kindOf(w), width, isDouble))
  }
}
