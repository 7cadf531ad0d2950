import type { CloudTowerVnc } from './CloudTowerVnc.js'
import { asRecord } from '../http/asRecord.js'
import { ConsoleError } from '../errors/ConsoleError.js'
import { cloudTowerErrorKind } from './cloudTowerErrorKind.js'
import { isBase64 } from './isBase64.js'
import { isHeaderValue } from '../http/isHeaderValue.js'
import { normalizeEndpoint } from '../http/normalizeEndpoint.js'
import { requestJson } from '../http/requestJson.js'
import { responseError } from '../http/responseError.js'

export interface FetchCloudTowerVncArgs {
  /** `https://tower.example.com` or a same-origin path such as `/tower`; the API is `${endpoint}/api`. */
  endpoint: string
  /** The CloudTower session token, sent raw in `Authorization` (no `Bearer`). */
  token: string
  vmId: string
  language?: 'en-US' | 'zh-CN' | undefined
  fetch?: typeof fetch | undefined
  signal?: AbortSignal | undefined
  /** Default 15 000 ms, covering the whole answer. */
  timeoutMs?: number | undefined
}

const FIELDS = ['vm_uuid', 'host_ip', 'cluster_ip', 'raw_token', 'token']

/**
 * Asks CloudTower for one-time VNC credentials of a VM. Never cache the answer: each connection
 * needs a fresh one.
 */
export async function fetchCloudTowerVnc(args: FetchCloudTowerVncArgs): Promise<CloudTowerVnc> {
  const provider = 'cloudtower'
  const { token, vmId } = args
  const language = args.language ?? 'en-US'
  const base = normalizeEndpoint(args.endpoint, provider)
  const fail = (message: string) => new ConsoleError({ kind: 'invalid_input', provider, message })
  // Control characters would split the header; fetch refuses anything beyond Latin-1.
  if (!isHeaderValue(token)) {
    throw fail('The CloudTower token is empty or invalid. Sign in again.')
  }
  if (typeof vmId !== 'string' || !vmId.trim()) throw fail('No VM id was given.')
  if (language !== 'en-US' && language !== 'zh-CN') {
    throw fail('language must be en-US or zh-CN.')
  }
  const secrets = [token]
  const response = await requestJson({
    ...args, // fetch, signal, timeoutMs
    provider,
    url: `${base}/api`,
    headers: { 'content-language': language, Authorization: token },
    body: JSON.stringify({
      operationName: 'vnc',
      variables: { input: { vm: { id: vmId } } },
      // The exact query text of CloudTower's documentation.
      query: `query vnc($input: VncInput!) { vnc(input: $input) { ${FIELDS.join(' ')}}}`,
    }),
    secrets,
  })

  const answer = asRecord(asRecord(response.json)?.data)?.vnc
  const vnc = asRecord(answer)
  const result = Object.fromEntries(FIELDS.map((f) => [f, vnc?.[f]])) as Record<string, unknown>
  if (
    response.ok &&
    Object.values(result).every((v) => typeof v === 'string' && /\S/.test(v)) &&
    /^[0-9a-f]{32}$/i.test(result.raw_token as string) &&
    isBase64(result.token as string)
  ) {
    return result as unknown as CloudTowerVnc
  }
  throw responseError(provider, response, secrets, cloudTowerErrorKind, `VM "${vmId}"`, answer)
}
