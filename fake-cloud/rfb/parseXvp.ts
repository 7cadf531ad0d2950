import type { ByteQueue } from './ByteQueue.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'

const XVP_OPS = { 2: 'shutdown', 3: 'reboot', 4: 'reset' } as const

/** XVP (type 250): padding, version, operation (2 shutdown, 3 reboot, 4 reset). */
export function parseXvp(q: ByteQueue): RfbClientMessageOf<'xvp'> | undefined {
  if (!q.has(4)) return undefined
  const version = q.u8(2)
  const code = q.u8(3)
  q.skip(4)
  const op = code === 2 || code === 3 || code === 4 ? XVP_OPS[code] : 'unknown'
  return { type: 'xvp', version, op, code }
}
