// The socket opens while the console's code still loads (issue 19): through the REAL react-vnc and
// noVNC, against a real RFB server, with the lazy chunks held back on purpose as a slow link would.
import { act, render, waitFor } from '@testing-library/react'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createRef, StrictMode, useEffect, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws'
import { attachRfbWebSocket } from '../../fake-cloud/rfb/attachRfbWebSocket.ts'
import { RfbServer } from '../../fake-cloud/rfb/RfbServer.ts'
import type { ConsoleStatus } from '../../src/core/connection/types.js'
import type * as EntryModule from '../../src/index.js'
import type { ConsoleViewerHandle } from '../../src/react/types.js'
import { waitForState } from '../support/console/index.js'

const cleanups: (() => Promise<void> | void)[] = []
beforeEach(() => {
  vi.resetModules()
})
afterEach(async () => {
  vi.doUnmock('../../src/react/lazy/viewerParts.js')
  vi.doUnmock('react-vnc')
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** The package entry afresh, as a new page would load it. */
const freshEntry = async (): Promise<typeof EntryModule> => import('../../src/index.js')

/** Holds a lazily imported module back until `open()`, as a slow network would. */
function gate(path: string) {
  let open = () => {}
  const held = new Promise<void>((resolve) => {
    open = resolve
  })
  vi.doMock(path, async (importOriginal) => {
    await held
    return importOriginal()
  })
  return { open }
}
/** Both lazy chunks: the viewer's and react-vnc's (with noVNC). */
function gateChunks() {
  const viewer = gate('../../src/react/lazy/viewerParts.js')
  const vnc = gate('react-vnc')
  return {
    open() {
      viewer.open()
      vnc.open()
    },
  }
}

/** Every WebSocket the page opens, each with the messages it received so far (heard by us). */
function watchSockets() {
  const Native = globalThis.WebSocket
  const sockets: { socket: WebSocket; messages: number }[] = []
  globalThis.WebSocket = new Proxy(Native, {
    construct(target, args: ConstructorParameters<typeof WebSocket>) {
      const socket = new target(...args)
      const entry = { socket, messages: 0 }
      socket.addEventListener('message', () => entry.messages++)
      sockets.push(entry)
      return socket
    },
  })
  cleanups.push(() => {
    globalThis.WebSocket = Native
  })
  return sockets
}

/**
 * A websocket server on loopback with a real RFB server behind it (or `onSocket` instead): the
 * sockets it accepted and the close codes it heard.
 */
async function proxy(onSocket?: (socket: ServerSocket) => void, upgradeDelayMs = 0) {
  const rfb = new RfbServer({ frozenClock: true })
  const http: Server = createServer()
  const wss = new WebSocketServer({ noServer: true, handleProtocols: () => 'binary' })
  // Answering the upgrade late keeps the page's socket connecting that long.
  http.on('upgrade', (request, socket, head) => {
    setTimeout(() => {
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
    }, upgradeDelayMs)
  })
  const codes: number[] = []
  let accepted = 0
  wss.on('connection', (socket: ServerSocket, request: IncomingMessage) => {
    accepted++
    socket.on('close', (code) => codes.push(code))
    if (onSocket) onSocket(socket)
    else attachRfbWebSocket(rfb, socket, request)
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  cleanups.push(async () => {
    for (const client of wss.clients) client.terminate()
    await new Promise((resolve) => wss.close(resolve))
    http.closeAllConnections()
    await new Promise((resolve) => http.close(resolve))
    await rfb.close()
  })
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/websockify?token=t`
  return {
    url,
    codes,
    get accepted() {
      return accepted
    },
  }
}

describe('the socket opens while the code loads', () => {
  it('the RFB greeting that arrived before noVNC attached is replayed, and the console connects', async () => {
    const chunks = gateChunks()
    const sockets = watchSockets()
    const server = await proxy()
    const { ConsoleViewer } = await freshEntry()
    const { container } = render(<ConsoleViewer url={server.url} data-testid="c" />)
    // The server spoke first ("RFB 003.008\n") while noVNC's code was still held back.
    await waitFor(() => expect(sockets[0]?.messages).toBeGreaterThan(0))
    expect(container.querySelector('[data-loading]')).not.toBeNull()
    chunks.open()
    await waitForState(container, 'connected')
    expect(sockets).toHaveLength(1)
    expect(server.accepted).toBe(1)
  })

  it('the same when only react-vnc is late: the loaded viewer opens the socket on its fetched URL', async () => {
    const vnc = gate('react-vnc')
    const sockets = watchSockets()
    const server = await proxy()
    const { ConsoleViewer } = await freshEntry()
    const getUrl = vi.fn(async () => server.url)
    const { container } = render(<ConsoleViewer getUrl={getUrl} />)
    await waitFor(() => expect(sockets[0]?.messages).toBeGreaterThan(0))
    vnc.open()
    await waitForState(container, 'connected')
    expect(getUrl).toHaveBeenCalledTimes(1)
    expect(sockets).toHaveLength(1)
  })

  it('StrictMode: one socket and one token for the first attempt, opened before the code arrives', async () => {
    const chunks = gateChunks()
    const sockets = watchSockets()
    const server = await proxy()
    const { ConsoleViewer } = await freshEntry()
    const getUrl = vi.fn(async () => server.url)
    const { container } = render(
      <StrictMode>
        <ConsoleViewer getUrl={getUrl} connectionKey="vm-1" />
        <ConsoleViewer url={server.url} />
      </StrictMode>,
    )
    await waitFor(() => expect(server.accepted).toBe(2))
    chunks.open()
    await waitFor(() =>
      expect(
        [...container.querySelectorAll('[data-rvc-console]')].map((root) =>
          root.getAttribute('data-state'),
        ),
      ).toEqual(['connected', 'connected']),
    )
    expect(getUrl).toHaveBeenCalledTimes(1)
    expect(sockets).toHaveLength(2)
    expect(server.accepted).toBe(2)
  })
})

describe('the first render starts the work', () => {
  it.each([
    ['while the code loads', 'loading'],
    ['with the code loaded (not after the viewer commits)', 'loaded'],
  ] as const)(
    'the first fetch starts in the first render %s, before any effect, and once under StrictMode',
    async (_, code) => {
      if (code === 'loading') gateChunks()
      const { ConsoleViewer, preloadConsole } = await freshEntry()
      if (code === 'loaded') await preloadConsole()
      const getUrl = vi.fn(() => new Promise<string>(() => {}))
      const seenInRender: number[] = []
      // A sibling rendered after the console, before any effect of the tree has run.
      function Probe() {
        seenInRender.push(getUrl.mock.calls.length)
        return null
      }
      const { unmount } = render(
        <StrictMode>
          <ConsoleViewer getUrl={getUrl} connectionKey="vm-1" />
          <Probe />
        </StrictMode>,
      )
      expect(seenInRender[0]).toBe(1)
      await new Promise((resolve) => setTimeout(resolve, 20))
      // The viewer's first attempt took the render's fetch: one request, one token.
      expect(getUrl).toHaveBeenCalledTimes(1)
      const signal = (getUrl.mock.calls[0] as unknown as [AbortSignal])[0]
      expect(signal.aborted).toBe(false)
      unmount()
      await Promise.resolve()
      expect(signal.aborted).toBe(true)
    },
  )
})

describe('with the code loaded, the attempt starts in the commit', () => {
  /** A plain root, no act(): React schedules effects as it does in a page. */
  async function mountPlain(node: ReactNode) {
    const previous = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT
    ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false
    const container = document.body.appendChild(document.createElement('div'))
    const root = createRoot(container)
    root.render(node)
    cleanups.push(() => {
      root.unmount()
      container.remove()
      ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = previous
    })
    return container
  }

  it('the socket is open before the first commit’s passive effects run, once under StrictMode', async () => {
    const server = await proxy()
    const { ConsoleViewer, preloadConsole } = await freshEntry()
    await preloadConsole()
    const sockets = watchSockets()
    const seenByEffect: number[] = []
    const states: string[] = []
    const statesByEffect: string[][] = []
    // A sibling after the console: its passive effect runs in the same flush as the console's.
    function Probe() {
      useEffect(() => {
        seenByEffect.push(sockets.length)
        // The attempt began in the commit (a layout effect), not from a passive effect.
        statesByEffect.push([...states])
      }, [])
      return null
    }
    const container = await mountPlain(
      <StrictMode>
        <ConsoleViewer url={server.url} onStateChange={(status) => states.push(status.state)} />
        <Probe />
      </StrictMode>,
    )
    await waitForState(container, 'connected')
    // A passive effect would have started it a task later, often after a frame.
    expect(seenByEffect[0]).toBe(1)
    expect(statesByEffect[0]).toContain('connecting')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(sockets).toHaveLength(1)
    expect(server.accepted).toBe(1)
    expect(server.codes).toEqual([])
  })
})

describe('closing a socket the code never took', () => {
  it('unmounting while the code loads closes with 1000, also a socket still connecting', async () => {
    gateChunks()
    const server = await proxy()
    const { ConsoleViewer } = await freshEntry()
    const open = render(<ConsoleViewer url={server.url} />)
    await waitFor(() => expect(server.accepted).toBe(1))
    open.unmount()
    await waitFor(() => expect(server.codes).toEqual([1000]))
    // Unmounted before its upgrade was answered: it closes once open, with a close frame.
    const slow = await proxy(undefined, 300)
    const sockets = watchSockets()
    const connecting = render(<ConsoleViewer url={slow.url} />)
    await waitFor(() => expect(sockets).toHaveLength(1))
    expect(sockets[0]?.socket.readyState).toBe(WebSocket.CONNECTING)
    connecting.unmount()
    await waitFor(() => expect(slow.codes).toEqual([1000]))
  })

  it('disconnect() while noVNC holds a socket still connecting closes it with 1000 once open', async () => {
    const slow = await proxy(undefined, 300)
    const { ConsoleViewer, preloadConsole } = await freshEntry()
    await preloadConsole()
    const sockets = watchSockets()
    const ref = createRef<ConsoleViewerHandle>()
    const { container } = render(<ConsoleViewer ref={ref} url={slow.url} />)
    // noVNC has attached: its canvas is on the screen, and the upgrade is not answered yet.
    await waitFor(() => expect(container.querySelector('[data-rvc-screen] canvas')).not.toBeNull())
    expect(sockets[0]?.socket.readyState).toBe(WebSocket.CONNECTING)
    act(() => ref.current?.disconnect())
    await waitFor(() => expect(slow.codes).toEqual([1000]))
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('disconnected')
  })

  it('noVNC’s own code-less close (react-vnc’s unmount may come first) closes with 1000 too', async () => {
    const server = await proxy()
    const { EarlySocket } = await import('../../src/react/urls/EarlySocket.js')
    const early = new EarlySocket(server.url)
    await waitFor(() => expect(early.socket.readyState).toBe(WebSocket.OPEN))
    // What noVNC's Websock.close() calls.
    early.socket.close()
    await waitFor(() => expect(server.codes).toEqual([1000]))
  })

  it('a new target while the code loads closes the old socket with 1000', async () => {
    gateChunks()
    const server = await proxy()
    const { ConsoleViewer } = await freshEntry()
    const { rerender } = render(<ConsoleViewer url={`${server.url}-a`} />)
    await waitFor(() => expect(server.accepted).toBe(1))
    rerender(<ConsoleViewer url={`${server.url}-b`} />)
    await waitFor(() => expect(server.accepted).toBe(2))
    await waitFor(() => expect(server.codes).toEqual([1000]))
  })

  it('a chunk that fails to load closes the socket with 1000', async () => {
    vi.doMock('../../src/react/lazy/viewerParts.js', async () => {
      await new Promise((resolve) => setTimeout(resolve, 300))
      throw new Error('Failed to fetch dynamically imported module')
    })
    const server = await proxy()
    const { ConsoleViewer } = await freshEntry()
    const { container } = render(<ConsoleViewer url={server.url} />)
    await waitFor(() => expect(server.accepted).toBe(1))
    await waitFor(() =>
      expect(container.firstElementChild?.getAttribute('data-state')).toBe('error'),
    )
    await waitFor(() => expect(server.codes).toEqual([1000]))
  })
})

describe('a console proxy that accepts the socket and drops it before any RFB byte', () => {
  it('is still named within two attempts when the first drop comes while the code loads', async () => {
    const chunks = gateChunks()
    // Nova after a refused Origin: 101, then the TCP connection ends without a close frame.
    const server = await proxy((socket) => {
      ;(socket as unknown as { _socket: Socket })._socket.destroy()
    })
    const { ConsoleViewer } = await freshEntry()
    const statuses: ConsoleStatus[] = []
    const { container } = render(
      <ConsoleViewer
        getUrl={async () => server.url}
        connectionKey="vm-1"
        onStateChange={(status) => statuses.push(status)}
      />,
    )
    await waitFor(() => expect(server.accepted).toBe(1))
    // Let the close reach the page while the shell still holds the socket.
    await new Promise((resolve) => setTimeout(resolve, 100))
    chunks.open()
    await waitForState(container, 'error', 16_000)
    expect(server.accepted).toBe(2)
    expect(statuses.at(-1)?.error).toMatchObject({ code: 'proxy_closed_early', retryable: false })
  })
})
