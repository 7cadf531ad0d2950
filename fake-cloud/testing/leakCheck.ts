// Run as its own process by startFakeCloud.test.ts: exercises a relay, a keep-alive request and a
// pending latency fault, a console on a built-in VNC server (whose scene clock ticks) and a start
// that fails after its VNC servers are up, closes everything, then prints what still keeps the
// event loop alive.
import { RfbTestClient } from '../rfb/RfbTestClient.ts'
import { startFakeCloud } from '../startFakeCloud.ts'
import { connectConsole } from './connectConsole.ts'
import { startTcpFixture } from './startTcpFixture.ts'

const vnc = await startTcpFixture({ echo: true })
const cloud = await startFakeCloud({ vncTarget: vnc.target })
const response = await fetch(`${cloud.url}/api`, {
  method: 'POST',
  headers: { authorization: 'fake-cloudtower-admin-token' },
  body: JSON.stringify({
    operationName: 'vnc',
    variables: { input: { vm: { id: 'vm-ubuntu-01' } } },
    query: '{ vnc(input: $input) { raw_token vm_uuid host_ip } }',
  }),
})
const { vnc: v } = (
  (await response.json()) as {
    data: { vnc: { raw_token: string; vm_uuid: string; host_ip: string } }
  }
).data
const client = await connectConsole(
  `${cloud.url.replace('http', 'ws')}/websockify/?uuid=${v.vm_uuid}&token=${v.raw_token}&host=${v.host_ip}`,
)
client.ws.send(Buffer.from('ping'))
await client.waitForBytes(4)
cloud.faults.set({ latencyMs: 100_000 })
const pending = fetch(`${cloud.url}/api`, { method: 'POST', body: '{}' }).catch(() => null)
await new Promise((resolve) => setTimeout(resolve, 50))

const builtIn = await startFakeCloud({ builtInVnc: true })
const credential = await fetch(`${builtIn.url}/api`, {
  method: 'POST',
  headers: { authorization: 'fake-cloudtower-admin-token' },
  body: JSON.stringify({
    operationName: 'vnc',
    variables: { input: { vm: { id: 'vm-ubuntu-01' } } },
    query: '{ vnc(input: $input) { raw_token vm_uuid host_ip } }',
  }),
})
const b = (
  (await credential.json()) as {
    data: { vnc: { raw_token: string; vm_uuid: string; host_ip: string } }
  }
).data.vnc
const rfb = await RfbTestClient.connectWebSocket(
  `${builtIn.url.replace('http', 'ws')}/websockify/?uuid=${b.vm_uuid}&token=${b.raw_token}&host=${b.host_ip}`,
)
await rfb.handshake()
await startFakeCloud({ port: builtIn.port, builtInVnc: true }).catch(() => null)

await cloud.close()
await builtIn.close()
await vnc.close()
await pending
await new Promise((resolve) => setTimeout(resolve, 20))
process.stdout.write(JSON.stringify(process.getActiveResourcesInfo()))
