import { asRecord } from '../../core/http/asRecord.js'
import { cloudTowerErrorKind } from '../../core/cloudtower/cloudTowerErrorKind.js'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { kindForStatus } from '../../core/errors/kindForStatus.js'
import { normalizeEndpoint } from '../../core/http/normalizeEndpoint.js'
import { requestJson } from '../../core/http/requestJson.js'

export interface LoginCloudTowerArgs {
  endpoint: string
  username: string
  password: string
  /** Default `LOCAL`. */
  source?: string
  fetch?: typeof fetch
  signal?: AbortSignal
  timeoutMs?: number
}

const LOGIN_MUTATION = 'mutation login($data: LoginInput!) { login(data: $data) { token } }'

/** CloudTower's `login` mutation: a session token for `Authorization`. */
export async function loginCloudTower(args: LoginCloudTowerArgs): Promise<string> {
  const provider = 'cloudtower'
  const base = normalizeEndpoint(args.endpoint, provider)
  const secrets = [args.password]
  const response = await requestJson({
    provider,
    url: `${base}/api`,
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'content-language': 'en-US',
    },
    body: JSON.stringify({
      operationName: 'login',
      variables: {
        data: { username: args.username, password: args.password, source: args.source ?? 'LOCAL' },
      },
      query: LOGIN_MUTATION,
    }),
    fetch: args.fetch,
    signal: args.signal,
    timeoutMs: args.timeoutMs,
    secrets,
  })
  const body = asRecord(response.json)
  const errors = Array.isArray(body?.errors) ? body.errors.map(asRecord) : []
  const token = asRecord(asRecord(body?.data)?.login)?.token
  if (response.status >= 200 && response.status < 300 && typeof token === 'string' && token)
    return token
  const code = errors.map((e) => e?.code).find((c): c is string => typeof c === 'string')
  const kind =
    (code && cloudTowerErrorKind(code)) ||
    (response.status >= 200 && response.status < 300
      ? 'invalid_response'
      : kindForStatus(response.status))
  throw new ConsoleError({
    kind,
    provider,
    status: response.status,
    ...(code !== undefined && { code }),
    message:
      kind === 'unauthorized'
        ? "CloudTower refused the gateway's user name or password."
        : `CloudTower's login failed (HTTP ${response.status}${code ? `, ${code}` : ''}).`,
  })
}
