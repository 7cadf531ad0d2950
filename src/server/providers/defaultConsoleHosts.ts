import { isIP } from 'node:net'

/**
 * The console hosts an ECS endpoint vouches for when `consoleHosts` is not set: the endpoint's
 * own host, and every name under its last two labels (`ecs.cn-north-4.myhuaweicloud.com` →
 * `*.myhuaweicloud.com`). An IP address or a one-label name (localhost) vouches for itself only.
 */
export function defaultConsoleHosts(endpoint: string): string[] {
  const host = new URL(endpoint).hostname.toLowerCase().replace(/^\[|\]$/g, '')
  const labels = host.split('.')
  if (isIP(host) || labels.length < 2) return [host]
  return [host, `*.${labels.slice(-2).join('.')}`]
}
