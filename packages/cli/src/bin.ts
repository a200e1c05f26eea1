#!/usr/bin/env node
/**
 * The `qfabric` executable (`bin` of the package): runs {@link runCli} with this process's
 * arguments and exits with its status.
 *
 * @packageDocumentation
 */
import { runCli } from './run-cli.js'

process.exitCode = await runCli(process.argv.slice(2))
