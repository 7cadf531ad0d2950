import type { ServerResponse } from 'node:http'

/** Sends `body` as JSON with the given status. */
export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}
