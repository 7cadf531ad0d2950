/**
 * The websocket a noVNC client opens for an ECS console page (`…/vnc_auto.html?token=…`):
 * `ws(s)://host:port/websockify?token=…`, where Nova's proxy reads the token. Written out here, not
 * taken from buildEcsConsoleUrl, so that tests checking that function do not check it against
 * itself. `socketOrigin` (e.g. a fake cloud's own `http://127.0.0.1:PORT`) replaces the page's.
 */
export function ecsSocketUrl(consoleUrl: string, socketOrigin?: string): string {
  const page = new URL(consoleUrl)
  const origin = (socketOrigin ?? page.origin).replace(/^http/, 'ws')
  return `${origin}/websockify?token=${page.searchParams.get('token') ?? ''}`
}
