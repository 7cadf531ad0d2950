import { normalizeAddress } from './normalizeAddress.js'

/**
 * The client addresses a proxy chain recorded, first client first, from `X-Forwarded-For`
 * (`client, proxy1, proxy2`) or RFC 7239 `Forwarded` (`for=client;proto=https, for="[v6]:port"`).
 * Ports and brackets go, IPv4-mapped IPv6 becomes IPv4; an entry that is no IP (`unknown`, an
 * obfuscated `_hidden`, garbage) is kept as written, so it can be neither trusted nor skipped.
 * Repeated headers arrive joined with `, `, which is the same list.
 */
export function forwardedAddresses(
  header: 'x-forwarded-for' | 'forwarded',
  value: string | undefined,
): string[] {
  if (!value) return []
  const entries = splitOutsideQuotes(value, ',')
  const addresses: string[] = []
  for (const entry of entries) {
    if (header === 'x-forwarded-for') {
      const text = entry.trim()
      if (text) addresses.push(normalizeAddress(text))
      continue
    }
    // An element without `for=` still stands for a hop (it says nothing about who sent it).
    let found = 'unknown'
    for (const pair of splitOutsideQuotes(entry, ';')) {
      const at = pair.indexOf('=')
      if (at < 0 || pair.slice(0, at).trim().toLowerCase() !== 'for') continue
      found = normalizeAddress(unquote(pair.slice(at + 1).trim()))
    }
    if (entry.trim()) addresses.push(found)
  }
  return addresses
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? ''
    if (char === '\\' && quoted) {
      current += char + (text[++i] ?? '')
      continue
    }
    if (char === '"') quoted = !quoted
    if (char === separator && !quoted) {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  return parts
}

function unquote(text: string): string {
  if (!(text.length >= 2 && text.startsWith('"') && text.endsWith('"'))) return text
  return text.slice(1, -1).replace(/\\(.)/g, '$1')
}
