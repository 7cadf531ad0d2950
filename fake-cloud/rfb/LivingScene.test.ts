import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RfbChannel } from './RfbChannel.ts'
import type { RfbRect } from './RfbRect.ts'
import { RfbServer } from './RfbServer.ts'

const idle: RfbChannel = { write() {}, close() {}, onData() {}, onClose() {} }

/** A fingerprint of a screen area, to see whether drawing changed it. */
function area(server: RfbServer, x: number, y: number, width: number, height: number): string {
  const values: number[] = []
  for (let row = y; row < y + height; row++)
    for (let column = x; column < x + width; column++)
      values.push(server.framebuffer.getPixel(column, row))
  return values.join(',')
}

let server: RfbServer | undefined
afterEach(() => {
  server?.close()
  server = undefined
  vi.useRealTimers()
})

describe('LivingScene', () => {
  it('is deterministic with a frozen clock', () => {
    const a = new RfbServer({ width: 200, height: 150, frozenClock: true })
    const b = new RfbServer({ width: 200, height: 150, frozenClock: true })
    expect(Buffer.from(a.framebuffer.data).equals(Buffer.from(b.framebuffer.data))).toBe(true)
    a.close()
    b.close()
  })

  it('types keys as text and repaints only the text line', () => {
    server = new RfbServer({ width: 200, height: 150, frozenClock: true })
    const session = server.attach(idle)
    const before = area(server, 8, 52, 40, 16)
    const damage: number[] = []
    server.framebuffer.onDamage((rect) => damage.push(rect.height))
    for (const keysym of [0x68, 0x69, 0xff0d, 0x21, 0xff08]) {
      server.emit('key', { down: true, keysym, via: 'key' }, session)
      server.emit('key', { down: false, keysym, via: 'key' }, session)
    }
    expect(server.scene?.text).toBe('hi\n')
    expect(area(server, 8, 52, 40, 16)).not.toBe(before)
    expect(Math.max(...damage)).toBe(16)
  })

  it('shows pasted text and draws pointer drags', () => {
    server = new RfbServer({ width: 200, height: 150, frozenClock: true })
    const session = server.attach(idle)
    const footer = area(server, 8, 102, 100, 14)
    server.emit('clientCutText', 'pasted!', session)
    expect(area(server, 8, 102, 100, 14)).not.toBe(footer)
    server.emit('pointer', { buttonMask: 1, x: 20, y: 60 }, session)
    server.emit('pointer', { buttonMask: 1, x: 60, y: 60 }, session)
    expect(server.framebuffer.getPixel(40, 60)).toBe(0x7fffd4)
  })

  it('ticks the clock every second, damaging only the clock', () => {
    vi.useFakeTimers({ now: new Date(2024, 0, 1, 10, 0, 0) })
    server = new RfbServer({ width: 200, height: 150 })
    const before = area(server, 96, 6, 96, 16)
    const damage: RfbRect[] = []
    server.framebuffer.onDamage((rect) => damage.push(rect))
    vi.advanceTimersByTime(1000)
    expect(area(server, 96, 6, 96, 16)).not.toBe(before)
    expect(damage).toEqual([{ x: 96, y: 6, width: 96, height: 16 }])
  })

  it('redraws the layout after a resize', () => {
    server = new RfbServer({ width: 100, height: 100, frozenClock: true })
    server.resize(300, 120)
    expect(server.framebuffer.getPixel(299, 10)).toBe(0x2f4f6f)
  })

  it('boots: a black "Booting..." screen that ignores input, then a fresh desktop', () => {
    vi.useFakeTimers()
    server = new RfbServer({ width: 200, height: 150, frozenClock: true })
    const session = server.attach(idle)
    const desktop = area(server, 0, 0, 200, 150)
    server.emit('key', { down: true, keysym: 0x68, via: 'key' }, session)
    server.emit('clientCutText', 'pasted!', session)
    expect(server.scene?.text).toBe('h')

    server.scene?.boot(1000)
    expect(server.scene?.booting).toBe(true)
    expect(server.framebuffer.getPixel(199, 149)).toBe(0x000000)
    expect(server.framebuffer.getPixel(0, 0)).toBe(0x000000)
    const bootScreen = area(server, 0, 0, 200, 150)
    expect(bootScreen).toContain(String(0xc0c0c0)) // the "Booting..." text
    server.emit('key', { down: true, keysym: 0x69, via: 'key' }, session)
    server.emit('pointer', { buttonMask: 1, x: 20, y: 60 }, session)
    server.scene?.tick()
    expect(area(server, 0, 0, 200, 150)).toBe(bootScreen)

    vi.advanceTimersByTime(1000)
    expect(server.scene?.booting).toBe(false)
    expect(server.scene?.text).toBe('')
    expect(area(server, 0, 0, 200, 150)).toBe(desktop)
  })
})
