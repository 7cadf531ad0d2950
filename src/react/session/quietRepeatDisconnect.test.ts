import { expect, it, vi } from 'vitest'
import { quietRepeatDisconnect } from './quietRepeatDisconnect.js'

it('skips disconnect() on a closed RFB, once per class, and keeps it for open ones', () => {
  const calls = vi.fn()
  class FakeRfb {
    _rfbConnectionState = 'connected'
    disconnect() {
      calls(this._rfbConnectionState)
      this._rfbConnectionState = 'disconnected'
    }
  }
  const rfb = new FakeRfb()
  quietRepeatDisconnect(rfb)
  quietRepeatDisconnect(new FakeRfb())
  rfb.disconnect()
  rfb.disconnect()
  expect(calls).toHaveBeenCalledTimes(1)
  new FakeRfb().disconnect()
  expect(calls).toHaveBeenCalledTimes(2)
})
