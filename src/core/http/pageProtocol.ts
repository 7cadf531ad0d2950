/** The current page's protocol (`https:`…), or undefined outside a browser. */
export function pageProtocol(): string | undefined {
  return typeof location === 'undefined' ? undefined : location.protocol
}
