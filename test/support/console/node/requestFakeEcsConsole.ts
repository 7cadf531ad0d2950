// The seed document's example project and server, which the fake cloud's inventory holds.
const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'

/**
 * Asks a fake cloud's ECS API for a remote console, as the seed's example request does, and
 * returns its console page URL (holding a fresh one-time token).
 */
export async function requestFakeEcsConsole(
  cloudUrl: string,
  authToken = 'fake-ecs-token',
): Promise<string> {
  const response = await fetch(`${cloudUrl}/v1/${PROJECT}/cloudservers/${SERVER}/remote_console`, {
    method: 'POST',
    headers: { 'x-auth-token': authToken, 'content-type': 'application/json' },
    body: JSON.stringify({ remote_console: { protocol: 'vnc', type: 'novnc' } }),
  })
  if (!response.ok) throw new Error(`remote_console answered HTTP ${response.status}`)
  return ((await response.json()) as { remote_console: { url: string } }).remote_console.url
}
