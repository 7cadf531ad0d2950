// Writes stories/fixtures/demo-session.rvcrec, the recording the ConsoleReplay stories play: a
// session with the built-in RFB server (VNC Authentication, a 160x100 screen with a moving,
// colour-changing block), recorded by the real recorder through a TCP relay, as the gateway
// records. The client asks for what noVNC asks for (its pixel format, Raw), so noVNC replays it.
// Run: npm run generate:replay-fixture
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { connect, createServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import '../test/support/resolveTsFromJs.ts'
import { listenRfbTcp, RfbTestClient } from '../fake-cloud/rfb/index.ts'
import { noVncPixelFormat } from '../test/support/noVncPixelFormat.ts'

// src/ imports its siblings as `.js`: load it once the resolve hook above is in place.
const { createSessionRecorder } = await import('../src/server/recording/createSessionRecorder.ts')
const { createFileRecordingSink } =
  await import('../src/server/recording/createFileRecordingSink.ts')

const OUT = fileURLToPath(new URL('../stories/fixtures/demo-session.rvcrec', import.meta.url))
const WIDTH = 160
const HEIGHT = 100
const SECONDS = 4

const vm = await listenRfbTcp({
  width: WIDTH,
  height: HEIGHT,
  password: 'demo',
  scene: false,
  desktopName: 'demo-vm',
})
vm.server.framebuffer.fillRect(0, 0, WIDTH, HEIGHT, 0x1b1f24)
vm.server.framebuffer.fillRect(0, 0, WIDTH, 16, 0x0969da)

const directory = join(tmpdir(), `rvc-fixture-${process.pid}`)
const done: Promise<unknown>[] = []
const relay = createServer((browser: Socket) => {
  const recorder = createSessionRecorder(
    { sink: createFileRecordingSink({ directory }) },
    {
      sessionId: 'demo-session',
      user: 'alice',
      provider: 'cloudtower',
      vmId: 'demo-vm',
      replica: 'fixture',
      mode: 'control',
      startedAt: '2026-12-07T03:12:00.000Z',
    },
  )
  const upstream = connect(vm.port, '127.0.0.1')
  upstream.on('data', (data) => {
    browser.write(data)
    recorder.fromServer(data)
  })
  browser.on('data', (data) => upstream.write(data))
  browser.on('close', () => {
    upstream.destroy()
    done.push(recorder.finish())
  })
})
await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve))
const address = relay.address()
if (!address || typeof address === 'string') throw new Error('no relay address')

const client = await RfbTestClient.connectTcp(address.port)
await client.handshake({ password: 'demo' })
client.setPixelFormat(noVncPixelFormat)
client.setEncodings([0, -223, -307])
client.requestUpdate(false, { x: 0, y: 0, width: WIDTH, height: HEIGHT })
await client.readUpdate()
for (let tick = 1; tick <= SECONDS * 5; tick++) {
  await new Promise((resolve) => setTimeout(resolve, 200))
  const colour = (((tick * 37) % 256) << 16) | (((tick * 91) % 256) << 8) | ((tick * 53) % 256)
  vm.server.framebuffer.fillRect(
    ((tick * 9) % (WIDTH - 30)) + 5,
    30 + ((tick * 7) % 50),
    24,
    16,
    colour,
  )
  client.requestUpdate(true, { x: 0, y: 0, width: WIDTH, height: HEIGHT })
  await client.readUpdate()
}
client.close()
await new Promise((resolve) => setTimeout(resolve, 100))
const outcomes = await Promise.all(done)
relay.close()
await vm.close()

const [file] = await readdir(directory)
if (!file) throw new Error(`no recording: ${JSON.stringify(outcomes)}`)
await mkdir(fileURLToPath(new URL('../stories/fixtures/', import.meta.url)), { recursive: true })
await writeFile(OUT, await readFile(join(directory, file)))
await rm(directory, { recursive: true, force: true })
console.log(`wrote ${OUT}`, outcomes)
