/**
 * `qfabric backends`: the backends of a service instance (or the local ones), with qubits,
 * status and queue, the least busy one marked.
 */
import {
  BackendNotFoundError,
  filterBackends,
  leastBusy,
  supportsConfiguration,
  supportsStatus,
  type Backend,
  type BackendFilter,
} from '@qfabric/core/providers'
import type { BackendStatus } from '@qfabric/core/target'
import type { Command } from 'commander'
import { writeJson, type CliContext } from '../cli-context.js'
import { isDevice, listLocalBackends } from '../local/local-backends.js'
import { integerIn } from '../option-parsers.js'
import { connectProvider } from '../remote/connect-service.js'
import { renderTable } from '../render/table.js'

interface BackendsOptions {
  readonly instance?: string
  readonly account?: string
  readonly local?: boolean
  readonly json?: boolean
  readonly operational?: boolean
  readonly minQubits?: number
  readonly simulator?: boolean
}

/** One line of `qfabric backends` (and one object of its `--json` array). */
export interface BackendRow {
  readonly name: string
  readonly numQubits: number | null
  /** Accepts and runs jobs. */
  readonly operational: boolean | null
  /** `active`, or why it is paused or offline. */
  readonly statusMessage: string | null
  /** Jobs waiting in its queue. */
  readonly pendingJobs: number | null
  /** The operational, active backend with the fewest pending jobs. */
  readonly leastBusy: boolean
}

/**
 * Adds `backends` to the program.
 *
 * @param program - the `qfabric` command
 * @param context - outputs
 */
export function registerBackendsCommand(program: Command, context: CliContext): void {
  program
    .command('backends')
    .description('list backends: qubits, status, pending jobs; the least busy is marked *')
    .option('--instance <hub/group/project>', 'the service instance')
    .option('--account <name>', 'the saved account')
    .option('--local', 'list the local simulators and fake devices instead')
    .option('--operational', 'only backends that accept and run jobs now')
    .option('--min-qubits <n>', 'only backends with at least this many qubits', integerIn(1))
    .option('--simulator', 'only simulators')
    .option('--json', 'print a JSON array')
    .action(async (options: BackendsOptions) => {
      const rows = await listBackends(options, context)
      if (options.json === true) writeJson(context.stdout, rows)
      else context.stdout.write(renderBackends(rows))
    })
}

async function listBackends(options: BackendsOptions, context: CliContext): Promise<BackendRow[]> {
  const filter: BackendFilter = {
    minNumQubits: options.minQubits,
    predicate: options.simulator === true ? isSimulator : undefined,
    signal: context.signal,
  }
  const kept =
    options.local === true
      ? await filterBackends(await listLocalBackends(), filter)
      : await (await connectProvider(options, context)).backends(filter)
  const statuses = await Promise.all(kept.map((b) => statusOf(b, context.signal)))
  const best = await leastBusyName(kept, context.signal)
  const rows = kept.map((backend, i) => toRow(backend, statuses[i], best))
  return options.operational === true ? rows.filter((r) => r.operational === true) : rows
}

/** Simulators say so in their configuration; local ones without one are simulators unless fake devices. */
async function isSimulator(backend: Backend): Promise<boolean> {
  if (supportsConfiguration(backend)) return (await backend.configuration()).simulator
  return !isDevice(backend)
}

function statusOf(
  backend: Backend,
  signal: AbortSignal | undefined,
): Promise<BackendStatus | undefined> {
  return supportsStatus(backend) ? backend.status({ signal }) : Promise.resolve(undefined)
}

async function leastBusyName(
  backends: readonly Backend[],
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  try {
    return (await leastBusy(backends, { signal })).backend.name
  } catch (error) {
    if (error instanceof BackendNotFoundError) return undefined
    throw error
  }
}

function toRow(
  backend: Backend,
  status: BackendStatus | undefined,
  best: string | undefined,
): BackendRow {
  return {
    name: backend.name,
    numQubits: backend.numQubits,
    operational: status?.operational ?? null,
    statusMessage: status?.statusMsg ?? null,
    pendingJobs: status?.pendingJobs ?? null,
    leastBusy: backend.name === best,
  }
}

/**
 * The table of `qfabric backends`.
 *
 * @param rows - the backends
 * @returns the table, with a footnote when a backend is marked least busy
 */
export function renderBackends(rows: readonly BackendRow[]): string {
  const table = renderTable(
    [
      { header: 'name' },
      { header: 'qubits', align: 'right' },
      { header: 'status' },
      { header: 'pending', align: 'right' },
    ],
    rows.map((row) => [
      row.leastBusy ? `${row.name} *` : row.name,
      row.numQubits === null ? '-' : String(row.numQubits),
      describeStatus(row),
      row.pendingJobs === null ? '-' : String(row.pendingJobs),
    ]),
    { empty: '(no backends match)' },
  )
  return rows.some((r) => r.leastBusy) ? `${table}* least busy\n` : table
}

function describeStatus(row: BackendRow): string {
  if (row.operational === null) return 'unknown'
  const message = row.statusMessage ?? ''
  if (!row.operational) return message === '' ? 'offline' : `offline: ${message}`
  return message === 'active' || message === '' ? 'operational' : `paused: ${message}`
}
