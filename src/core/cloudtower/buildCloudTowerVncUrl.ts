import type { CloudTowerLinkTarget } from './CloudTowerLinkTarget.js'
import type { CloudTowerVnc } from './CloudTowerVnc.js'
import { ConsoleError } from '../errors/ConsoleError.js'
import { isBase64 } from './isBase64.js'
import { normalizeEndpoint } from '../http/normalizeEndpoint.js'
import { pageProtocol } from '../http/pageProtocol.js'
import { resolveOnPage } from '../http/resolveOnPage.js'
import { toUrlHost } from '../http/toUrlHost.js'

/**
 * Turns CloudTower's `vnc` answer into the websocket URL noVNC opens: the direct link to the
 * cluster, or the link through the management platform's proxy. Every value is validated and
 * percent-encoded, so no input can add a parameter or change the host.
 */
export function buildCloudTowerVncUrl(vnc: CloudTowerVnc, target: CloudTowerLinkTarget): string {
  const provider = 'cloudtower'
  const fail = (message: string) => new ConsoleError({ kind: 'invalid_input', provider, message })
  const uuid: unknown = vnc?.vm_uuid
  // Any text but blank, control characters and lone UTF-16 surrogates (they cannot be encoded).
  // eslint-disable-next-line no-control-regex
  if (typeof uuid !== 'string' || !/\S/.test(uuid) || /[\0-\x1f\x7f]|[\ud800-\udfff]/u.test(uuid)) {
    throw fail('The VNC details have no valid vm_uuid.')
  }
  const uuidParam = encodeURIComponent(uuid)
  // The query carries the host without IPv6 brackets, as CloudTower reports it.
  const hostParam = encodeURIComponent(
    toUrlHost(vnc.host_ip, 'host_ip', provider).replace(/^\[(.*)\]$/, '$1'),
  )

  if (target?.mode === 'direct') {
    if (typeof vnc.raw_token !== 'string' || !/^[0-9a-f]{32}$/i.test(vnc.raw_token)) {
      throw fail('The raw_token must be 32 hex digits.')
    }
    const clusterIp = toUrlHost(vnc.cluster_ip, 'cluster_ip', provider)
    const { port } = target
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
      throw fail('The port must be an integer from 1 to 65535.')
    }
    const secure = target.secure ?? pageProtocol() !== 'http:'
    return `${secure ? 'wss' : 'ws'}://${clusterIp}${port === undefined ? '' : `:${port}`}/websockify/?uuid=${uuidParam}&token=${vnc.raw_token}&host=${hostParam}`
  }

  if (target?.mode === 'proxy') {
    if (typeof vnc.token !== 'string' || !isBase64(vnc.token)) {
      throw fail('The token must be base64.')
    }
    // The slash keeps the root path "/" (normalised to "") a path, on the page's host.
    const endpoint = resolveOnPage(`${normalizeEndpoint(target.endpoint, provider)}/`, provider)
    const secure = target.secure ?? endpoint.protocol === 'https:'
    return `${secure ? 'wss' : 'ws'}://${endpoint.host}${endpoint.pathname.replace(/\/+$/, '')}/websockify/?token=${encodeURIComponent(vnc.token)}&host=${hostParam}&uuid=${uuidParam}`
  }

  throw fail('The target mode must be "direct" or "proxy".')
}
