import { ConsoleError } from '../errors/ConsoleError.js'
import type { FetchEcsRemoteConsoleArgs } from './fetchEcsRemoteConsole.js'
import { isHeaderValue } from '../http/isHeaderValue.js'
import { normalizeEndpoint } from '../http/normalizeEndpoint.js'
import { requestJson, type JsonResponse } from '../http/requestJson.js'
import { validatePathSegment } from '../http/validatePathSegment.js'

/** What every ECS call takes: the fields of the console call but the server. */
export type EcsApiArgs = Omit<FetchEcsRemoteConsoleArgs, 'serverId'>

/**
 * One call to ECS's v1 API, `${endpoint}/v1/{project_id}/<path>` (`path` already encoded), with
 * the same checks as the console call: a GET, or a POST of `body`.
 */
export async function requestEcsApi(
  args: EcsApiArgs,
  path: string,
  body?: unknown,
): Promise<JsonResponse> {
  const provider = 'ecs'
  const { authToken } = args
  const base = normalizeEndpoint(args.endpoint, provider)
  const projectId = validatePathSegment(args.projectId, 'project id', provider)
  // Control characters would split the header; fetch refuses anything beyond Latin-1.
  if (authToken !== undefined && !isHeaderValue(authToken)) {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider,
      message: 'The ECS auth token is empty or invalid. Sign in again.',
    })
  }
  return requestJson({
    ...args, // fetch, signal, timeoutMs
    provider,
    url: `${base}/v1/${projectId}/${path}`,
    headers: authToken === undefined ? {} : { 'X-Auth-Token': authToken },
    body: body === undefined ? undefined : JSON.stringify(body),
    secrets: [authToken],
  })
}
