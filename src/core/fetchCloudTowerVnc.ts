import type { CloudTowerVnc } from './CloudTowerVnc.js'
import { asRecord } from './asRecord.js'
import { ConsoleError, type ConsoleErrorKind } from './ConsoleError.js'
import { cloudTowerErrorKind } from './cloudTowerErrorKind.js'
import { isBase64 } from './isBase64.js'
import { isHeaderValue } from './isHeaderValue.js'
import { kindForStatus } from './kindForStatus.js'
import { normalizeEndpoint } from './normalizeEndpoint.js'
import { redactSecrets } from './redactSecrets.js'
import { requestJson } from './requestJson.js'
import { truncate } from './truncate.js'

export interface FetchCloudTowerVncArgs {
  /** `https://tower.example.com` or a same-origin path such as `/tower`; the API is `${endpoint}/api`. */
  endpoint: string
  /** The CloudTower session token, sent raw in `Authorization` (no `Bearer`). */
  token: string
  vmId: string
  language?: 'en-US' | 'zh-CN'
  fetch?: typeof fetch
  signal?: AbortSignal
  /** Default 15 000 ms, covering the whole answer. */
  timeoutMs?: number
}

// The exact query text of CloudTower's documentation.
const VNC_QUERY =
  'query vnc($input: VncInput!) { vnc(input: $input) { vm_uuid host_ip cluster_ip raw_token token}}'

const FIELDS = ['vm_uuid', 'host_ip', 'cluster_ip', 'raw_token', 'token'] as const

/**
 * Asks CloudTower for one-time VNC credentials of a VM. Never cache the answer: each connection
 * needs a fresh one.
 */
export async function fetchCloudTowerVnc(args: FetchCloudTowerVncArgs): Promise<CloudTowerVnc> {
  const provider = 'cloudtower'
  const { base } = normalizeEndpoint(args.endpoint, provider)
  if (typeof args.token !== 'string' || args.token.trim() === '') {
    throw invalidInput('No CloudTower token was given. Sign in to CloudTower first.')
  }
  if (!isHeaderValue(args.token)) {
    throw invalidInput(
      'The CloudTower token contains characters a token cannot have. Sign in again.',
    )
  }
  if (typeof args.vmId !== 'string' || args.vmId.trim() === '') {
    throw invalidInput('No VM id was given.')
  }
  const language = args.language ?? 'en-US'
  if (language !== 'en-US' && language !== 'zh-CN') {
    throw invalidInput('language must be en-US or zh-CN.')
  }
  const secrets = [args.token]
  const response = await requestJson({
    provider,
    url: `${base}/api`,
    headers: {
      accept: 'application/json',
      'content-language': language,
      Authorization: args.token,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      operationName: 'vnc',
      variables: { input: { vm: { id: args.vmId } } },
      query: VNC_QUERY,
    }),
    fetch: args.fetch,
    signal: args.signal,
    timeoutMs: args.timeoutMs,
    secrets,
  })

  const body = asRecord(response.json)
  const errors = Array.isArray(body?.errors) ? body.errors.map(asRecord) : []
  const data = asRecord(body?.data)
  const vnc = data?.vnc

  if (response.status < 200 || response.status >= 300 || (errors.length > 0 && !vnc)) {
    const first = errors.find((e) => typeof e?.code === 'string') ?? errors[0]
    const code = typeof first?.code === 'string' ? first.code : undefined
    const upstream = typeof first?.message === 'string' ? first.message : undefined
    const known = code ? cloudTowerErrorKind(code) : undefined
    let kind: ConsoleErrorKind
    if (response.status < 200 || response.status >= 300)
      kind = known ?? kindForStatus(response.status)
    else kind = known ?? (data && 'vnc' in data && vnc === null ? 'not_found' : 'server')
    const explanation = response.html
      ? `CloudTower answered HTTP ${response.status} with an HTML page instead of the API; check the endpoint or the proxy in front of it.`
      : explain(kind, response.status, args.vmId)
    throw new ConsoleError({
      kind,
      provider,
      status: response.status,
      ...(code !== undefined && { code }),
      // A GraphQL error we do not know is not a hiccup: retrying the same request gives the same answer.
      ...(response.status === 200 && kind === 'server' && { retryable: false }),
      message: redactSecrets(
        // Redact before cutting: a token cut in half would no longer match and would leak its start.
        upstream
          ? `${explanation} (CloudTower: ${truncate(redactSecrets(upstream, secrets))})`
          : explanation,
        secrets,
      ),
    })
  }

  if (response.json === undefined) {
    throw invalidResponse(
      response.html
        ? 'CloudTower answered with an HTML page instead of JSON. Is the endpoint the CloudTower address (the API lives at endpoint/api)?'
        : 'CloudTower answered with something that is not JSON.',
    )
  }
  if (data && 'vnc' in data && vnc === null) {
    throw new ConsoleError({
      kind: 'not_found',
      provider,
      status: response.status,
      message: explain('not_found', response.status, args.vmId),
    })
  }
  const record = asRecord(vnc)
  if (!record)
    throw invalidResponse('CloudTower answered without VNC details (data.vnc is missing).')
  for (const field of FIELDS) {
    const value = record[field]
    if (typeof value !== 'string' || value.trim() === '') {
      throw invalidResponse(`CloudTower's VNC answer has no ${field}.`)
    }
  }
  const result = Object.fromEntries(FIELDS.map((f) => [f, record[f]])) as unknown as CloudTowerVnc
  if (!/^[0-9a-f]{32}$/i.test(result.raw_token)) {
    throw invalidResponse("CloudTower's raw_token is not 32 hexadecimal digits.")
  }
  if (!isBase64(result.token)) {
    throw invalidResponse("CloudTower's proxy token is not base64.")
  }
  return result

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

function explain(kind: ConsoleErrorKind, status: number, vmId: string): string {
  switch (kind) {
    case 'unauthorized':
      return 'CloudTower refused the token. Sign in again.'
    case 'forbidden':
      return 'This CloudTower user may not open the console of this VM.'
    case 'not_found':
      return `CloudTower has no VM with id "${truncate(vmId, 80)}", or it has no console right now.`
    case 'rate_limited':
      return 'CloudTower is throttling requests. Try again in a moment.'
    case 'invalid_input':
      return 'CloudTower rejected the request as invalid.'
    case 'server':
      return status >= 500
        ? `CloudTower failed with HTTP ${status}. Try again; if it persists, check the CloudTower service.`
        : 'CloudTower could not provide the VNC details.'
    default:
      return `CloudTower answered HTTP ${status}.`
  }
}
