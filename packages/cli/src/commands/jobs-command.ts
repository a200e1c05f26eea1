/**
 * `qfabric jobs`: the latest jobs of the service (or of one instance), filtered.
 */
import type { Job, JobStatus } from '@qfabric/core/providers'
import { InvalidArgumentError, type Command } from 'commander'
import { writeJson, type CliContext } from '../cli-context.js'
import { collect, integerIn, parseIsoDate } from '../option-parsers.js'
import { connectService } from '../remote/connect-service.js'
import type { JobListFilter } from '../remote/service-shape.js'
import { renderTable } from '../render/table.js'

interface JobsOptions {
  readonly backend?: string
  readonly status?: string
  readonly name?: string
  readonly tag?: string[]
  readonly since?: Date
  readonly limit: number
  readonly json?: boolean
  readonly instance?: string
  readonly account?: string
}

/** The statuses `--status` takes: Qiskit's, and the service's own finer ones. */
const STATUSES = [
  'QUEUED',
  'RUNNING',
  'DONE',
  'ERROR',
  'CANCELLED',
  'COMPLETED',
  'FAILED',
  'CANCELLING',
]

function parseStatus(text: string): string {
  const status = text.trim().toUpperCase()
  if (!STATUSES.includes(status))
    throw new InvalidArgumentError(`expected one of ${STATUSES.join(', ')}`)
  return status
}

/** One line of `qfabric jobs` (one object of its `--json` array). */
export interface JobRow {
  readonly id: string
  readonly backend: string
  readonly status: JobStatus
  readonly createdAt: string | undefined
  readonly name: string | undefined
  readonly tags: readonly string[]
}

/**
 * Adds `jobs` to the program.
 *
 * @param program - the `qfabric` command
 * @param context - outputs, signal
 */
export function registerJobsCommand(program: Command, context: CliContext): void {
  program
    .command('jobs')
    .description('list jobs, newest first')
    .option('--backend <name>', 'only jobs of this backend')
    .option('--status <status>', `only jobs in this status (${STATUSES.join(', ')})`, parseStatus)
    .option('--name <prefix>', 'only jobs whose name starts with this')
    .option('--tag <tag>', 'only jobs with this tag (repeatable: all must match)', collect)
    .option('--since <date>', 'only jobs created at or after this ISO 8601 date', parseIsoDate)
    .option('--limit <n>', 'at most this many jobs', integerIn(1, 1000), 20)
    .option('--instance <hub/group/project>', 'only jobs of this instance')
    .option('--account <name>', 'the saved account')
    .option('--json', 'print a JSON array')
    .action(async (options: JobsOptions) => {
      const rows = await listJobs(options, context)
      if (options.json === true) writeJson(context.stdout, rows)
      else context.stdout.write(renderJobs(rows))
    })
}

async function listJobs(options: JobsOptions, context: CliContext): Promise<JobRow[]> {
  const filter: JobListFilter = {
    limit: options.limit,
    status: options.status,
    backendName: options.backend,
    name: options.name,
    tags: options.tag,
    createdAfter: options.since,
  }
  const service = await connectService(options, context)
  const source =
    options.instance === undefined
      ? service.jobs(filter)
      : (await service.getProvider(options.instance)).jobs(filter)
  const jobs: Job[] = []
  for await (const job of source) {
    jobs.push(job)
    if (jobs.length >= options.limit) break
  }
  return Promise.all(jobs.map((job) => toRow(job, context)))
}

async function toRow(job: Job, context: CliContext): Promise<JobRow> {
  return {
    id: job.id,
    backend: job.backendName,
    status: await job.status({ signal: context.signal }),
    createdAt: job.creationDate?.toISOString(),
    name: job.name,
    tags: job.tags,
  }
}

/**
 * The table of `qfabric jobs`.
 *
 * @param rows - the jobs
 * @returns the table
 */
export function renderJobs(rows: readonly JobRow[]): string {
  return renderTable(
    [
      { header: 'id' },
      { header: 'backend' },
      { header: 'status' },
      { header: 'created' },
      { header: 'name' },
      { header: 'tags' },
    ],
    rows.map((row) => [
      row.id,
      row.backend,
      row.status,
      row.createdAt?.replace(/\.\d{3}Z$/, 'Z') ?? '',
      row.name ?? '',
      row.tags.join(','),
    ]),
    { empty: '(no jobs match)' },
  )
}
