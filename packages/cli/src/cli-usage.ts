/** The commands of `qfabric`. */
export const CLI_COMMANDS = [
  'run',
  'transpile',
  'qasm',
  'backends',
  'jobs',
  'job',
  'cancel',
  'account',
  'admin',
  'serve',
  'worker',
] as const

/** A command of `qfabric`. */
export type CliCommand = (typeof CLI_COMMANDS)[number]
