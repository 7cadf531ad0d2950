import type { IncomingMessage } from 'node:http'
import { BlockList, isIP } from 'node:net'
import type { ConsoleGatewayOptions } from '../types.js'
import { forwardedAddresses } from './forwardedAddresses.js'
import { normalizeAddress } from './normalizeAddress.js'

/**
 * The client's address as `trustProxy` says to read it, in the spirit of Express's `trust
 * proxy`: from the socket's peer back along the forwarding header, each hop that is trusted
 * (one of the first `n` hops, or an address on the list) hands over to the address it forwarded
 * for; the first untrusted one is the client. Off (the default): the socket's peer, headers
 * ignored, since anyone can write them.
 */
export function createClientAddress(
  options: Pick<ConsoleGatewayOptions, 'trustProxy' | 'trustProxyHeader'>,
): (request: Pick<IncomingMessage, 'socket' | 'headers'>) => string | undefined {
  const { trustProxy } = options
  if (trustProxy === undefined || trustProxy === 0) {
    return (request) => request.socket?.remoteAddress
  }
  const header = options.trustProxyHeader ?? 'x-forwarded-for'
  if (header !== 'x-forwarded-for' && header !== 'forwarded') {
    throw new Error(
      "createConsoleGateway: trustProxyHeader must be 'x-forwarded-for' or 'forwarded'.",
    )
  }
  const trusted = proxyTrust(trustProxy)
  return (request) => {
    const peer = request.socket?.remoteAddress
    if (peer === undefined) return undefined
    const value = request.headers[header]
    const chain = forwardedAddresses(header, Array.isArray(value) ? value.join(', ') : value)
    let address = normalizeAddress(peer)
    for (let hop = 0; hop < chain.length && trusted(address, hop); hop++) {
      address = chain[chain.length - 1 - hop] ?? address
    }
    return address
  }
}

function proxyTrust(
  trustProxy: number | readonly string[],
): (address: string, hop: number) => boolean {
  if (typeof trustProxy === 'number') {
    if (!(Number.isInteger(trustProxy) && trustProxy > 0)) {
      throw new Error(
        'createConsoleGateway: trustProxy must be a number of hops (≥ 0) or a list of proxy addresses.',
      )
    }
    return (_address, hop) => hop < trustProxy
  }
  if (!Array.isArray(trustProxy)) {
    throw new Error(
      'createConsoleGateway: trustProxy must be a number of hops (≥ 0) or a list of proxy addresses.',
    )
  }
  const list = new BlockList()
  for (const entry of trustProxy) {
    const [text = '', bits, ...rest] = String(entry).split('/')
    const address = normalizeAddress(text)
    const family = isIP(address)
    const type = family === 4 ? 'ipv4' : 'ipv6'
    const prefix = Number(bits)
    if (
      !family ||
      rest.length > 0 ||
      (bits !== undefined && !(/^\d+$/.test(bits) && prefix <= (family === 4 ? 32 : 128)))
    ) {
      throw new Error(
        `createConsoleGateway: trustProxy entry "${String(entry)}" is not an IP address or CIDR range.`,
      )
    }
    if (bits === undefined) list.addAddress(address, type)
    else list.addSubnet(address, prefix, type)
  }
  return (address) => {
    const family = isIP(address)
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6')
  }
}
