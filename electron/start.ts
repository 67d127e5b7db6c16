/**
 * `npm start [-- STUDY]`: the desktop app when Electron can run here, else browser mode.
 *
 * Electron needs its binary (fetched on demand: its install script is denied during
 * `npm install`, because the download fails on machines without access to its host), a
 * display, and better-sqlite3 built for Electron's ABI in a folder of its own, so the Node
 * build that the tests use stays as it is. When any of that fails, one line says why and the
 * same app opens in the browser.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { STUDY_EXTENSION } from '../shared/study-file'
import { ensureUi } from './ui-build'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const log = (line: string) => process.stderr.write(line + '\n')

/** Path of the Electron binary, fetching it when missing; throws with the reason. */
export function electronBinary(): string {
  try {
    return require('electron') as string
  } catch {
    const r = spawnSync(process.execPath, [join(dirname(require.resolve('electron/package.json')), 'install.js')], { stdio: 'ignore', timeout: 180_000 })
    if (r.status !== 0) throw new Error('its binary could not be downloaded')
    return require('electron') as string
  }
}

/**
 * better-sqlite3 built against Electron's headers, in .cache/electron-native: a copy of the
 * package source rebuilt there, leaving node_modules' Node build untouched.
 */
export function electronNativeBinding(electronVersion: string): string {
  const dir = join(ROOT, '.cache', 'electron-native', electronVersion, 'better-sqlite3')
  const binding = join(dir, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(binding)) return binding
  mkdirSync(dir, { recursive: true })
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  })
  const gyp = join(dirname(require.resolve('node-gyp/package.json')), 'bin', 'node-gyp.js')
  const r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], { cwd: dir, stdio: 'ignore', timeout: 600_000 })
  if (r.status !== 0 || !existsSync(binding)) throw new Error('better-sqlite3 could not be built for Electron (its headers could not be downloaded)')
  return binding
}

async function startElectron(args: string[]): Promise<boolean> {
  if (process.env.WERKBANK_NO_ELECTRON) return false
  try {
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) throw new Error('there is no display')
    const binary = electronBinary()
    const version = (require('electron/package.json') as { version: string }).version
    const binding = electronNativeBinding(version)
    await ensureUi(log)
    const { buildElectron, ELECTRON_OUT } = await import('./build-electron')
    await buildElectron()
    const study = args.find((a) => !a.startsWith('-'))
    const child = spawn(binary, [join(ELECTRON_OUT, 'main.mjs'), ...(study ? [resolve(study)] : [])], {
      stdio: 'inherit',
      env: { ...process.env, WERKBANK_NATIVE_BINDING: binding, ...(study ? {} : { WERKBANK_STUDY: join(ROOT, '.cache', 'demo', `demo${STUDY_EXTENSION}`) }) },
    })
    child.on('exit', (code) => process.exit(code ?? 0))
    return true
  } catch (e) {
    log(`Electron cannot start here (${(e as Error).message}); opening Werkbank in your browser instead.`)
    return false
  }
}

const args = process.argv.slice(2)
if (!(await startElectron(args))) {
  await ensureUi(log)
  const { main } = await import('./server')
  const code = await main(args)
  if (code >= 0) process.exitCode = code
}
