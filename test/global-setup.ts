import { existsSync } from 'node:fs'
import { join } from 'node:path'

// Generates the fixture reports once per test run (deterministic; cached on disk), and checks
// that the real-world PDFs beside the repository are there: several tests read them.
export default async function setup(): Promise<void> {
  const interop = join(import.meta.dirname, '../../shared/interop/pdf')
  if (!existsSync(interop)) {
    throw new Error(`The interop files are missing: ${interop} (the shared/ folder handed to the project, beside the repository).`)
  }
  const { ensureFixtures } = await import('./fixtures/fixtures')
  await ensureFixtures()
}
