import { ConsoleError } from '../errors/ConsoleError.js'
import type { FetchCloudTowerVncArgs } from './fetchCloudTowerVnc.js'
import { isHeaderValue } from '../http/isHeaderValue.js'
import { normalizeEndpoint } from '../http/normalizeEndpoint.js'
import { requestJson, type JsonResponse } from '../http/requestJson.js'

/** What every CloudTower REST call takes: the fields of the `vnc` query but the VM. */
export type CloudTowerRestArgs = Omit<FetchCloudTowerVncArgs, 'vmId'>

/**
 * POSTs `{ where: { id } }` to one operation of CloudTower's REST API, `${endpoint}/v2/api/<op>`
 * (its OpenAPI spec; the GraphQL API is `${endpoint}/api`), with the same raw `Authorization`
 * token and checks as the `vnc` query. `label` names the id in messages.
 */
export async function postCloudTowerRest(
  args: CloudTowerRestArgs,
  operation: string,
  id: string,
  label: string,
): Promise<JsonResponse> {
  const provider = 'cloudtower'
  const { token } = args
  const language = args.language ?? 'en-US'
  const base = normalizeEndpoint(args.endpoint, provider)
  const fail = (message: string) => new ConsoleError({ kind: 'invalid_input', provider, message })
  // Control characters would split the header; fetch refuses anything beyond Latin-1.
  if (!isHeaderValue(token)) {
    throw fail('The CloudTower token is empty or invalid. Sign in again.')
  }
  if (typeof id !== 'string' || !id.trim()) throw fail(`No ${label} was given.`)
  if (language !== 'en-US' && language !== 'zh-CN') {
    throw fail('language must be en-US or zh-CN.')
  }
  return requestJson({
    ...args, // fetch, signal, timeoutMs
    provider,
    url: `${base}/v2/api/${operation}`,
    headers: { 'content-language': language, Authorization: token },
    body: JSON.stringify({ where: { id } }),
    secrets: [token],
  })
}
