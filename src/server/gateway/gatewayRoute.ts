/** Which of the gateway's endpoints a request path names. */
export type GatewayRoute = 'console' | 'state' | 'power' | 'presence'

/**
 * `{path}` asks for a console, `{path}/state` for the VM's state, `{path}/power` for a power
 * action, `{path}/presence` for who else is on the VM; anything else is not the gateway's (null). Trailing slashes do not matter.
 */
export function gatewayRoute(path: string, pathname: string): GatewayRoute | null {
  const asked = pathname.replace(/\/+$/, '') || '/'
  if (asked === path) return 'console'
  const base = path === '/' ? '' : path
  if (asked === `${base}/state`) return 'state'
  if (asked === `${base}/power`) return 'power'
  if (asked === `${base}/presence`) return 'presence'
  return null
}
