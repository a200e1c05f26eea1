/** The commands `qfabric` runs today. */
export const CLI_COMMANDS = ['serve', 'worker'] as const

/** Commands of the design (§7) that a later release adds. */
export const PLANNED_COMMANDS = [
  'run',
  'transpile',
  'qasm',
  'backends',
  'jobs',
  'job',
  'account',
] as const

/** The help text of `qfabric`. */
export const CLI_USAGE = `Usage: qfabric <command> [options]

Commands:
  serve [options]     run the job service (--role api|worker|all; see qfabric serve --help)
  worker [options]    run a job worker only (same as serve --role worker)

Not yet (a later release):
  run, transpile, qasm convert, backends, jobs, job <id>, account save|list|delete

Options:
  -h, --help          show this help
  -v, --version       show the version
`
