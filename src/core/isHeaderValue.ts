/**
 * True when `value` can be sent as an HTTP header value: no control characters (CR/LF would split
 * the header) and nothing above U+00FF (fetch refuses it with an obscure TypeError).
 */
export function isHeaderValue(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000a-\u001f\u007f\u0100-\uffff]/.test(value)
}
