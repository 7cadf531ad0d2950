import { closeGateway } from './gateway/closeGateway.js'
import { createGatewayContext } from './gateway/createGatewayContext.js'
import { handleFetchRequest } from './gateway/handleFetchRequest.js'
import { handleNodeRequest } from './gateway/handleNodeRequest.js'
import { handleUpgrade } from './gateway/handleUpgrade.js'
import type { ConsoleGateway, ConsoleGatewayOptions } from './types.js'

/**
 * A console gateway: the browser asks it for a console (`POST {path}` with `{ provider, vmId }`
 * or `{ provider, serverId }`), it checks `authorize`, fetches the cloud's one-time console
 * credentials itself and answers with its own single-use ticket; the browser's websocket
 * `{path}?ticket=…` is then relayed to the cloud's console proxy. Cloud secrets stay here.
 * Each step has its file in gateway/; they share one context built from the options.
 */
export function createConsoleGateway(options: ConsoleGatewayOptions): ConsoleGateway {
  const ctx = createGatewayContext(options)
  return {
    handleRequest: (request, response, next) => handleNodeRequest(ctx, request, response, next),
    fetch: (request) => handleFetchRequest(ctx, request),
    upgrade: (request, socket, head) => handleUpgrade(ctx, request, socket, head),
    stats: ctx.stats,
    close: () => closeGateway(ctx),
  }
}
