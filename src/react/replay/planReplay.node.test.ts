import { describe, expect, it } from 'vitest'
import type { Recording } from './Recording.js'
import { planReplay } from './planReplay.js'

const text = (value: string) => [...new TextEncoder().encode(value)]
const u16 = (n: number) => [n >> 8, n & 0xff]
const u32 = (n: number) => [...u16(n >>> 16), ...u16(n & 0xffff)]
// 640x480, 32 bpp, depth 24, little-endian, true colour, then the name.
const serverInit = (name = 'web-01') => [
  ...u16(640),
  ...u16(480),
  ...[32, 24, 0, 1, ...u16(255), ...u16(255), ...u16(255), 16, 8, 0, 0, 0, 0],
  ...u32(name.length),
  ...text(name),
]
const UPDATE = [0, 0, ...u16(0)]

/** A recording whose server frames are `messages`, 100 ms apart. */
const recording = (...messages: number[][]): Recording => ({
  version: 1,
  session: {},
  frames: messages.map((data, index) => ({
    direction: 'server',
    ms: index * 100,
    data: new Uint8Array(data),
  })),
  durationMs: messages.length * 100,
  complete: true,
})

const GREETING = [...text('RFB 003.008\n'), 1, 1, 0, 0, 0, 0]

describe('planReplay', () => {
  it('a None session: the greeting, then everything from ServerInit on at its times', () => {
    const plan = planReplay(
      recording(text('RFB 003.008\n'), [1, 1], [0, 0, 0, 0], serverInit(), UPDATE),
    )
    expect([...plan.greeting]).toEqual(GREETING)
    expect(plan.frames.map((frame) => [frame.ms, [...frame.data]])).toEqual([
      [300, serverInit()],
      [400, UPDATE],
    ])
    expect(plan).toMatchObject({ width: 640, height: 480, name: 'web-01', durationMs: 500 })
  })

  it('a VNC Authentication session is replayed without its password: challenge and result skipped', () => {
    const challenge = Array.from({ length: 16 }, (_, i) => i * 13 + 1)
    const plan = planReplay(
      recording(text('RFB 003.008\n'), [2, 2, 1], challenge, [0, 0, 0, 0, ...serverInit()]),
    )
    expect([...plan.greeting]).toEqual(GREETING)
    expect(plan.frames.map((frame) => [...frame.data])).toEqual([serverInit()])
  })

  it('any split of the stream across messages', () => {
    const bytes = [
      ...text('RFB 003.008\n'),
      1,
      2,
      ...Array(16).fill(7),
      0,
      0,
      0,
      0,
      ...serverInit(),
      ...UPDATE,
    ]
    const plan = planReplay(recording(...bytes.map((byte) => [byte])))
    const replayed = plan.frames.flatMap((frame) => [...frame.data])
    expect(replayed).toEqual([...serverInit(), ...UPDATE])
  })

  it('RFB 3.3 with None: ServerInit follows the security type at once', () => {
    const plan = planReplay(recording(text('RFB 003.003\n'), u32(1), serverInit('old')))
    expect(plan.name).toBe('old')
  })

  it('a session refused by the server, or one that never got its screen: nothing to replay', () => {
    expect(() =>
      planReplay(recording(text('RFB 003.008\n'), [1, 2], Array(16).fill(1), [0, 0, 0, 1])),
    ).toThrow(
      expect.objectContaining({
        code: 'recording_empty',
        message: expect.stringMatching(/refused/),
      }),
    )
    expect(() => planReplay(recording(text('RFB 003.008\n'), [0]))).toThrow(
      expect.objectContaining({ code: 'recording_empty' }),
    )
    expect(() => planReplay(recording(text('RFB 003.008\n'), [1, 1]))).toThrow(
      expect.objectContaining({ code: 'recording_empty' }),
    )
  })

  it('a stream that is not VNC, or a security type the replay cannot follow', () => {
    expect(() => planReplay(recording(text('HTTP/1.1 200 OK\r\n')))).toThrow(
      expect.objectContaining({ code: 'not_a_recording' }),
    )
    expect(() => planReplay(recording(text('RFB 003.008\n'), [1, 19]))).toThrow(
      expect.objectContaining({ code: 'recording_security' }),
    )
  })
})
