// Run as its own process by startFakeCloud.test.ts: exercises a relay, a keep-alive request and a
// pending latency fault, closes everything, then prints what still keeps the event loop alive.
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

await cloud.close()
await vnc.close()
await pending
await new Promise((resolve) => setTimeout(resolve, 20))
process.stdout.write(JSON.stringify(process.getActiveResourcesInfo()))
