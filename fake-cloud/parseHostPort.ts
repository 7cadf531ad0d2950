/** Parses a VNC target `host:port` (`[::1]:5900` for IPv6); throws on anything else. */
export function parseHostPort(target: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(target.trim())
  const host = match?.[1] ?? match?.[2]
  const port = Number(match?.[3])
  if (!host || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Invalid VNC target "${target}": expected host:port`)
  }
  return { host, port }
}
