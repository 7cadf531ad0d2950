import type { ConsoleCredential, Redemption } from './types.ts'

type TokenLookup = { find(token: string): Redemption }

type UpgradeDecision =
  { ok: true; credential: ConsoleCredential } | { ok: false; status: 403 | 404; reason: string }

const CLOUDTOWER_PATHS = new Set(['/websockify', '/websockify/'])

/**
 * Decides whether a console websocket may open. Both CloudTower link forms carry `token`, `uuid`
 * and `host`; the token is raw_token (direct) or the base64 token (proxy), already URL-decoded by
 * URLSearchParams, which also turns an unescaped `+` into a space, as real proxies do. ECS links
 * carry only `token`, and like Nova's proxy any path is accepted. Refusals spend nothing.
 */
export function resolveConsoleUpgrade(
  url: URL,
  tokens: TokenLookup,
  rejectAll: boolean,
): UpgradeDecision {
  if (rejectAll) return { ok: false, status: 403, reason: 'console tokens are rejected (fault)' }
  const token = url.searchParams.get('token')
  if (!token) return { ok: false, status: 403, reason: 'missing token' }
  const found = tokens.find(token)
  if (!found.ok) return { ok: false, status: 403, reason: `token ${found.reason}` }
  const { credential } = found
  if (credential.provider === 'cloudtower') {
    if (!CLOUDTOWER_PATHS.has(url.pathname)) {
      return { ok: false, status: 404, reason: `no console at ${url.pathname}` }
    }
    if (url.searchParams.get('uuid') !== credential.vmUuid) {
      return { ok: false, status: 403, reason: 'uuid does not match the token' }
    }
    if (url.searchParams.get('host') !== credential.hostIp) {
      return { ok: false, status: 403, reason: 'host does not match the token' }
    }
  }
  return { ok: true, credential }
}
