import { describe, expect, it } from 'vitest'
import { describeClientMessage } from './describeClientMessage.js'

const bytes = (...values: number[]) => Uint8Array.from(values)

describe('describeClientMessage', () => {
  it('reads a KeyEvent', () => {
    expect(describeClientMessage(bytes(4, 1, 0, 0, 0, 0, 0xff, 0x0d))).toEqual({
      kind: 'key',
      down: true,
      keysym: 0xff0d,
    })
  })

  it('reads a QEMU extended key event, and names other QEMU messages qemu', () => {
    expect(describeClientMessage(bytes(255, 0, 0, 0, 0, 0, 0, 0x61, 0, 0, 0, 0x1e))).toEqual({
      kind: 'qemuKey',
      down: false,
      keysym: 0x61,
    })
    expect(describeClientMessage(bytes(255, 1, 0, 0))).toEqual({ kind: 'qemu' })
  })

  it('reads a clipboard length, plain and extended, never its text', () => {
    expect(describeClientMessage(bytes(6, 0, 0, 0, 0, 0, 0, 2, 0x68, 0x69))).toEqual({
      kind: 'clipboard',
      clipboardLength: 2,
      clipboardExtended: false,
    })
    expect(describeClientMessage(bytes(6, 0, 0, 0, 0xff, 0xff, 0xff, 0xfc, 8, 0, 0, 1))).toEqual({
      kind: 'clipboard',
      clipboardLength: 4,
      clipboardExtended: true,
    })
  })

  it.each([
    [0, 'setPixelFormat'],
    [2, 'setEncodings'],
    [3, 'updateRequest'],
    [5, 'pointer'],
    [150, 'continuousUpdates'],
    [248, 'fence'],
    [250, 'xvp'],
    [251, 'setDesktopSize'],
  ])('names type %i %s', (type, kind) => {
    expect(describeClientMessage(new Uint8Array(20).fill(0).fill(type, 0, 1))).toEqual({ kind })
  })
})
