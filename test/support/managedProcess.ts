// Node side of the e2e tests: child processes (Xvnc, xterm, qemu, websockify) that cannot outlive
// the run. Each one leads its own process group, so stopping it also stops what it spawned
// (xterm's shell, cat…); a process-wide registry lets teardown and `exit` sweep up after failures.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'

export interface ManagedProcess {
  readonly name: string
  readonly pid: number
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>
  /** The last 8 KB of stdout+stderr, for error messages. */
  output(): string
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when the leader is gone. */
  stop(graceMs?: number): Promise<void>
}

const REGISTRY = Symbol.for('react-vm-console.e2e.processes')
type Registry = Set<ManagedProcess>
const globals = globalThis as { [REGISTRY]?: Registry }

function registry(): Registry {
  if (!globals[REGISTRY]) {
    globals[REGISTRY] = new Set()
    // Last resort when the runner dies between start and stop: no orphaned servers.
    process.once('exit', () => {
      for (const managed of globals[REGISTRY] ?? []) killGroup(managed.pid, 'SIGKILL')
    })
  }
  return globals[REGISTRY]
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // ESRCH: the group is already gone.
  }
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): ManagedProcess {
  const child: ChildProcess = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
  })
  let log = ''
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-8192)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'))
    child.once('error', (error) => {
      append(Buffer.from(String(error)))
      resolve('spawn-error')
    })
  })
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`)
  const pid = child.pid
  let stopping: Promise<void> | undefined
  const managed: ManagedProcess = {
    name,
    pid,
    exited,
    output: () => log,
    stop(graceMs = 3_000) {
      stopping ??= (async () => {
        killGroup(pid, 'SIGTERM')
        const timeout = new Promise<'timeout'>((resolve) => {
          setTimeout(resolve, graceMs, 'timeout').unref()
        })
        await Promise.race([exited, timeout])
        // Also reaps group members that outlived a leader that did exit.
        killGroup(pid, 'SIGKILL')
        await exited
        registry().delete(managed)
      })()
      return stopping
    },
  }
  registry().add(managed)
  return managed
}

/** Stops every process still registered (test teardown and globalSetup's safety net). */
export async function stopAllProcesses(): Promise<string[]> {
  const left = [...registry()]
  await Promise.all(left.map((managed) => managed.stop()))
  return left.map((managed) => `${managed.name} (pid ${managed.pid})`)
}
