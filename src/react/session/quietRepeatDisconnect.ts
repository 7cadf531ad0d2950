const patched = new WeakSet<object>()

/**
 * Makes `disconnect()` on an already closed noVNC RFB a no-op. react-vnc calls it when a screen
 * whose connection has dropped unmounts, and noVNC logs an error ("Tried changing state of a
 * disconnected RFB object") for it: noise in the host page's console for a normal reconnect.
 * Patches the class of `rfb` (react-vnc's private copy of noVNC) once.
 */
export function quietRepeatDisconnect(rfb: object): void {
  const proto = Object.getPrototypeOf(rfb) as { disconnect?: unknown } | null
  if (!proto || patched.has(proto) || typeof proto.disconnect !== 'function') return
  const original = proto.disconnect as (this: object) => void
  proto.disconnect = function (this: { _rfbConnectionState?: unknown }) {
    if (this._rfbConnectionState === 'disconnected') return
    original.call(this)
  }
  patched.add(proto)
}
