import { Clbit, Qubit } from './bit.js'
import type { BitJson, RegisterJson } from './circuit-json-types.js'
import { invalidJson } from './expression-json.js'
import { ClassicalRegister, QuantumRegister } from './register.js'

/** A qubit or clbit. */
export type Bit = Qubit | Clbit

/** A register of either kind. */
type AnyRegister = QuantumRegister | ClassicalRegister

/**
 * The bits and registers of one kind as JSON: each bit names the register that created it (if
 * that register is in the circuit), each register lists its bits' indices.
 *
 * @param bits - the circuit's qubits or clbits
 * @param registers - its registers of that kind
 */
export function registersToJson(
  bits: readonly Bit[],
  registers: readonly AnyRegister[],
): { bits: BitJson[]; registers: RegisterJson[] } {
  const index = new Map<Bit, number>(bits.map((b, i) => [b, i]))
  const inCircuit = new Set<AnyRegister>(registers)
  return {
    bits: bits.map((b) =>
      b.register !== undefined && inCircuit.has(b.register)
        ? { register: b.register.name, index: b.index ?? 0 }
        : {},
    ),
    registers: registers.map((r) => ({
      name: r.name,
      size: r.size,
      bits: (r.bits as readonly Bit[]).map((b) => index.get(b)!),
    })),
  }
}

function checkRegister(r: unknown, numBits: number): RegisterJson {
  const reg = r as Partial<RegisterJson> | null
  if (
    typeof reg !== 'object' ||
    reg === null ||
    typeof reg.name !== 'string' ||
    !Array.isArray(reg.bits) ||
    !reg.bits.every((i) => Number.isInteger(i) && i >= 0 && i < numBits)
  ) {
    throw invalidJson('a register needs a name and the indices of its bits')
  }
  return reg as RegisterJson
}

/** Whether the register recreated its own bits: bit `j` of it says "register name, index j". */
function ownsBits(reg: RegisterJson, bits: readonly BitJson[]): boolean {
  return reg.bits.every((i, j) => {
    const bit: BitJson = bits[i] ?? {}
    return bit.register === reg.name && bit.index === j
  })
}

/**
 * Rebuilds bits and registers of one kind from JSON. Registers that created their bits are
 * recreated by size (their bits remember them); others are built over the bits.
 *
 * @param bitsJson - the `qubits` or `clbits` array
 * @param regsJson - the `qregs` or `cregs` array
 * @param kind - which kind
 * @throws CircuitError `circuit.invalid-json` for malformed entries
 */
export function registersFromJson(
  bitsJson: unknown,
  regsJson: unknown,
  kind: 'qubits' | 'clbits',
): { bits: Bit[]; registers: AnyRegister[] } {
  if (!Array.isArray(bitsJson) || !Array.isArray(regsJson))
    throw invalidJson(`${kind} and their registers must be arrays`)
  const bitList = bitsJson as BitJson[]
  const regs = (regsJson as unknown[]).map((r) => checkRegister(r, bitList.length))
  const bits: (Bit | undefined)[] = new Array<Bit | undefined>(bitList.length).fill(undefined)
  const built = new Map<RegisterJson, AnyRegister>()
  for (const r of regs) {
    if (!ownsBits(r, bitList) || r.bits.some((i) => bits[i] !== undefined)) continue
    const reg =
      kind === 'qubits'
        ? new QuantumRegister(r.bits.length, r.name)
        : new ClassicalRegister(r.bits.length, r.name)
    r.bits.forEach((i, j) => (bits[i] = reg.bits[j]))
    built.set(r, reg)
  }
  const all = bits.map((b) => b ?? (kind === 'qubits' ? new Qubit() : new Clbit()))
  const registers = regs.map(
    (r) =>
      built.get(r) ??
      (kind === 'qubits'
        ? new QuantumRegister(
            r.bits.map((i) => all[i] as Qubit),
            r.name,
          )
        : new ClassicalRegister(
            r.bits.map((i) => all[i] as Clbit),
            r.name,
          )),
  )
  return { bits: all, registers }
}
