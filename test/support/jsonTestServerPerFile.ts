import { afterAll, beforeAll, beforeEach } from 'vitest'
import { json } from './json.js'
import { startTestServer, type TestServer } from './startTestServer.js'

/**
 * A local HTTP server for a test file, started once, whose requests are cleared and whose handler
 * answers `status` and `body` again before each test (a test may set another handler).
 */
export function jsonTestServerPerFile(
  status: number,
  body: () => unknown,
): { readonly server: TestServer } {
  let server: TestServer | undefined
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server?.close())
  beforeEach(() => {
    server!.requests.length = 0
    server!.handle((_, res) => json(res, status, body()))
  })
  return {
    get server() {
      if (!server) throw new Error('jsonTestServerPerFile: the server starts in beforeAll')
      return server
    },
  }
}
