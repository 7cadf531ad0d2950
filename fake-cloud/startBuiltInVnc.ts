import type { RfbServer } from './rfb/RfbServer.ts'
import { listenRfbTcp } from './rfb/listenRfbTcp.ts'
import type { RfbTcpListener } from './rfb/listenRfbTcp.ts'
import type { FakeCloudInventory } from './types.ts'

// Varied on purpose, so the demo shows the viewer scaling and resizing to different screens.
const SIZES: readonly (readonly [number, number])[] = [
  [1024, 768],
  [800, 600],
  [1280, 720],
]

export interface BuiltInVnc {
  /** One fake screen per CloudTower VM id and per ECS server id. */
  readonly servers: ReadonlyMap<string, RfbServer>
  /** Re-reads every server's password; new sessions ask for it (sessions already in keep theirs). */
  refreshPasswords(): void
  /** Stops listening and ends every VNC session and scene clock. */
  close(): Promise<void>
}

/**
 * Starts one pure-TS RFB server per VM and ECS server of `inventory` on loopback TCP and points
 * their `vnc` targets at them, so the fake cloud needs no real VNC server. Each screen is named
 * after its VM and offers XVP (power menu) and QEMU key events, like the KVM guests behind both
 * clouds. Passwords come from `passwordFor(id)`, re-read before every new session.
 */
export async function startBuiltInVnc(
  inventory: FakeCloudInventory,
  options: { passwordFor(id: string): string | undefined; host?: string },
): Promise<BuiltInVnc> {
  const host = options.host ?? '127.0.0.1'
  const machines = [
    ...inventory.cloudTower.vms.map((vm) => ({ id: vm.id, name: vm.name, target: vm })),
    ...inventory.ecs.servers.map((server) => ({
      id: server.serverId,
      name: server.name,
      target: server,
    })),
  ]
  const started = await Promise.allSettled(
    machines.map(({ id, name }, index) => {
      const [width, height] = SIZES[index % SIZES.length] ?? [800, 600]
      return listenRfbTcp({
        host,
        width,
        height,
        desktopName: name,
        password: options.passwordFor(id),
        xvp: true,
        qemuKeys: true,
      })
    }),
  )
  const listeners = started.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  )
  const failure = started.find((result) => result.status === 'rejected')
  if (failure) {
    await Promise.all(listeners.map((listener) => listener.close()))
    throw failure.reason
  }

  const servers = new Map<string, RfbServer>()
  machines.forEach(({ id, target }, index) => {
    const listener = listeners[index] as RfbTcpListener
    const hostPart = host.includes(':') ? `[${host}]` : host
    target.vnc = `${hostPart}:${listener.port}`
    servers.set(id, listener.server)
    // The session event fires before the client's version arrives, i.e. before security is
    // offered: an inventory edit or fault made since the last refresh still applies.
    listener.server.on('session', () => listener.server.setPassword(options.passwordFor(id)))
  })

  let closed: Promise<void> | undefined
  return {
    servers,
    refreshPasswords() {
      for (const [id, server] of servers) server.setPassword(options.passwordFor(id))
    },
    close() {
      closed ??= Promise.all(listeners.map((listener) => listener.close())).then(() => {})
      return closed
    },
  }
}
