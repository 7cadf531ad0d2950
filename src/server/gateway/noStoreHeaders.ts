/** Every JSON answer of the gateway: a ticket must never sit in a cache. */
export const noStoreHeaders: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-type': 'application/json; charset=utf-8',
}
