import type { CommandSpec } from './cli-kit'

/** CLI commands of intercoder agreement. */
export const AGREEMENT_COMMANDS: Record<string, CommandSpec> = {}
