// The README's Redis setup, exactly as written, in a process of its own on Node 22: when its
// redis-server dies, the process stays up (node-redis ends a process whose client has no 'error'
// listener), and comes back to a working store when Redis does.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedisServer } from '../../support/startRedisServer.ts'

const ROOT = new URL('../../../', import.meta.url)
const NODE_22 = fileURLToPath(new URL('node_modules/.bin/node', ROOT))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The first ```ts block of the README's "Replicas" section. */
function readmeSnippet(): string {
  const readme = readFileSync(new URL('README.md', ROOT), 'utf8')
  const section = readme.slice(readme.indexOf('### Replicas: a shared store in Redis'))
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1]
  if (!block) throw new Error('README: no code block in the Replicas section')
  return block
}

let redis: Awaited<ReturnType<typeof startRedisServer>>
beforeAll(async () => {
  redis = await startRedisServer()
}, 30_000)
afterAll(async () => {
  await redis?.stop()
})

describe("the README's Redis snippet", () => {
  it('keeps its process up when Redis is killed', async () => {
    const snippet = readmeSnippet()
    expect(snippet).toContain("from 'react-vm-console/server/redis'")
    // The package's own name points at src/; what the portal defines around the snippet is given.
    const source = [
      `import { createConsoleGateway } from '${new URL('src/server/index.ts', ROOT).href}'`,
      `const authorize = () => ({ user: 'u' })`,
      `const providers = { cloudtower: { endpoint: 'http://127.0.0.1:9', token: 't' } }`,
      snippet.replace(
        "'react-vm-console/server/redis'",
        `'${new URL('src/server/redis/index.ts', ROOT).href}'`,
      ),
      `console.log('ready', typeof gateway.handleRequest)`,
      `setInterval(() => {}, 1_000)`,
    ].join('\n')
    // Inside the repository's node_modules (ignored by git), so `redis` resolves as it does for
    // a portal. Plain JavaScript: Node strips no types under node_modules, and needs not here.
    mkdirSync(fileURLToPath(new URL('node_modules/.cache/', ROOT)), { recursive: true })
    const file = fileURLToPath(
      new URL(`node_modules/.cache/readme-snippet-${process.pid}.mjs`, ROOT),
    )
    writeFileSync(file, source)
    const hook = fileURLToPath(new URL('test/support/resolveTsFromJs.ts', ROOT))
    const child = spawn(NODE_22, ['--import', pathToFileURL(hook).href, file], {
      env: { ...process.env, REDIS_URL: redis.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    const exited = new Promise<number | string>((resolve) =>
      child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
    )
    try {
      const started = Date.now()
      while (!output.includes('ready function')) {
        if (child.exitCode !== null || Date.now() - started > 20_000) {
          throw new Error(`the snippet did not start:\n${output}`)
        }
        await sleep(50)
      }
      await redis.kill()
      // node-redis notices at once and retries every ≤ 500 ms: each failure is an 'error' event.
      const outcome = await Promise.race([exited, sleep(3_000).then(() => 'still running')])
      expect(outcome, output).toBe('still running')
      await redis.restart()
    } finally {
      child.kill('SIGKILL')
      await exited
      rmSync(file, { force: true })
    }
  }, 40_000)
})
