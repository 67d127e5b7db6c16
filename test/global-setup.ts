// Generates the fixture reports once per test run (deterministic; cached on disk).
export default async function setup(): Promise<void> {
  const { ensureFixtures } = await import('./fixtures/fixtures')
  await ensureFixtures()
}
