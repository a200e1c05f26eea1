/**
 * Runs one peer simulator on one OpenQASM 2 circuit inside a worker thread (so that a peer far
 * past its time cap can be terminated). Posts `{ parseSeconds, runSeconds }`.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parentPort, workerData } from 'node:worker_threads'

/** What the worker is asked to run. */
export interface PeerJob {
  readonly peer: 'quantum-circuit' | 'qsharp'
  readonly qasm: string
}

/** What it reports. */
export interface PeerTiming {
  readonly parseSeconds: number
  readonly runSeconds: number
}

/** The part of quantastica's `quantum-circuit` API used here. */
interface QuantumCircuitLike {
  importQASM(source: string, onErrors: (errors: unknown[]) => void): void
  run(): void
}

async function runQuantumCircuit(qasm: string): Promise<PeerTiming> {
  const require = createRequire(import.meta.url)
  const QuantumCircuit = require('quantum-circuit') as new () => QuantumCircuitLike
  const circuit = new QuantumCircuit()
  const t0 = performance.now()
  circuit.importQASM(qasm, (errors) => {
    if (errors.length > 0)
      throw new Error(`quantum-circuit import failed: ${JSON.stringify(errors)}`)
  })
  const t1 = performance.now()
  circuit.run()
  const t2 = performance.now()
  return Promise.resolve({ parseSeconds: (t1 - t0) / 1000, runSeconds: (t2 - t1) / 1000 })
}

async function runQsharp(qasm: string): Promise<PeerTiming> {
  const qsharp = await import('qsharp-lang')
  // The wasm file is not in the package's exports map: locate it beside the entry point.
  const wasmUrl = new URL('../lib/web/qsc_wasm_bg.wasm', import.meta.resolve('qsharp-lang'))
  const bytes = readFileSync(wasmUrl)
  await qsharp.loadWasmModule(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  )
  const compiler = await qsharp.getCompiler()
  const config = (source: string): Parameters<typeof compiler.run>[0] => ({
    sources: [['circuit.qasm', source]],
    languageFeatures: [],
    projectType: 'openqasm',
  })
  // Warm up: the first run compiles the standard library.
  await compiler.run(
    config('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nh q[0];\n'),
    '',
    1,
    new qsharp.QscEventTarget(false),
  )
  // qsharp's qelib1.inc is the original one, without Qiskit's `cp`: use its twin `cu1`.
  const source = qasm.replace(/^cp\(/gm, 'cu1(')
  const t0 = performance.now()
  await compiler.run(config(source), '', 1, new qsharp.QscEventTarget(false))
  return { parseSeconds: 0, runSeconds: (performance.now() - t0) / 1000 }
}

const job = workerData as PeerJob
const timing = job.peer === 'qsharp' ? await runQsharp(job.qasm) : await runQuantumCircuit(job.qasm)
parentPort?.postMessage(timing)
