/**
 * The localStorage key under which the guest keyboard layout chosen for a console is kept. A
 * `connectionKey` may hold endpoints, ids or a token's fingerprint, so only a one-way tag of it
 * (FNV-1a, 32 bits) is stored, never the key itself.
 */
export function guestLayoutStorageKey(connectionKey: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < connectionKey.length; i++) {
    hash ^= connectionKey.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return `rvc-guest-layout:${(hash >>> 0).toString(36)}`
}
