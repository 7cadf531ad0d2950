/** The Origin a console proxy accepts: its own scheme (ws→http, wss→https) and host. */
export function upstreamOrigin(socketUrl: string): string {
  const url = new URL(socketUrl)
  const scheme = url.protocol === 'wss:' || url.protocol === 'https:' ? 'https:' : 'http:'
  return `${scheme}//${url.host}`
}
