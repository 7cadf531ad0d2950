import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { Recording } from './Recording.js'

/** What the replay feeds noVNC: a handshake it can pass alone, then the session as recorded. */
export interface ReplayPlan {
  /** RFB 3.8, security None, SecurityResult OK: no password asked, whatever the session used. */
  greeting: Uint8Array
  /** The server's messages from its ServerInit on, at their times (ms since the start). */
  frames: { ms: number; data: Uint8Array }[]
  durationMs: number
  width: number
  height: number
  name: string
}

const GREETING = new Uint8Array([
  ...new TextEncoder().encode('RFB 003.008\n'),
  1, // one security type…
  1, // …None
  0,
  0,
  0,
  0, // SecurityResult: OK
])

const damaged = (message: string, code = 'not_a_recording') =>
  new ConsoleError({ kind: 'invalid_input', provider: 'vnc', message, code })

/**
 * Finds where the recorded session's ServerInit starts and puts a handshake noVNC passes without a
 * password in front of it. The recording holds the server's side only (the client's handshake is
 * not recorded), so which security type the client chose is read from what the server sent next:
 * after None, SecurityResult (3.8) or ServerInit at once (3.3, 3.7); after VNC Authentication, a
 * 16-byte challenge, then SecurityResult. Each reading must be followed by a sound ServerInit.
 */
export function planReplay(recording: Recording): ReplayPlan {
  const server = recording.frames.filter((frame) => frame.direction === 'server')
  const stream = new ByteStream(server.map((frame) => frame.data))
  const version = stream.text(12)
  const match = version === undefined ? null : /^RFB (\d{3})\.(\d{3})\n$/.exec(version)
  if (!match) throw damaged('This recording does not start with a VNC session.')
  const minor = Number(match[1]) === 3 ? Number(match[2]) : 8
  const v38 = minor >= 8

  let offered: number[]
  if (minor < 7) {
    const type = stream.u32(stream.offset)
    if (type === undefined) throw incomplete()
    stream.offset += 4
    offered = [type]
  } else {
    const count = stream.u8(stream.offset)
    if (count === undefined) throw incomplete()
    stream.offset += 1
    const types = stream.bytes(count)
    if (types === undefined) throw incomplete()
    offered = [...types]
  }
  if (offered.length === 0 || offered[0] === 0) throw refused()

  const start = stream.offset
  const candidates: number[] = []
  // None: 3.8 sends SecurityResult, 3.3 and 3.7 go straight to ServerInit.
  if (offered.includes(1)) candidates.push(v38 ? resultOk(stream, start) : start)
  // VNC Authentication: challenge, then SecurityResult.
  if (offered.includes(2)) candidates.push(resultOk(stream, start + 16))
  if (!offered.includes(1) && !offered.includes(2)) {
    throw damaged(
      `The recorded session used a VNC security type (${offered.join(', ')}) the replay cannot follow.`,
      'recording_security',
    )
  }
  for (const at of candidates) {
    if (at < 0) continue
    const init = readServerInit(stream, at)
    if (init) {
      return {
        greeting: GREETING,
        frames: stream.from(at, server),
        durationMs: recording.durationMs,
        ...init,
      }
    }
  }
  // Neither reading holds: the session failed its authentication or ended before its screen.
  if (candidates.some((at) => at === -2)) throw refused()
  throw incomplete()
}

const incomplete = () =>
  damaged(
    'The recorded session ended before the console showed its screen: there is nothing to replay.',
    'recording_empty',
  )

const refused = () =>
  damaged(
    'The recorded session was refused by the VNC server (failed authentication): there is nothing to replay.',
    'recording_empty',
  )

/** The offset after a SecurityResult at `at`: -1 if not there yet, -2 if it says failed. */
function resultOk(stream: ByteStream, at: number): number {
  const result = stream.u32(at)
  if (result === undefined) return -1
  return result === 0 ? at + 4 : -2
}

function readServerInit(stream: ByteStream, at: number) {
  const width = stream.u16(at)
  const height = stream.u16(at + 2)
  const bpp = stream.u8(at + 4)
  const depth = stream.u8(at + 5)
  const bigEndian = stream.u8(at + 6)
  const trueColour = stream.u8(at + 7)
  const nameLength = stream.u32(at + 20)
  if (
    width === undefined ||
    height === undefined ||
    nameLength === undefined ||
    depth === undefined ||
    ![8, 16, 32].includes(bpp ?? 0) ||
    depth < 1 ||
    depth > 32 ||
    (bigEndian ?? 2) > 1 ||
    (trueColour ?? 2) > 1 ||
    nameLength > 1 << 20
  ) {
    return undefined
  }
  stream.offset = at + 24
  const name = stream.bytes(nameLength)
  if (name === undefined) return undefined
  return { width, height, name: new TextDecoder().decode(name) }
}

/** The server's messages read as one stream, without copying them together. */
class ByteStream {
  offset = 0
  private readonly starts: number[] = []
  private readonly chunks: Uint8Array[]
  private readonly length: number

  constructor(chunks: Uint8Array[]) {
    this.chunks = chunks
    let total = 0
    for (const chunk of chunks) {
      this.starts.push(total)
      total += chunk.length
    }
    this.length = total
  }

  u8(at: number): number | undefined {
    if (at < 0 || at >= this.length) return undefined
    // The last chunk starting at or before `at` (binary search: recordings hold many frames).
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.starts[middle]! <= at) low = middle
      else high = middle - 1
    }
    const index = low
    return this.chunks[index]![at - this.starts[index]!]
  }

  u16(at: number): number | undefined {
    const [a, b] = [this.u8(at), this.u8(at + 1)]
    return a === undefined || b === undefined ? undefined : (a << 8) | b
  }

  u32(at: number): number | undefined {
    const [a, b] = [this.u16(at), this.u16(at + 2)]
    return a === undefined || b === undefined ? undefined : a * 0x10000 + b
  }

  bytes(count: number): Uint8Array | undefined {
    if (this.offset + count > this.length) return undefined
    const out = new Uint8Array(count)
    for (let i = 0; i < count; i++) out[i] = this.u8(this.offset + i)!
    this.offset += count
    return out
  }

  text(count: number): string | undefined {
    const bytes = this.bytes(count)
    return bytes && String.fromCharCode(...bytes)
  }

  /** The frames from stream offset `at` on, the first one cut at `at`. */
  from(at: number, frames: { ms: number; data: Uint8Array }[]): { ms: number; data: Uint8Array }[] {
    const out: { ms: number; data: Uint8Array }[] = []
    frames.forEach((frame, index) => {
      const start = this.starts[index]!
      const end = start + frame.data.length
      if (end <= at) return
      out.push({ ms: frame.ms, data: start >= at ? frame.data : frame.data.subarray(at - start) })
    })
    return out
  }
}
