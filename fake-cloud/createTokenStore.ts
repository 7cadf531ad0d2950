import type { ConsoleCredential, Redemption } from './types.ts'

/**
 * One-time console tokens. Every spelling of a credential (CloudTower's raw_token and token) maps
 * to the same record, so redeeming either spends both.
 */
export function createTokenStore(now: () => number = Date.now) {
  const byToken = new Map<string, ConsoleCredential>()

  // Issuing is when old records are dropped: keeps memory bounded without a timer to clean up.
  const sweep = () => {
    const t = now()
    for (const [token, credential] of byToken) {
      if (credential.expiresAt <= t) byToken.delete(token)
    }
  }

  return {
    issue(tokens: string[], credential: Omit<ConsoleCredential, 'redeemed'>): ConsoleCredential {
      sweep()
      const record: ConsoleCredential = { ...credential, redeemed: false }
      for (const token of tokens) byToken.set(token, record)
      return record
    },
    /** Looks a token up without spending it. */
    find(token: string): Redemption {
      const credential = byToken.get(token)
      if (!credential) return { ok: false, reason: 'unknown' }
      if (credential.redeemed) return { ok: false, reason: 'redeemed' }
      if (credential.expiresAt <= now()) return { ok: false, reason: 'expired' }
      return { ok: true, credential }
    },
    redeem(credential: ConsoleCredential): void {
      credential.redeemed = true
    },
    get size() {
      return new Set(byToken.values()).size
    },
  }
}
