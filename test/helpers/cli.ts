import { runCli } from '../../electron/cli'

/** Runs the command line in this process: its exit code, stdout and stderr lines, and stdout's non-empty lines. */
export async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err, lines: out.join('\n').split('\n').filter((l) => l !== '') }
}
