import type { CloudTowerVnc } from './CloudTowerVnc.js'
import { asRecord } from '../http/asRecord.js'
import { cloudTowerErrorKind } from './cloudTowerErrorKind.js'
import { isBase64 } from './isBase64.js'
import { postCloudTower } from './postCloudTower.js'
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
  const { token, vmId } = args
  const response = await postCloudTower(args, 'api', vmId, 'VM id', {
    operationName: 'vnc',
    variables: { input: { vm: { id: vmId } } },
    // The exact query text of CloudTower's documentation.
    query: `query vnc($input: VncInput!) { vnc(input: $input) { ${FIELDS.join(' ')}}}`,
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
  throw responseError('cloudtower', response, [token], cloudTowerErrorKind, `VM "${vmId}"`, answer)
}
