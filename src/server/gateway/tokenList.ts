// RFC 7230 token: header names and websocket subprotocols.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** A comma-separated list of tokens (optional spaces around commas); null if any item is not one. */
export function tokenList(value: string): string[] | null {
  const items = value.split(',').map((item) => item.replace(/^[ \t]+|[ \t]+$/g, ''))
  return items.every((item) => TOKEN.test(item)) ? items : null
}
