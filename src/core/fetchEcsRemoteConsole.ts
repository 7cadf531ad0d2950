import { asRecord } from './asRecord.js'
import { ConsoleError, type ConsoleErrorKind } from './ConsoleError.js'
import type { EcsRemoteConsole } from './EcsRemoteConsole.js'
import { huaweiErrorKind } from './huaweiErrorKind.js'
import { isHeaderValue } from './isHeaderValue.js'
import { kindForStatus } from './kindForStatus.js'
import { normalizeEndpoint } from './normalizeEndpoint.js'
import { redactSecrets } from './redactSecrets.js'
import { requestJson } from './requestJson.js'
import { truncate } from './truncate.js'
import { validatePathSegment } from './validatePathSegment.js'

export interface FetchEcsRemoteConsoleArgs {
  /** `https://ecs.cn-north-4.myhuaweicloud.com` or a same-origin path of the portal's proxy. */
  endpoint: string
  projectId: string
  serverId: string
  /** IAM token sent as `X-Auth-Token`; leave out when a proxy signs the request. */
  authToken?: string
  fetch?: typeof fetch
  signal?: AbortSignal
  /** Default 15 000 ms, covering the whole answer. */
  timeoutMs?: number
}

/**
 * Asks Huawei Cloud ECS for the VNC console of a server. The answer's URL holds a one-time token:
 * use it once, never cache it.
 */
export async function fetchEcsRemoteConsole(
  args: FetchEcsRemoteConsoleArgs,
): Promise<EcsRemoteConsole> {
  const provider = 'ecs'
  const { base } = normalizeEndpoint(args.endpoint, provider)
  const projectId = validatePathSegment(args.projectId, 'project id', provider)
  const serverId = validatePathSegment(args.serverId, 'server (ECS) id', provider)
  if (
    args.authToken !== undefined &&
    (typeof args.authToken !== 'string' || !args.authToken.trim())
  ) {
    throw invalidInput(
      'The ECS auth token is empty. Sign in again or leave it out behind a signing proxy.',
    )
  }
  if (args.authToken !== undefined && !isHeaderValue(args.authToken)) {
    throw invalidInput('The ECS auth token contains characters a token cannot have. Sign in again.')
  }
  const secrets = [args.authToken]
  const response = await requestJson({
    provider,
    url: `${base}/v1/${projectId}/cloudservers/${serverId}/remote_console`,
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      ...(args.authToken !== undefined && { 'X-Auth-Token': args.authToken }),
    },
    body: JSON.stringify({ remote_console: { protocol: 'vnc', type: 'novnc' } }),
    fetch: args.fetch,
    signal: args.signal,
    timeoutMs: args.timeoutMs,
    secrets,
  })

  const body = asRecord(response.json)
  if (response.status < 200 || response.status >= 300) {
    // Two shapes: {"error":{"code","message"}} (ECS) and {"error_code","error_msg"} (API gateway).
    const nested = asRecord(body?.error)
    const rawCode = nested?.code ?? body?.error_code
    const code = typeof rawCode === 'string' ? rawCode : undefined
    const rawMessage = nested?.message ?? body?.error_msg
    const upstream = typeof rawMessage === 'string' ? rawMessage : undefined
    const kind = (code && huaweiErrorKind(code)) || kindForStatus(response.status)
    const explanation = response.html
      ? `Huawei Cloud ECS answered HTTP ${response.status} with an HTML page instead of the API; check the endpoint or the proxy in front of it.`
      : explain(kind, response.status, code)
    throw new ConsoleError({
      kind,
      provider,
      status: response.status,
      ...(code !== undefined && { code }),
      message: redactSecrets(
        // Redact before cutting: a token cut in half would no longer match and would leak its start.
        upstream
          ? `${explanation} (ECS: ${truncate(redactSecrets(upstream, secrets))})`
          : explanation,
        secrets,
      ),
    })
  }

  if (response.json === undefined) {
    throw invalidResponse(
      response.html
        ? 'Huawei Cloud ECS answered with an HTML page instead of JSON. Check the endpoint.'
        : 'Huawei Cloud ECS answered with something that is not JSON.',
    )
  }
  const remote = asRecord(body?.remote_console)
  if (!remote) throw invalidResponse('Huawei Cloud ECS answered without remote_console.')
  const { url, type, protocol } = remote
  if (typeof url !== 'string' || !isHttpUrl(url)) {
    throw invalidResponse(
      'Huawei Cloud ECS answered with a console URL that is not an http(s) address.',
    )
  }
  return {
    type: typeof type === 'string' ? type : 'novnc',
    protocol: typeof protocol === 'string' ? protocol : 'vnc',
    url,
  }

  function invalidInput(message: string) {
    return new ConsoleError({ kind: 'invalid_input', provider, message })
  }
  function invalidResponse(message: string) {
    return new ConsoleError({
      kind: 'invalid_response',
      provider,
      status: response.status,
      message,
    })
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}

function explain(kind: ConsoleErrorKind, status: number, code: string | undefined): string {
  switch (kind) {
    case 'unauthorized':
      return 'Huawei Cloud refused the auth token. Sign in again.'
    case 'forbidden':
      return 'This Huawei Cloud account may not open the console of this server.'
    case 'not_found':
      return code === 'APIGW.0101'
        ? 'The ECS endpoint does not offer this API. Check the endpoint and region.'
        : 'Huawei Cloud ECS has no such server in this project.'
    case 'rate_limited':
      return 'Huawei Cloud is throttling requests. Try again in a moment.'
    case 'invalid_input':
      return 'Huawei Cloud ECS rejected the request as invalid.'
    case 'server':
      return `Huawei Cloud ECS failed with HTTP ${status}. Try again in a moment.`
    default:
      return `Huawei Cloud ECS answered HTTP ${status}.`
  }
}
