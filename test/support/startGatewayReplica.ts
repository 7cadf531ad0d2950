// Starts test/support/gatewayReplica.ts as a child process on Node 22 and talks to it over IPC.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { GatewayReplicaConfig, GatewayReplicaMessage } from './gatewayReplica.ts'

const NODE_22 = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url))
const SCRIPT = fileURLToPath(new URL('./gatewayReplica.ts', import.meta.url))

export async function startGatewayReplica(config: GatewayReplicaConfig, startTimeoutMs = 15_000) {
  const child = fork(SCRIPT, [], {
    execPath: NODE_22,
    env: { ...process.env, GATEWAY_REPLICA: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  const append = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8192))
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  )
  // Last resort when the test runner dies first: no replica outlives it.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const reply = <K extends string>(key: K, timeoutMs: number) =>
    new Promise<Extract<GatewayReplicaMessage, Record<K, unknown>>>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', listener)
        reject(new Error(`${config.name}: no ${key} within ${timeoutMs} ms\n${output}`))
      }, timeoutMs)
      const listener = (message: GatewayReplicaMessage) => {
        if (key in message) {
          clearTimeout(timer)
          child.off('message', listener)
          resolve(message as Extract<GatewayReplicaMessage, Record<K, unknown>>)
        }
      }
      child.on('message', listener)
      void exited.then(() => reject(new Error(`${config.name} exited\n${output}`)))
    })

  // The replica's audit events, as they come.
  const audits: Record<string, unknown>[] = []
  child.on('message', (message: GatewayReplicaMessage) => {
    if ('audit' in message) audits.push(message.audit)
  })

  const { port } = await reply('port', startTimeoutMs)
  return {
    name: config.name,
    port,
    url: `http://127.0.0.1:${port}`,
    exited,
    output: () => output,
    audits,
    /** The gateway's stats and the replica's Redis round trips by command. */
    async stats() {
      const answer = reply('stats', 5_000)
      child.send({ type: 'stats' })
      return answer
    },
    /** A crash: no close(), no slot given back, sockets torn down by the kernel. */
    async kill() {
      child.kill('SIGKILL')
      await exited
      process.off('exit', killOnExit)
    },
    /** A graceful stop: the replica closes its gateway and Redis client, then exits. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.disconnect()
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await exited
        clearTimeout(timer)
      }
      process.off('exit', killOnExit)
    },
  }
}
