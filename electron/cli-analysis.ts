import type { CommandSpec } from './cli-kit'

/** CLI commands of the cross-case analyses. */
export const ANALYSIS_COMMANDS: Record<string, CommandSpec> = {}
