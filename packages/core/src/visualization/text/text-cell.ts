/** One wire's share of one drawn column: three text lines of equal width. */
export interface TextCell {
  readonly top: string
  readonly mid: string
  readonly bot: string
}

/** Which kind of wire a cell sits on: quantum (─) or classical (═). */
export type WireKind = 'quantum' | 'classical'

const line = (kind: WireKind): string => (kind === 'quantum' ? '─' : '═')

/** Centres `text` in `width`, padding with `fill` (left gets the smaller half). */
export function center(text: string, width: number, fill = ' '): string {
  const len = [...text].length
  const left = Math.floor((width - len) / 2)
  return fill.repeat(Math.max(0, left)) + text + fill.repeat(Math.max(0, width - len - left))
}

/** Replaces the character at the centre column of `s` (the column connectors use). */
function atCenter(s: string, ch: string): string {
  const chars = [...s]
  chars[Math.floor((chars.length - 1) / 2)] = ch
  return chars.join('')
}

/** A plain stretch of wire. */
export function wireCell(kind: WireKind, width: number): TextCell {
  return { top: ' '.repeat(width), mid: line(kind).repeat(width), bot: ' '.repeat(width) }
}

/** A wire crossed by a vertical connector (`double` for measurement and condition lines). */
export function crossCell(kind: WireKind, width: number, isDouble: boolean): TextCell {
  const v = isDouble ? '║' : '│'
  const cross = kind === 'quantum' ? (isDouble ? '╫' : '┼') : isDouble ? '╬' : '╪'
  return {
    top: atCenter(' '.repeat(width), v),
    mid: atCenter(line(kind).repeat(width), cross),
    bot: atCenter(' '.repeat(width), v),
  }
}

/** A one-character symbol on the wire (control dot, ╳, ░), optionally joined above/below. */
export function symbolCell(
  kind: WireKind,
  width: number,
  symbol: { readonly ch: string; readonly up: string; readonly down: string },
): TextCell {
  return {
    top: atCenter(' '.repeat(width), symbol.up),
    mid: atCenter(line(kind).repeat(width), symbol.ch),
    bot: atCenter(' '.repeat(width), symbol.down),
  }
}

/** A box's text and which of its edges a vertical connector enters. */
export interface BoxSpec {
  readonly label: string
  readonly up: boolean
  readonly down: boolean
}

/** A single-wire box `┤ label ├`, as wide as the column. */
export function boxCell(kind: WireKind, width: number, box: BoxSpec): TextCell {
  const { label } = box
  const joins = box
  const inner = width - 2
  const left = kind === 'quantum' ? '┤' : '╡'
  const right = kind === 'quantum' ? '├' : '╞'
  const top = '┌' + (joins.up ? atCenter('─'.repeat(inner), '┴') : '─'.repeat(inner)) + '┐'
  const bot = '└' + (joins.down ? atCenter('─'.repeat(inner), '┬') : '─'.repeat(inner)) + '┘'
  return { top, mid: left + center(label, inner) + right, bot }
}

/** One wire's part of a box spanning several wires. */
export function spanBoxCell(
  width: number,
  part: {
    readonly isFirst: boolean
    readonly isLast: boolean
    readonly text: string
    readonly isInvolved: boolean
  },
): TextCell {
  const inner = width - 2
  const top = part.isFirst ? '┌' + '─'.repeat(inner) + '┐' : '│' + ' '.repeat(inner) + '│'
  const bot = part.isLast ? '└' + '─'.repeat(inner) + '┘' : '│' + ' '.repeat(inner) + '│'
  const text = part.text + ' '.repeat(Math.max(0, inner - [...part.text].length))
  const mid = part.isInvolved ? '┤' + text + '├' : '│' + text + '│'
  return { top, mid, bot }
}

/**
 * Merges the bottom line of one wire with the top line of the next: a blank yields, a box edge
 * wins over a passing connector.
 */
export function mergeLines(upper: string, lower: string): string {
  const a = [...upper]
  const b = [...lower]
  const out: string[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? ' '
    const y = b[i] ?? ' '
    if (x === ' ') out.push(y)
    else if (y === ' ') out.push(x)
    else if (x === '│' || x === '║') out.push(y)
    else out.push(x)
  }
  return out.join('')
}
