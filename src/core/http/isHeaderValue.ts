// Control characters but tab, and everything above Latin-1.
// eslint-disable-next-line no-control-regex
const UNSENDABLE = /[\0-\b\n-\x1f\x7f\u0100-\uffff]/

/**
 * True when `value` is a non-blank string that can be sent as an HTTP header value: no control
 * characters (CR/LF would split the header) and nothing above U+00FF (fetch refuses it with an
 * obscure TypeError).
 */
export function isHeaderValue(value: unknown): value is string {
  return typeof value === 'string' && /\S/.test(value) && !UNSENDABLE.test(value)
}
