const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The page an ECS console URL opens. Real Huawei serves noVNC here; the fake says what it is and
 * which socket noVNC would open, without spending the token.
 */
export function vncAutoPage(pageUrl: URL): string {
  const token = pageUrl.searchParams.get('token') ?? ''
  const socketUrl = new URL(`/websockify?token=${encodeURIComponent(token)}`, pageUrl)
  socketUrl.protocol = pageUrl.protocol === 'https:' ? 'wss:' : 'ws:'
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Fake ECS console</title></head>
<body>
<h1>Fake ECS remote console</h1>
<p>This is the fake cloud's stand-in for Huawei's <code>vnc_auto.html</code> page. It runs no noVNC.</p>
<p>A noVNC client would open <code id="socket">${escapeHtml(socketUrl.href)}</code> (once: the token is one-time).</p>
</body>
</html>
`
}
