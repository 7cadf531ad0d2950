// Dev-only: `vite` for the demo also runs the fake CloudTower + ECS (with a built-in VNC server per
// VM), so the demo needs nothing beyond npm. Node-only; the page imports only the DemoConfig type.
import type { ProxyOptions, Plugin } from 'vite'
import { startFakeCloud } from '../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle, FakeCloudOptions } from '../fake-cloud/types.ts'

/** What `GET /__demo/config` answers: where the page finds the clouds and how it signs in. */
export interface DemoConfig {
  /** The fake cloud's own origin; the page normally goes through the same-origin paths below. */
  fakeCloudUrl: string
  cloudTower: {
    /** `endpoint` for fetchCloudTowerVnc / proxy links: GraphQL at `/tower/api`. */
    endpoint: string
    username: string
    password: string
    /** A ready session token for `Authorization` (no login needed). */
    token: string
    vms: { id: string; name: string; status: string; vncPassword?: string }[]
  }
  ecs: {
    /** `endpoint` for fetchEcsRemoteConsole: `/ecs/v1/{project_id}/…`. */
    endpoint: string
    projectId: string
    authToken: string
    servers: { id: string; name: string; status: string; vncPassword?: string }[]
  }
  /** The chaos panel's API: `${fakeApi}/faults`, `/power`, `/health`, `/inventory`, `/vnc`. */
  fakeApi: string
}

const TOWER = '/tower'
const ECS = '/ecs'
const FAKE_API = '/__fake'

/**
 * Starts the fake cloud with the dev server and stops it with the server. Vite's proxy makes it
 * same-origin for the page: `/tower/api`, `/tower/v2/api/…` (REST: state and power) and
 * `/tower/websockify/` (websocket) → CloudTower, `/ecs/v1/…` → ECS, `/__fake/…` → fault and power
 * switches. `GET /__demo/config` describes it all.
 * ECS console URLs still name the fake cloud's own port (a browser may open that socket directly).
 */
export function fakeCloudPlugin(options: FakeCloudOptions = {}): Plugin {
  // Reference-counted: Vite may reuse this plugin object for the server that replaces this one on
  // restart (it creates the new server before closing the old), which then keeps the same cloud.
  let cloud: Promise<FakeCloudHandle> | undefined
  let users = 0

  return {
    name: 'react-vm-console:fake-cloud',
    apply: 'serve',
    async configureServer(server) {
      users++
      cloud ??= startFakeCloud(options)
      let handle: FakeCloudHandle
      try {
        handle = await cloud
      } catch (error) {
        users--
        cloud = undefined
        throw error
      }
      const target = handle.url
      const under = (prefix: string, ws = false): ProxyOptions => ({
        target,
        ws,
        rewrite: (path) => path.slice(prefix.length),
      })
      // The port is known only now; Vite builds its proxy from this option after configureServer.
      server.config.server.proxy = {
        ...server.config.server.proxy,
        [`${TOWER}/api`]: under(TOWER),
        [`${TOWER}/v2/`]: under(TOWER), // CloudTower REST: VM state and power
        [`${TOWER}/websockify`]: under(TOWER, true),
        [`${ECS}/v1/`]: under(ECS),
        [`${FAKE_API}/`]: { target },
      }

      server.middlewares.use('/__demo/config', (request, response, next) => {
        if (request.method !== 'GET') return next()
        response.setHeader('content-type', 'application/json;charset=UTF-8')
        response.setHeader('cache-control', 'no-store')
        response.end(JSON.stringify(demoConfig(handle)))
      })

      const printUrls = server.printUrls.bind(server)
      server.printUrls = () => {
        printUrls()
        const { info } = server.config.logger
        info(`  ➜  Fake cloud: ${target}  (CloudTower ${TOWER}, ECS ${ECS}, faults ${FAKE_API})`)
        info(`  ➜  Demo config: /__demo/config`)
      }
    },
    async closeServer() {
      if (--users > 0 || !cloud) return
      const closing = cloud
      cloud = undefined
      await (await closing).close()
    },
  }
}

function demoConfig(cloud: FakeCloudHandle): DemoConfig {
  const { cloudTower, ecs } = cloud.inventory
  // Read per request: the inventory is live, and the ADMIN user's token is the one that works.
  const admin = cloudTower.users.find((user) => user.role === 'ADMIN') ?? cloudTower.users[0]
  const [ecsToken] = ecs.tokens
  const withPassword = (id: string) => {
    const password = cloud.vncPasswordFor(id)
    return password === undefined ? {} : { vncPassword: password }
  }
  return {
    fakeCloudUrl: cloud.url,
    cloudTower: {
      endpoint: TOWER,
      username: admin?.username ?? '',
      password: admin?.password ?? '',
      token: admin?.sessionToken ?? '',
      vms: cloudTower.vms.map(({ id, name, status }) => ({
        id,
        name,
        status,
        ...withPassword(id),
      })),
    },
    ecs: {
      endpoint: ECS,
      projectId: ecsToken?.projectId ?? '',
      authToken: ecsToken?.token ?? '',
      servers: ecs.servers
        .filter((server) => server.projectId === ecsToken?.projectId)
        .map(({ serverId, name, status }) => ({
          id: serverId,
          name,
          status,
          ...withPassword(serverId),
        })),
    },
    fakeApi: FAKE_API,
  }
}
