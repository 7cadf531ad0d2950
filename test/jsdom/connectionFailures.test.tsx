// How the viewer fails, through the REAL react-vnc and noVNC against real sockets: a console proxy
// that is down, one that drops the socket after accepting it (OpenStack Nova refusing the page's
// Origin), and how the viewer itself closes a socket.
import { act, render, screen, waitFor } from '@testing-library/react'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createRef } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer, type WebSocket } from 'ws'
import { attachRfbWebSocket } from '../../fake-cloud/rfb/attachRfbWebSocket.ts'
import { RfbServer } from '../../fake-cloud/rfb/RfbServer.ts'
import type { ConsoleStatus } from '../../src/core/connection/types.js'
import { CloudTowerConsole } from '../../src/react/consoles/CloudTowerConsole.js'
import { ConsoleViewer } from '../../src/react/lazy/ConsoleViewer.js'
import type { ConsoleViewerHandle } from '../../src/react/types.js'
import { waitForState } from '../support/console/index.js'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A websocket server on loopback; `onSocket` decides what each accepted socket meets. */
async function wsServer(onSocket: (socket: WebSocket, request: IncomingMessage) => void) {
  const http: Server = createServer()
  const wss = new WebSocketServer({ server: http, handleProtocols: () => 'binary' })
  wss.on('connection', onSocket)
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/websockify?token=t`
  cleanups.push(async () => {
    for (const client of wss.clients) client.terminate()
    await new Promise((resolve) => wss.close(resolve))
    http.closeAllConnections()
    await new Promise((resolve) => http.close(resolve))
  })
  return { url, wss }
}

/** A port nothing listens on (taken, then released). */
async function closedPort() {
  const http = createServer()
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  await new Promise((resolve) => http.close(resolve))
  return port
}

describe('a console proxy that accepts the websocket and drops it before any RFB byte', () => {
  it('after two such attempts says why and offers the fallbacks, without 30 s of retries', async () => {
    let accepted = 0
    // Nova after a refused Origin: 101, then the TCP connection ends without a close frame.
    const proxy = await wsServer((socket) => {
      accepted++
      ;(socket as unknown as { _socket: Socket })._socket.destroy()
    })
    const started = Date.now()
    const statuses: ConsoleStatus[] = []
    const { container } = render(
      <ConsoleViewer
        getUrl={async () => proxy.url}
        overlay
        openConsolePage={() => {}}
        onStateChange={(status) => statuses.push(status)}
      />,
    )
    // Two attempts take about 1.5 s alone; the bound only has to tell them from 30 s of retries,
    // with room for a loaded CI machine (5.02 s was seen under the full suite).
    await waitForState(container, 'error', 16_000)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(accepted).toBe(2)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toMatch(/closed the connection before the console started/i)
    expect(alert.textContent).toMatch(/gateway/i)
    expect(screen.getByRole('button', { name: 'Open console in a new window' })).toBeTruthy()
    expect(statuses.at(-1)?.error).toMatchObject({ code: 'proxy_closed_early', retryable: false })
  })
})

describe('a console proxy that is down', () => {
  it('says it cannot reach the console proxy while retrying and when it gives up, not "connection lost"', async () => {
    const url = `ws://127.0.0.1:${await closedPort()}/websockify?token=t`
    const { container } = render(
      <ConsoleViewer
        getUrl={async () => url}
        overlay
        reconnect={{ maxAttempts: 1, baseDelayMs: 400, jitter: 0 }}
      />,
    )
    await waitForState(container, 'disconnected')
    const overlay = container.querySelector('[data-rvc-overlay]')
    expect(overlay?.textContent).toMatch(/cannot reach the console proxy/i)
    expect(overlay?.textContent).not.toMatch(/connection lost/i)
    await waitForState(container, 'error')
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toMatch(/could not reach the console proxy/i)
    expect(alert.textContent).not.toMatch(/connection was lost/i)
  })
})

describe('closing the socket', () => {
  async function rfbProxy() {
    const rfb = new RfbServer({ frozenClock: true })
    const codes: number[] = []
    const proxy = await wsServer((socket, request) => {
      socket.on('close', (code) => codes.push(code))
      attachRfbWebSocket(rfb, socket, request)
    })
    cleanups.push(() => rfb.close())
    return { url: proxy.url, codes }
  }

  it('disconnect() closes with code 1000, not the code-less close websockify answers with 1005', async () => {
    const proxy = await rfbProxy()
    const ref = createRef<ConsoleViewerHandle>()
    const { container } = render(<ConsoleViewer ref={ref} url={proxy.url} />)
    await waitForState(container, 'connected')
    act(() => ref.current!.disconnect())
    await waitFor(() => expect(proxy.codes).toEqual([1000]))
  })

  it('unmounting closes with code 1000', async () => {
    const proxy = await rfbProxy()
    const { container, unmount } = render(<ConsoleViewer url={proxy.url} />)
    await waitForState(container, 'connected')
    unmount()
    await waitFor(() => expect(proxy.codes).toEqual([1000]))
  })
})

describe('a wrong endpoint', () => {
  it('an HTML 404 says "not the CloudTower API, check the endpoint" in the headline, not "VM not found"', async () => {
    // A portal's own web server where the CloudTower API should be.
    const web = createServer((request, response) => {
      request.resume()
      response.writeHead(404, { 'content-type': 'text/html' })
      response.end('<!doctype html><html><body><h1>404 Not Found</h1></body></html>')
    })
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise((resolve) => web.close(() => resolve())))
    const { container } = render(
      <CloudTowerConsole
        endpoint={`http://127.0.0.1:${(web.address() as AddressInfo).port}`}
        token="session-token"
        vmId="vm-1"
      />,
    )
    await waitForState(container, 'error')
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toBe(
      'This is not the CloudTower API (an HTML page answered). Check the endpoint.',
    )
    expect(container.textContent).not.toMatch(/VM was not found/)
  })
})

describe('a retry in progress', () => {
  it('shows no stale countdown or error on the root while it fetches and connects again', async () => {
    const rfb = new RfbServer({ frozenClock: true })
    cleanups.push(() => rfb.close())
    const proxy = await wsServer((socket, request) => attachRfbWebSocket(rfb, socket, request))
    let calls = 0
    let release: () => void = () => {}
    // The second URL (the retry's) waits, so the test can look at the root while it fetches.
    const getUrl = async () => {
      if (++calls === 2) await new Promise<void>((resolve) => (release = resolve))
      return proxy.url
    }
    const { container } = render(
      <ConsoleViewer getUrl={getUrl} reconnect={{ baseDelayMs: 50, jitter: 0 }} />,
    )
    const root = () => container.firstElementChild as HTMLElement
    await waitForState(container, 'connected')
    for (const session of rfb.sessions) session.close()
    await waitForState(container, 'fetching')
    expect(root().getAttribute('data-attempt')).toBe('1')
    expect(root().hasAttribute('data-next-retry-at')).toBe(false)
    expect(root().hasAttribute('data-error-kind')).toBe(false)
    release()
    await waitForState(container, 'connected')
    expect(root().hasAttribute('data-attempt')).toBe(false)
  })
})
