import { redactSecrets } from '../core/redactSecrets.js'

const SECRET_KEY = /token|password|secret|authorization|ticket|signature|cookie/i
const SECRET_TEXT = [
  /([?&;]ticket=)[^&\s"'#]+/gi,
  /(Signature=)[0-9a-f]+/gi,
  /(Access=)[^,\s]+/gi,
  // An echoed Authorization header: its whole value, scheme and all (to the line's or field's end).
  /(authorization"?\s*[:=]\s*"?)[^"\r\n}]+/gi,
  /("?(?:password|secret_?key|authToken|x-auth-token)"?\s*[:=]\s*"?)[^"&,\s}]+/gi,
]

/**
 * Log-safe copy of a message or its details: known secrets (plain and URL-encoded), token,
 * ticket, password and signature values, and whole fields whose name says they are secret.
 */
export function redactForLog<T>(value: T, secrets: readonly (string | undefined)[]): T {
  return redact(value, secrets, 0) as T
}

function redact(value: unknown, secrets: readonly (string | undefined)[], depth: number): unknown {
  if (typeof value === 'string') {
    let text = redactSecrets(value, secrets)
    for (const pattern of SECRET_TEXT) text = text.replace(pattern, '$1***')
    return text
  }
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message, secrets, depth + 1) }
  }
  if (typeof value !== 'object' || value === null || depth > 4) return value
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets, depth + 1))
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) && item !== undefined ? '***' : redact(item, secrets, depth + 1),
    ]),
  )
}
