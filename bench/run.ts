/**
 * `npm run bench -- <name> [args…]`: runs one benchmark. Each prints its own figures and, where
 * a baseline exists, ratios measured in the same run.
 */
const BENCHES: Record<string, () => Promise<(args: string[]) => Promise<void>>> = {
  qasm: async () => (await import('./qasm.js')).runQasmBench,
  service: async () => (await import('./service.js')).runServiceBench,
  sim: async () => (await import('./sim.js')).runSimBench,
  stabilizer: async () => (await import('./stabilizer.js')).runStabilizerBench,
  transpile: async () => (await import('./transpile.js')).runTranspileBench,
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2)
  const load = name === undefined ? undefined : BENCHES[name]
  if (load === undefined) {
    console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [args…]`)
    process.exitCode = 2
    return
  }
  const run = await load()
  await run(args)
}

await main()
