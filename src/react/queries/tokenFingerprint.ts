/**
 * A short, one-way tag of a secret (FNV-1a, 32 bits). Query keys carry it instead of the token, so a
 * new token refetches while devtools never show the token itself.
 */
export function tokenFingerprint(secret: string | undefined): string | undefined {
  if (!secret) return undefined
  let hash = 0x811c9dc5
  for (let i = 0; i < secret.length; i++) {
    hash ^= secret.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(36)
}
