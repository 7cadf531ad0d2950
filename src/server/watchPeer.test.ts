import { describe, expect, it } from 'vitest'
import { watchPeer } from './watchPeer.js'

describe('watchPeer', () => {
  it('counts the start as contact, then wants a sign of life in every interval', () => {
    const peer = watchPeer()
    expect(peer.check(false)).toBe(true)
    expect(peer.check(false)).toBe(false)
  })

  it('a pong or a message keeps a peer alive', () => {
    const peer = watchPeer()
    peer.check(false)
    peer.heard()
    expect(peer.check(false)).toBe(true)
    expect(peer.check(false)).toBe(false)
  })

  it('a slow reader that takes a message waiting for it at the last heartbeat is alive', () => {
    const peer = watchPeer()
    const first = peer.queued()
    peer.queued()
    expect(peer.check(false)).toBe(true) // both wait behind a full socket buffer
    peer.sent(first)
    expect(peer.check(false)).toBe(true)
    expect(peer.check(false)).toBe(false) // the second one never left
  })

  it('a message queued and sent within one interval proves nothing', () => {
    const peer = watchPeer()
    peer.check(false)
    peer.sent(peer.queued()) // into the kernel's buffer: a vanished peer takes that too
    expect(peer.check(false)).toBe(false)
  })

  it('spares a peer the relay is not reading while nothing waits for it', () => {
    const peer = watchPeer()
    peer.check(false)
    peer.paused()
    expect(peer.check(true)).toBe(true)
    expect(peer.check(true)).toBe(true)
    // Resumed during the interval: still spared (its pong may wait behind its own backlog).
    expect(peer.check(false)).toBe(true)
    expect(peer.check(false)).toBe(false)
  })

  it('does not spare a paused peer that is not taking what waits for it', () => {
    const peer = watchPeer()
    peer.queued()
    peer.paused()
    expect(peer.check(true)).toBe(true)
    expect(peer.check(true)).toBe(false)
  })
})
