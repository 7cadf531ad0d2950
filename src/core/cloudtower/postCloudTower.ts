import { ConsoleError } from '../errors/ConsoleError.js'
import type { FetchCloudTowerVncArgs } from './fetchCloudTowerVnc.js'
import { isHeaderValue } from '../http/isHeaderValue.js'
import { normalizeEndpoint } from '../http/normalizeEndpoint.js'
import { requestJson, type JsonResponse } from '../http/requestJson.js'

/** What every CloudTower REST call takes: the fields of the `vnc` query but the VM. */
export type CloudTowerRestArgs = Omit<FetchCloudTowerVncArgs, 'vmId'>

/**
 * POSTs to CloudTower, `${endpoint}/<path>`, with the raw `Authorization` token and
 * `content-language`, after checking them and the id the call is about (`label` names it):
 * `api` with a GraphQL body, or one operation of the REST API, `v2/api/<op>`, whose body is
 * `{ where: { id } }` (its OpenAPI spec) when none is given.
 */
export async function postCloudTower(
  args: CloudTowerRestArgs,
  path: string,
  id: string,
  label: string,
  body: unknown = { where: { id } },
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
    url: `${base}/${path}`,
    headers: { 'content-language': language, Authorization: token },
    body: JSON.stringify(body),
    secrets: [token],
  })
}
