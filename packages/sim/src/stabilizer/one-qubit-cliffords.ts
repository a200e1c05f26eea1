/**
 * The 24 one-qubit Cliffords (up to phase) as shortest sequences of primitive tableau gates, so
 * that `rz(π/2)`, `u(π/2, 0, π)` and friends run as one or two word-parallel kernels instead of
 * a generic table.
 */
import type { CliffordTable } from './clifford-table.js'
import { OP, type PrimitiveOpcode } from './stabilizer-program.js'

/** A one-qubit Pauli image: x bit, z bit and sign bit packed as `x | z << 1 | sign << 2`. */
type Image = number

/** How each primitive maps X and Z (images as packed above). */
const PRIMITIVES: readonly {
  readonly op: PrimitiveOpcode
  readonly x: Image
  readonly z: Image
}[] = [
  { op: OP.H, x: 0b010, z: 0b001 }, // X → Z, Z → X
  { op: OP.S, x: 0b011, z: 0b010 }, // X → Y, Z → Z
  { op: OP.SDG, x: 0b111, z: 0b010 }, // X → −Y
  { op: OP.X, x: 0b001, z: 0b110 }, // Z → −Z
  { op: OP.Y, x: 0b101, z: 0b110 }, // X → −X, Z → −Z
  { op: OP.Z, x: 0b101, z: 0b010 }, // X → −X
  { op: OP.SX, x: 0b001, z: 0b111 }, // Z → −Y
  { op: OP.SXDG, x: 0b001, z: 0b011 }, // Z → Y
]

/** The image of a signed Pauli under a primitive: Y = iXZ maps to i·G(X)·G(Z). */
function imageUnder(g: (typeof PRIMITIVES)[number], p: Image): Image {
  const x = p & 1
  const z = (p >>> 1) & 1
  let sign = p >>> 2
  if (x === 0 && z === 0) return p
  if (x === 1 && z === 0) return g.x ^ (sign << 2)
  if (x === 0) return g.z ^ (sign << 2)
  // Y: G(Y) = i·G(X)·G(Z); for anticommuting Paulis A·B = i^{ε} C with the Levi-Civita sign.
  const a = g.x & 3
  const b = g.z & 3
  sign ^= (g.x >>> 2) ^ (g.z >>> 2)
  const c = a ^ b
  // i·A·B = i·(i·ε·C) = −ε·C, where ε = +1 for (X,Y), (Y,Z), (Z,X) cyclic order and −1 otherwise.
  const order = [0, 1, 3, 2] // X=1 → 1, Y=3 → 2, Z=2 → 3 (cyclic X→Y→Z)
  const cyclic = (order[b]! - order[a]! + 3) % 3 === 1
  if (cyclic) sign ^= 1
  return c | (sign << 2)
}

function key(x: Image, z: Image): number {
  return x | (z << 3)
}

function buildSequences(): Map<number, readonly PrimitiveOpcode[]> {
  const start = key(0b001, 0b010)
  const sequences = new Map<number, readonly PrimitiveOpcode[]>([[start, []]])
  const queue: { x: Image; z: Image; seq: readonly PrimitiveOpcode[] }[] = [
    { x: 0b001, z: 0b010, seq: [] },
  ]
  for (let i = 0; i < queue.length; i++) {
    const { x, z, seq } = queue[i]!
    for (const g of PRIMITIVES) {
      const nx = imageUnder(g, x)
      const nz = imageUnder(g, z)
      const k = key(nx, nz)
      if (sequences.has(k)) continue
      const next = [...seq, g.op]
      sequences.set(k, next)
      queue.push({ x: nx, z: nz, seq: next })
    }
  }
  return sequences
}

const SEQUENCES = buildSequences()

/**
 * Primitive gates implementing a one-qubit Clifford, applied in order.
 *
 * @param table - the conjugation table of a one-qubit Clifford
 * @returns at most three opcodes (none for the identity)
 * @throws RangeError when the table is not a one-qubit Clifford table
 */
export function oneQubitCliffordSequence(table: CliffordTable): readonly PrimitiveOpcode[] {
  if (table.numQubits !== 1)
    throw new RangeError(`expected a one-qubit table, got ${table.numQubits} qubits`)
  const image = (p: number): Image =>
    table.imageX[p]! | (table.imageZ[p]! << 1) | (table.imageSign[p]! << 2)
  const seq = SEQUENCES.get(key(image(1), image(2)))
  if (seq === undefined) throw new RangeError('not a one-qubit Clifford table')
  return seq
}

/** The number of distinct one-qubit Cliffords reached (24; exported for tests). */
export const ONE_QUBIT_CLIFFORD_COUNT = SEQUENCES.size
