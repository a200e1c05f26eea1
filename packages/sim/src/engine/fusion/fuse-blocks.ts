/**
 * Greedy block fusion: starting from the first unscheduled item, sweep forward and pull every
 * item into the block that keeps it within `maxBlockQubits` qubits and may legally move past the
 * items skipped so far (diagonal items commute with each other; items on disjoint qubits
 * commute). Each block then costs one pass over the state however many gates it holds.
 */
import type { UnitaryOp } from '../sim-program.js'
import type { FusedPass, FusionItem } from './fusion-item.js'

/** How far a block's sweep looks ahead (items), bounding the cost on huge circuits. */
const LOOKAHEAD = 4096

/**
 * Qubits from here on have strides of 1 KiB and more: their amplitudes fall into few
 * L1 cache sets, so a block reading more than {@link MAX_HIGH_QUBITS} of them at once evicts its
 * own lines before the next group uses them (and moves every line four times).
 */
const HIGH_QUBIT = 6
const MAX_HIGH_QUBITS = 3

/** Ops per block at most: a generated kernel should stay small enough for the optimizing JIT. */
const MAX_BLOCK_OPS = 96

/** Options of {@link fuseBlocks}. */
export interface FuseBlocksOptions {
  readonly numQubits: number
  /** The widest block that holds a dense (non-diagonal, non-permutation) matrix. */
  readonly maxBlockQubits: number
  /**
   * The widest block of diagonal and permutation gates only (these cost no register pressure:
   * a permutation is a renaming), at least `maxBlockQubits`.
   */
  readonly maxStructuredBlockQubits: number
}

/**
 * Groups items into blocks.
 *
 * @param items - fusion items in application order
 * @param options - the block widths and the state's qubit count
 * @returns passes in application order
 */
export function fuseBlocks(items: readonly FusionItem[], options: FuseBlocksOptions): FusedPass[] {
  const rules = new BlockRules(options)
  const done = new Uint8Array(items.length)
  const passes: FusedPass[] = []
  for (let start = 0; start < items.length; start++) {
    if (done[start] === 1) continue
    const first = items[start]!
    done[start] = 1
    if (first.kind === 'batch') passes.push({ kind: 'batch', spec: first.spec })
    else if (!rules.fusable(first)) passes.push({ kind: 'op', op: first.op })
    else passes.push(sweep({ items, done, start, first }, rules))
  }
  return passes
}

type OpItem = Extract<FusionItem, { kind: 'op' }>

/** Which items may join a block, and how wide it may grow. */
class BlockRules {
  readonly numQubits: number
  readonly #dense: number
  readonly #wide: number

  constructor(options: FuseBlocksOptions) {
    this.numQubits = options.numQubits
    this.#dense = options.maxBlockQubits
    this.#wide = Math.max(options.maxBlockQubits, options.maxStructuredBlockQubits)
  }

  isDense(it: FusionItem): boolean {
    return it.kind === 'op' && (it.op.kind === 'matrix' || it.op.kind === 'controlled')
  }

  fusable(it: FusionItem): boolean {
    return it.kind === 'op' && it.qubits.length <= (this.isDense(it) ? this.#dense : this.#wide)
  }

  limit(denseBlock: boolean, it: FusionItem): number {
    return denseBlock || this.isDense(it) ? this.#dense : this.#wide
  }
}

/** Grows one block from `first`, marking the items it takes as done. */
function sweep(
  s: { items: readonly FusionItem[]; done: Uint8Array; start: number; first: OpItem },
  rules: BlockRules,
): FusedPass {
  const block = new GrowingBlock(s.first, rules)
  const end = Math.min(s.items.length, s.start + LOOKAHEAD)
  for (let k = s.start + 1; k < end && block.open(); k++) {
    if (s.done[k] === 1) continue
    const it = s.items[k]!
    if (it.kind === 'op' && block.accepts(it)) {
      block.take(it)
      s.done[k] = 1
    } else {
      block.skip(it)
    }
  }
  return block.pass()
}

/** A block under construction, and the qubits that skipped items block. */
class GrowingBlock {
  readonly #rules: BlockRules
  readonly #qubits: Set<number>
  readonly #ops: UnitaryOp[]
  #dense: boolean
  /** Non-global-phase ops taken (global phases are free: they fold into the scalar). */
  #weight: number
  readonly #blockedAll = new Set<number>()
  readonly #blockedNonDiagonal = new Set<number>()

  constructor(first: OpItem, rules: BlockRules) {
    this.#rules = rules
    this.#qubits = new Set(first.qubits)
    this.#ops = [first.op]
    this.#dense = rules.isDense(first)
    this.#weight = first.qubits.length > 0 ? 1 : 0
  }

  /** Whether later items may still join. */
  open(): boolean {
    return this.#blockedAll.size < this.#rules.numQubits && this.#weight < MAX_BLOCK_OPS
  }

  /** Whether `it` may move past the skipped items and fit the block. */
  accepts(it: OpItem): boolean {
    const movable =
      !touches(it, this.#blockedAll) && (it.isDiagonal || !touches(it, this.#blockedNonDiagonal))
    return (
      movable &&
      this.#rules.fusable(it) &&
      grownSize(this.#qubits, it) <= this.#rules.limit(this.#dense, it) &&
      highCount(this.#qubits, it) <= MAX_HIGH_QUBITS
    )
  }

  take(it: OpItem): void {
    this.#dense ||= this.#rules.isDense(it)
    for (const q of it.qubits) this.#qubits.add(q)
    this.#ops.push(it.op)
    if (it.qubits.length > 0) this.#weight++
  }

  /** Records a skipped item: nothing on its qubits may pass it (diagonals may pass diagonals). */
  skip(it: FusionItem): void {
    for (const q of it.qubits) (it.isDiagonal ? this.#blockedNonDiagonal : this.#blockedAll).add(q)
  }

  pass(): FusedPass {
    return { kind: 'block', qubits: [...this.#qubits].sort((a, b) => a - b), ops: this.#ops }
  }
}

function touches(it: FusionItem, qubits: ReadonlySet<number>): boolean {
  return it.qubits.some((q) => qubits.has(q))
}

function grownSize(block: ReadonlySet<number>, it: FusionItem): number {
  let size = block.size
  for (const q of it.qubits) if (!block.has(q)) size++
  return size
}

function highCount(block: ReadonlySet<number>, it: FusionItem): number {
  let high = 0
  for (const q of block) if (q >= HIGH_QUBIT) high++
  for (const q of it.qubits) if (q >= HIGH_QUBIT && !block.has(q)) high++
  return high
}
