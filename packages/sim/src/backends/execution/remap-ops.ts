/**
 * Renumbers the qubits of engine programs: to drop idle qubits before simulating (a circuit
 * transpiled for a 127-qubit device usually acts on a handful of them, as Aer's truncation
 * does), and to place a sub-circuit's ops on the qubits of the instruction that holds it.
 */
import {
  opQubits,
  type SimCondition,
  type SimOp,
  type SimProgram,
  type TargetOp,
} from '../../engine/sim-program.js'

/** New indices for qubits and clbits (each defaults to the identity). */
export interface BitMaps {
  readonly qubit?: ((qubit: number) => number) | undefined
  readonly clbit?: ((clbit: number) => number) | undefined
}

const same = (i: number): number => i

/**
 * The ops with every qubit `q` replaced by `maps.qubit(q)` and every clbit `c` by
 * `maps.clbit(c)`.
 *
 * @param ops - engine ops
 * @param maps - the new index of each qubit and clbit
 * @returns new ops (matrices are shared, not copied)
 */
export function remapOps(ops: readonly SimOp[], maps: BitMaps): SimOp[] {
  const q = maps.qubit ?? same
  const c = maps.clbit ?? same
  return ops.map((op) => remapOp(op, { qubit: q, clbit: c }))
}

type Maps = Required<{ [K in keyof BitMaps]: NonNullable<BitMaps[K]> }>

function remapTarget(op: TargetOp, map: (qubit: number) => number): TargetOp {
  return { ...op, qubits: op.qubits.map(map) }
}

function remapCondition(condition: SimCondition, maps: Maps): SimCondition {
  return { ...condition, clbits: condition.clbits.map(maps.clbit) }
}

function remapOp(op: SimOp, maps: Maps): SimOp {
  switch (op.kind) {
    case 'matrix':
    case 'diagonal':
    case 'permutation':
      return remapTarget(op, maps.qubit)
    case 'controlled':
      return {
        ...op,
        controls: op.controls.map(maps.qubit),
        target: remapTarget(op.target, maps.qubit),
      }
    case 'global-phase':
      return op
    case 'measure':
      return { ...op, qubit: maps.qubit(op.qubit), clbit: maps.clbit(op.clbit) }
    case 'reset':
      return { ...op, qubit: maps.qubit(op.qubit) }
    case 'conditional':
      return {
        ...op,
        condition: remapCondition(op.condition, maps),
        then: remapOps(op.then, maps),
        else: remapOps(op.else, maps),
      }
    case 'while':
      return { ...op, condition: remapCondition(op.condition, maps), body: remapOps(op.body, maps) }
  }
}

/**
 * The qubits an op list acts on, nested bodies included.
 *
 * @param ops - engine ops
 * @param into - a set to add them to
 * @returns `into`
 */
export function collectQubits(ops: readonly SimOp[], into = new Set<number>()): Set<number> {
  for (const op of ops) {
    switch (op.kind) {
      case 'measure':
      case 'reset':
        into.add(op.qubit)
        break
      case 'conditional':
        collectQubits(op.then, into)
        collectQubits(op.else, into)
        break
      case 'while':
        collectQubits(op.body, into)
        break
      case 'matrix':
      case 'diagonal':
      case 'permutation':
      case 'controlled':
      case 'global-phase':
        for (const q of opQubits(op)) into.add(q)
    }
  }
  return into
}

/**
 * A program on its active qubits only: the qubits some op touches, renumbered `0 … k−1` in
 * increasing order. Idle qubits stay in |0⟩ and are never measured, so counts are unchanged.
 *
 * @param program - the program
 * @returns the smaller program and the original index of each kept qubit
 */
export function truncateIdleQubits(program: SimProgram): {
  readonly program: SimProgram
  readonly kept: readonly number[]
} {
  const kept = [...collectQubits(program.ops)].sort((a, b) => a - b)
  if (kept.length === program.numQubits) return { program, kept }
  const index = new Map(kept.map((q, i) => [q, i]))
  return {
    program: {
      numQubits: kept.length,
      numClbits: program.numClbits,
      ops: remapOps(program.ops, { qubit: (q) => index.get(q)! }),
    },
    kept,
  }
}
