import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import type { VncScreen, VncScreenHandle } from 'react-vnc'

/** The part of noVNC's RFB the bench uses (react-vnc does not export the class or its type). */
interface NoVnc {
  viewOnly: boolean
  scaleViewport: boolean
  resizeSession: boolean
  clipViewport: boolean
  qualityLevel: number
  compressionLevel: number
  showDotCursor: boolean
  background: string
  focusOnClick: boolean
  disconnect(): void
}
type NoVncClass = new (
  target: HTMLElement,
  urlOrChannel: string | WebSocket,
  options?: { wsProtocols?: string[] },
) => NoVnc

/**
 * react-vnc keeps its RFB class private, and a second noVNC (1.7) is off limits. So mount its
 * VncScreen once over a dummy channel (noVNC accepts a WebSocket-like object and opens nothing
 * for it), render again so the handle exposes `rfb`, and keep `rfb.constructor`.
 */
export function takeRfbClass(Screen: typeof VncScreen): NoVncClass {
  const host = document.createElement('div')
  host.style.display = 'none'
  document.body.append(host)
  const root = createRoot(host)
  const channel = {
    binaryType: 'arraybuffer',
    protocol: '',
    readyState: 'connecting',
    onopen: null as unknown,
    onmessage: null as unknown,
    onerror: null as unknown,
    onclose: null as ((event: { code: number; reason: string; wasClean: boolean }) => void) | null,
    send() {},
    close() {
      setTimeout(() => channel.onclose?.({ code: 1000, reason: '', wasClean: true }), 0)
    },
  }
  let handle: VncScreenHandle | null = null
  const render = (className: string) =>
    flushSync(() =>
      root.render(
        <Screen
          className={className}
          websocket={channel as unknown as WebSocket}
          autoConnect={false}
          onDisconnect={() => {}}
          ref={(value: VncScreenHandle | null) => {
            handle = value
          }}
        />,
      ),
    )
  render('a')
  ;(handle as VncScreenHandle | null)?.connect()
  render('b') // react-vnc's handle shows `rfb` as of its last render
  const current = handle as VncScreenHandle | null
  const rfb: unknown = current?.rfb
  current?.disconnect()
  root.unmount()
  host.remove()
  if (typeof rfb !== 'object' || rfb === null) throw new Error('react-vnc did not create an RFB')
  return rfb.constructor as NoVncClass
}
