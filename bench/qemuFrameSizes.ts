// How large are the websocket messages a console proxy sends? (Not a test: it prints numbers that
// `limits.maxUpstreamMessageBytes` is chosen from.) A real QEMU boots a 74-byte boot sector that
// sets a 1920×1080×32 Bochs VBE mode; an RFB client asks for the whole screen in raw encoding
// (the largest update there is, 8 294 416 bytes) through QEMU's own websocket, through Debian's
// websockify, and through the gateway relay in front of websockify, and reports the largest
// message seen on each path.
//
//   node_modules/.bin/node bench/qemuFrameSizes.ts
import '../test/support/resolveTsFromJs.ts'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'

// (Loaded after the hook above, which maps src's `.js` imports to their `.ts` files.)
const { createConsoleGateway } = await import('../src/server/createConsoleGateway.ts')
const { freePort, portAccepts } = await import('../test/support/e2eServers.ts')
const { startProcess } = await import('../test/support/managedProcess.ts')

const WIDTH = 1920
const HEIGHT = 1080

/** A boot sector that sets the Bochs VBE mode WIDTH×HEIGHT×32 (ports 0x1CE/0x1CF) and halts. */
function vbeBootSector() {
  const code: number[] = []
  const out = (index: number, value: number) => {
    // mov dx, 0x1CE; mov ax, index; out dx, ax; mov dx, 0x1CF; mov ax, value; out dx, ax
    code.push(0xba, 0xce, 0x01, 0xb8, index & 0xff, index >> 8, 0xef)
    code.push(0xba, 0xcf, 0x01, 0xb8, value & 0xff, value >> 8, 0xef)
  }
  out(4, 0) // disable
  out(1, WIDTH)
  out(2, HEIGHT)
  out(3, 32)
  out(4, 0x41) // enabled, linear framebuffer
  code.push(0xfa, 0xf4, 0xeb, 0xfd) // cli; hlt; jmp back to hlt
  const image = Buffer.alloc(1024 * 1024)
  Buffer.from(code).copy(image)
  image.writeUInt16LE(0xaa55, 510)
  return image
}

async function waitForPort(port: number) {
  for (let i = 0; i < 200 && !(await portAccepts(port)); i++)
    await new Promise((resolve) => setTimeout(resolve, 50))
}

/** One whole-screen raw update over `url`; the sizes of the messages that carried it. */
async function measure(url: string, origin?: string) {
  const ws = new WebSocket(url, ['binary'], {
    perMessageDeflate: false,
    maxPayload: 256 * 1024 * 1024,
    ...(origin && { origin }),
  })
  let buffered = Buffer.alloc(0)
  const sizes: number[] = []
  let wake = () => {}
  ws.on('message', (data: Buffer) => {
    sizes.push(data.length)
    buffered = Buffer.concat([buffered, data])
    wake()
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  const take = async (n: number) => {
    while (buffered.length < n) await new Promise<void>((resolve) => (wake = resolve))
    const bytes = buffered.subarray(0, n)
    buffered = buffered.subarray(n)
    return bytes
  }
  await take(12) // ProtocolVersion
  ws.send(Buffer.from('RFB 003.008\n'))
  await take((await take(1))[0] ?? 0) // security types: QEMU without a password offers None
  ws.send(Buffer.from([1]))
  await take(4) // SecurityResult
  ws.send(Buffer.from([1])) // ClientInit, shared
  const init = await take(24)
  const [width, height] = [init.readUInt16BE(0), init.readUInt16BE(2)]
  await take(init.readUInt32BE(20)) // desktop name
  ws.send(Buffer.from([2, 0, 0, 1, 0, 0, 0, 0])) // SetEncodings: raw only
  sizes.length = 0
  const request = Buffer.alloc(10)
  request[0] = 3 // FramebufferUpdateRequest, not incremental, the whole screen
  request.writeUInt16BE(width, 6)
  request.writeUInt16BE(height, 8)
  ws.send(request)
  const rects = (await take(4)).readUInt16BE(2)
  let updateBytes = 4
  for (let i = 0; i < rects; i++) {
    const rect = await take(12)
    const bytes = rect.readUInt16BE(4) * rect.readUInt16BE(6) * 4
    await take(bytes)
    updateBytes += 12 + bytes
  }
  ws.close()
  return {
    screen: `${width}×${height}`,
    updateBytes,
    messages: sizes.length,
    largestMessage: Math.max(...sizes),
  }
}

const dir = mkdtempSync(join(tmpdir(), 'rvc-qemu-frames-'))
const disk = join(dir, 'vbe.img')
writeFileSync(disk, vbeBootSector())
const vncPort = await freePort(5900)
const qemuWsPort = await freePort()
const websockifyPort = await freePort()
const qemu = startProcess('qemu', 'qemu-system-x86_64', [
  ...['-no-user-config', '-accel', 'tcg', '-m', '64', '-vga', 'std'],
  ...['-drive', `format=raw,file=${disk},if=ide`],
  ...['-vnc', `127.0.0.1:${vncPort - 5900},websocket=127.0.0.1:${qemuWsPort}`],
])
const websockify = startProcess('websockify', 'websockify', [
  `127.0.0.1:${websockifyPort}`,
  `127.0.0.1:${vncPort}`,
])
// The gateway, with an ECS API whose console URL is websockify's.
const api = createServer((request, response) => {
  request.resume()
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(
      JSON.stringify({
        remote_console: {
          type: 'novnc',
          protocol: 'vnc',
          url: `http://127.0.0.1:${websockifyPort}/vnc_auto.html?token=t`,
        },
      }),
    )
  })
})
await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
const gateway = createConsoleGateway({
  authorize: () => ({ user: 'bench' }),
  providers: {
    ecs: {
      endpoint: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
      projectId: 'bench',
      authToken: 'bench',
    },
  },
})
const server = createServer((request, response) => void gateway.handleRequest(request, response))
server.on(
  'upgrade',
  (request, socket, head) => gateway.upgrade(request, socket, head) || socket.destroy(),
)
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

try {
  await Promise.all([waitForPort(qemuWsPort), waitForPort(websockifyPort)])
  // Let the guest set its mode before the first client looks.
  await new Promise((resolve) => setTimeout(resolve, 2_000))
  const answer = await fetch(`${gatewayUrl}/consoles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: gatewayUrl },
    body: JSON.stringify({ provider: 'ecs', serverId: 'bench' }),
  })
  const { url } = (await answer.json()) as { url: string }
  const rows = {
    "QEMU's websocket": await measure(`ws://127.0.0.1:${qemuWsPort}/`),
    websockify: await measure(`ws://127.0.0.1:${websockifyPort}/websockify`),
    'gateway → websockify': await measure(`${gatewayUrl.replace('http', 'ws')}${url}`, gatewayUrl),
  }
  console.table(rows)
} finally {
  await gateway.close()
  server.close()
  api.close()
  await Promise.all([qemu.stop(), websockify.stop()])
  rmSync(dir, { recursive: true, force: true })
}
