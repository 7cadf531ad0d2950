import type { LinkProfile } from './LinkProfile.ts'

/** The links the bench simulates: loopback as measured so far, and two real-world round trips. */
export const LINK_PROFILES: readonly LinkProfile[] = [
  { name: 'loopback', rttMs: 0, mbitPerS: Infinity },
  { name: '40ms', rttMs: 40, mbitPerS: 20 },
  { name: '150ms', rttMs: 150, mbitPerS: 20 },
]
