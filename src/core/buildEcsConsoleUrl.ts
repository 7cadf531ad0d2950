import { ConsoleError } from './ConsoleError.js'
import type { EcsRemoteConsole } from './EcsRemoteConsole.js'

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
  const fail = (message: string) =>
    new ConsoleError({ kind: 'invalid_input', provider: 'ecs', message })
  const pageUrl = typeof remoteConsole === 'string' ? remoteConsole : remoteConsole?.url
  if (typeof pageUrl !== 'string' || pageUrl === '') throw fail('No ECS console URL was given.')
  let page: URL
  try {
    page = new URL(pageUrl)
  } catch {
    throw fail('The ECS console URL is not a valid address.')
  }
  if (page.protocol !== 'https:' && page.protocol !== 'http:') {
    throw fail('The ECS console URL must be an http or https address.')
  }
  if (page.username || page.password)
    throw fail('The ECS console URL must not contain a user name.')
  const scheme = (options.secure ?? page.protocol === 'https:') ? 'wss' : 'ws'

  const novaPath = page.searchParams.get('path')
  let pathname: string
  let token: string | null
  if (novaPath !== null) {
    // Nova's page carries the socket's path and query; resolve it so it cannot leave the host.
    let socket: URL
    try {
      socket = new URL(novaPath, `${page.protocol}//${page.host}/`)
    } catch {
      throw fail('The ECS console URL has an unreadable path parameter.')
    }
    if (socket.host !== page.host || socket.protocol !== page.protocol) {
      throw fail('The ECS console URL points its socket at another host.')
    }
    pathname = socket.pathname
    token = socket.searchParams.get('token')
  } else {
    pathname = '/websockify'
    token = page.searchParams.get('token')
  }
  // eslint-disable-next-line no-control-regex
  if (!token || /[\u0000-\u001f\u007f]/.test(token)) throw fail('The ECS console URL has no token.')
  return `${scheme}://${page.host}${pathname}?token=${encodeURIComponent(token)}`
}
