// A real redis-server (Debian's `redis-server` package) for the store and replica tests: on a free
// loopback port, no persistence, its own process group so it cannot outlive the run.
import { existsSync } from 'node:fs'
import { connect } from 'node:net'
import { freePort } from './e2eServers.ts'
import { startProcess } from './managedProcess.ts'

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server'

/** Sends one inline command on a fresh connection and resolves with the raw reply text. */
function ask(port: number, command: string, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    let reply = ''
    const timer = setTimeout(
      () => socket.destroy(new Error(`redis: no answer to ${command}`)),
      timeoutMs,
    )
    socket.once('connect', () => socket.write(`${command}\r\nQUIT\r\n`))
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString('utf8')))
    socket.once('close', () => {
      clearTimeout(timer)
      resolve(reply)
    })
    socket.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}

/** redis-server on `port`, resolved once it answers PING; null when it exited or never answered. */
async function spawnOn(port: number) {
  const redis = startProcess('redis-server', REDIS_SERVER, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ])
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const exited = await Promise.race([redis.exited, new Promise((r) => setTimeout(r, 50, null))])
    if (exited !== null) break
    if ((await ask(port, 'PING').catch(() => '')).startsWith('+PONG')) return redis
  }
  await redis.stop()
  return null
}

export async function startRedisServer() {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} not found: apt-get install redis-server (Redis ≥ 6.2)`)
  }
  // A port freed and taken again can be lost to another process in between: try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    let redis = await spawnOn(port)
    if (redis) {
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(redis?.pid ?? 0, name)
        } catch {
          // Already gone.
        }
      }
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        /** `INFO stats` field, e.g. `total_commands_processed`. */
        async stat(field: string): Promise<number> {
          const match = new RegExp(`^${field}:(\\d+)`, 'm').exec(await ask(port, 'INFO stats'))
          if (!match) throw new Error(`redis INFO stats has no ${field}`)
          return Number(match[1])
        },
        /** Sends one command (inline form) and returns the raw reply. */
        command: (line: string) => ask(port, line),
        /** A crash: SIGKILL, connections reset, all data gone (no persistence). */
        async kill() {
          signal('SIGKILL')
          await redis?.exited
        },
        /** A hang: SIGSTOP, connections stay open and nothing answers. */
        pause: () => signal('SIGSTOP'),
        resume: () => signal('SIGCONT'),
        /** A new, empty redis-server on the same port (after kill()). */
        async restart() {
          for (let tries = 0; tries < 20; tries++) {
            redis = await spawnOn(port)
            if (redis) return
            await new Promise((resolve) => setTimeout(resolve, 100))
          }
          throw new Error(`redis-server did not start again on ${port}`)
        },
        stop: async () => {
          signal('SIGCONT')
          await redis?.stop()
        },
      }
    }
    if (attempt >= 3) throw new Error('redis-server did not start (3 ports tried)')
  }
}
