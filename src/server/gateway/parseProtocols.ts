import { tokenList } from './tokenList.js'

/** The subprotocols a Sec-WebSocket-Protocol header offers; none when it is not a token list. */
export function parseProtocols(header: string | undefined): string[] {
  return header === undefined ? [] : (tokenList(header) ?? [])
}
