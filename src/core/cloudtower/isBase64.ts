/** Standard (RFC 4648 §4) base64 with padding: the alphabet CloudTower's proxy token uses. */
export function isBase64(value: string): boolean {
  return value.length > 0 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value)
}
