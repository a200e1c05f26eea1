/**
 * `qfabric job <id>` (status, queue, timing, error, histogram) and `qfabric cancel <id>`.
 */
import { isFinalJobStatus, type CancelOutcome } from '@qfabric/core/providers'
import type { Command } from 'commander'
import { writeJson, type CliContext } from '../cli-context.js'
import { connectService } from '../remote/connect-service.js'
import { printJobReport, reportJob } from './job-report.js'
import { waitForJob } from './wait-for-job.js'

interface JobOptions {
  readonly json?: boolean
  readonly wait?: boolean
  readonly account?: string
}

/**
 * Adds `job` and `cancel` to the program.
 *
 * @param program - the `qfabric` command
 * @param context - outputs, signal, poll interval
 */
export function registerJobCommands(program: Command, context: CliContext): void {
  program
    .command('job')
    .description('show a job: status, queue position, timing, error, and its histogram when done')
    .argument('<id>', 'the job id')
    .option('--wait', 'wait for the job to finish first (showing its progress)')
    .option('--json', 'print the job as JSON')
    .option('--account <name>', 'the saved account')
    .action(async (id: string, options: JobOptions) => {
      await showJob(id, options, context)
    })
  program
    .command('cancel')
    .description('cancel a queued or running job')
    .argument('<id>', 'the job id')
    .option('--account <name>', 'the saved account')
    .action(async (id: string, options: JobOptions) => {
      await cancelJob(id, options, context)
    })
}

async function showJob(id: string, options: JobOptions, context: CliContext): Promise<void> {
  const service = await connectService(options, context)
  const job = await service.retrieveJob(id)
  const status =
    options.wait === true
      ? await waitForJob(job, context)
      : await job.status({ signal: context.signal })
  const report = await reportJob(job, status, context)
  if (options.json === true) writeJson(context.stdout, report)
  else printJobReport(report, context)
}

const OUTCOME_TEXT: Readonly<Record<CancelOutcome, string>> = {
  cancelled: 'cancelled',
  requested: 'cancellation requested (the job stops at its next safe point)',
  'not-cancellable': 'not cancellable',
}

async function cancelJob(id: string, options: JobOptions, context: CliContext): Promise<void> {
  const service = await connectService(options, context)
  const job = await service.retrieveJob(id)
  const outcome = await job.cancel({ signal: context.signal })
  if (outcome === 'not-cancellable') {
    const status = await job.status({ signal: context.signal })
    if (isFinalJobStatus(status)) {
      context.stdout.write(`job ${id} already ended (${status}): nothing to cancel\n`)
      return
    }
  }
  context.stdout.write(`job ${id}: ${OUTCOME_TEXT[outcome]}\n`)
}
