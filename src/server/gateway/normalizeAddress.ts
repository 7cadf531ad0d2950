import { isIP } from 'node:net'

/** `::ffff:10.0.0.1` → `10.0.0.1`, `[2001:db8::1]:443` → `2001:db8::1`, `10.0.0.1:80` → `10.0.0.1`. */
export function normalizeAddress(text: string): string {
  let address = text.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address)
  if (bracketed?.[1]) address = bracketed[1]
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'))
  const mapped = /^::ffff:([\d.]+)$/i.exec(address)
  if (mapped?.[1] && isIP(mapped[1]) === 4) return mapped[1]
  return isIP(address) === 6 ? address.toLowerCase() : address
}
