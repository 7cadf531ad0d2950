import { isIP } from 'node:net'

// Second-level labels that registries sell names under (`example.com.cn`, `example.co.uk`): under a
// two-letter country code they make the suffix three labels long, not two.
const SECOND_LEVEL = new Set([
  'com',
  'net',
  'org',
  'gov',
  'edu',
  'co',
  'ac',
  'or',
  'ne',
  'go',
  'mil',
])

/**
 * The console hosts an ECS endpoint vouches for when `consoleHosts` is not set: the endpoint's
 * own host, and every name under its registered domain (`ecs.cn-north-4.myhuaweicloud.com` →
 * `*.myhuaweicloud.com`; `ecs.x.example.com.cn` → `*.example.com.cn`, never `*.com.cn`). An IP
 * address, a one-label name (localhost) or a bare registered domain vouches for itself only.
 */
export function defaultConsoleHosts(endpoint: string): string[] {
  const host = new URL(endpoint).hostname.toLowerCase().replace(/^\[|\]$/g, '')
  const labels = host.split('.')
  const last = labels.at(-1) ?? ''
  const domainLabels = last.length === 2 && SECOND_LEVEL.has(labels.at(-2) ?? '') ? 3 : 2
  if (isIP(host) || labels.length <= domainLabels) return [host]
  return [host, `*.${labels.slice(-domainLabels).join('.')}`]
}
