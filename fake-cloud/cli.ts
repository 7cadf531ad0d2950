// Starts the fake cloud from a terminal: `node fake-cloud/cli.ts [--port 4000]` (Node ≥ 22.18
// strips the types itself; this file and its imports use only erasable syntax and `.ts` imports).
import { parseArgs } from 'node:util'
import { startFakeCloud } from './startFakeCloud.ts'

const HELP = `Usage: node fake-cloud/cli.ts [options]

  --port <n>          port to listen on (env FAKE_CLOUD_PORT, default 4000; 0 = any free port)
  --host <addr>       address to bind (default 127.0.0.1)
  --cluster-ip <ip>   cluster_ip answered by the CloudTower vnc query (default 127.0.0.1)
  --public-url <url>  origin that ECS console URLs point at (default this server)
  --vnc <host:port>   relay every console to this VNC server (env DEMO_VNC); without it,
                      every VM gets a built-in VNC server on a free loopback port
  --power-delay <ms>  how long a start, stop or restart task takes (default 1500)
  --help
`

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'cluster-ip': { type: 'string' },
    'public-url': { type: 'string' },
    vnc: { type: 'string' },
    'power-delay': { type: 'string' },
    help: { type: 'boolean' },
  },
})
if (values.help) {
  process.stdout.write(HELP)
  process.exit(0)
}

const port = Number(values.port ?? process.env.FAKE_CLOUD_PORT ?? 4000)
const cloud = await startFakeCloud({
  port,
  ...(values.host ? { host: values.host } : {}),
  ...(values['cluster-ip'] ? { clusterIp: values['cluster-ip'] } : {}),
  ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
  ...(values.vnc ? { vncTarget: values.vnc } : {}),
  ...(values['power-delay'] ? { powerDelayMs: Number(values['power-delay']) } : {}),
})

const { url } = cloud
const ws = url.replace(/^http/, 'ws')
const [user] = cloud.inventory.cloudTower.users
const [ecsToken] = cloud.inventory.ecs.tokens
const vnc = values.vnc || process.env.DEMO_VNC
// Each built-in screen is also a plain VNC server: `vncviewer 127.0.0.1::PORT` reaches it directly.
const targets = new Map([
  ...cloud.inventory.cloudTower.vms.map((vm) => [vm.id, vm.vnc] as const),
  ...cloud.inventory.ecs.servers.map((server) => [server.serverId, server.vnc] as const),
])
const screens = [...cloud.vncServers].map(([id, screen]) => {
  const password = cloud.vncPasswordFor(id)
  const size = `${screen.framebuffer.width}x${screen.framebuffer.height}`
  return `    ${id.padEnd(38)} ${targets.get(id)}  ${size.padEnd(9)} ${screen.desktopName}${password ? `  (password: ${password})` : ''}`
})
process.stdout.write(
  [
    `fake cloud listening on ${url}`,
    `  CloudTower GraphQL  POST ${url}/api  (Authorization: ${user?.sessionToken ?? '<login token>'})`,
    `  CloudTower console  ${ws}/websockify/?token=<url-encoded token>&host=<host_ip>&uuid=<vm_uuid>`,
    `  ECS remote console  POST ${url}/v1/{project_id}/cloudservers/{server_id}/remote_console  (X-Auth-Token: ${ecsToken?.token ?? '-'})`,
    `  ECS console socket  ${ws}/websockify?token=<token from the console URL>`,
    `  Faults              GET/POST ${url}/__fake/faults   Health: ${url}/__fake/health   Inventory: ${url}/__fake/inventory`,
    `  VNC targets         ${
      vnc
        ? `all consoles → ${vnc}`
        : screens.length
          ? 'built-in VNC servers, one per VM (plain RFB over TCP as well):'
          : "each VM's own (see /__fake/inventory)"
    }`,
    ...screens,
    'Ctrl+C stops everything.',
    '',
  ].join('\n'),
)

// First signal: close every socket and let the process end by itself (proof that nothing hangs).
// A second signal forces the exit.
let stopping = false
const stop = (signal: string) => {
  if (stopping) process.exit(1)
  stopping = true
  process.stdout.write(`\n${signal}: closing the fake cloud\n`)
  cloud.close().then(
    () => {
      process.exitCode = 0
    },
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
