import { ConsoleError } from '../errors/ConsoleError.js'
import type { EcsRemoteConsole } from './EcsRemoteConsole.js'
import { parseHttpUrl } from '../http/parseHttpUrl.js'

export interface BuildEcsConsoleUrlOptions {
  /** Default: follows the page URL (https → wss, http → ws). */
  secure?: boolean
}

/**
 * Turns the console page URL of ECS (or OpenStack Nova) into the websocket a noVNC client opens:
 * Huawei's `…/vnc_auto.html?token=T` → `wss://host:port/websockify?token=T`;
 * Nova's `…/vnc_auto.html?path=%3Ftoken%3DT` → `wss://host:port/?token=T`.
 */
export function buildEcsConsoleUrl(
  remoteConsole: EcsRemoteConsole | string,
  options: BuildEcsConsoleUrlOptions = {},
): string {
  const fail = (why: string) =>
    new ConsoleError({
      kind: 'invalid_input',
      provider: 'ecs',
      message: `The ECS console URL ${why}.`,
    })
  const page = parseHttpUrl(typeof remoteConsole === 'string' ? remoteConsole : remoteConsole?.url)
  if (!page) throw fail('must be an http(s) address with no user name')
  const novaPath = page.searchParams.get('path')
  // Nova's page carries the socket's path and query; resolve it so it cannot leave the host.
  const socket = novaPath === null ? page : parseHttpUrl(novaPath, page.origin)
  if (socket?.origin !== page.origin) throw fail('points its socket at another host')
  const token = socket.searchParams.get('token')
  // eslint-disable-next-line no-control-regex
  if (!token || /[\u0000-\u001f\u007f]/.test(token)) throw fail('has no token')
  const scheme = (options.secure ?? page.protocol === 'https:') ? 'wss' : 'ws'
  return `${scheme}://${page.host}${novaPath === null ? '/websockify' : socket.pathname}?token=${encodeURIComponent(token)}`
}
