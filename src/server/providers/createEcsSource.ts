import { buildEcsConsoleUrl } from '../../core/ecs/buildEcsConsoleUrl.js'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { fetchEcsJob } from '../../core/ecs/fetchEcsJob.js'
import { fetchEcsRemoteConsole } from '../../core/ecs/fetchEcsRemoteConsole.js'
import { fetchEcsServerState } from '../../core/ecs/fetchEcsServerState.js'
import { requestEcsPowerAction } from '../../core/ecs/requestEcsPowerAction.js'
import { createTlsFetch } from './createTlsFetch.js'
import { defaultConsoleHosts } from './defaultConsoleHosts.js'
import { isConsoleHostAllowed } from './isConsoleHostAllowed.js'
import { resolveEcsEndpoint } from './resolveEcsEndpoint.js'
import { signHuaweiRequest } from './signHuaweiRequest.js'
import type { EcsProviderOptions } from '../types.js'
import type { ConsoleSource } from './UpstreamConsole.js'
import { upstreamOrigin } from './upstreamOrigin.js'

/** Huawei Cloud ECS behind the gateway: an IAM token (fixed or refreshed by the portal), or AK/SK signing. */
export function createEcsSource(options: EcsProviderOptions, timeoutMs: number): ConsoleSource {
  const endpoint = resolveEcsEndpoint(options)
  if (!/^https?:\/\//.test(endpoint))
    throw new Error('createConsoleGateway: the ECS endpoint must be an absolute URL.')
  if (!options.projectId) throw new Error('createConsoleGateway: ECS needs a projectId.')
  const bySignature = Boolean(options.accessKey || options.secretKey)
  if (bySignature ? !(options.accessKey && options.secretKey) : !options.authToken) {
    throw new Error('createConsoleGateway: ECS needs an authToken, or an accessKey and secretKey.')
  }
  // A tampered or misrouted API answer must not aim the gateway at a host of the portal's network.
  const consoleHosts = options.consoleHosts ?? defaultConsoleHosts(endpoint)
  const http = createTlsFetch(options.tls)
  // Tokens from `authToken()` that calls still in flight may have sent: each call's error is
  // redacted with every one of them, not just the latest (the portal may rotate it meanwhile).
  const recentTokens: string[] = []

  // AK/SK: sign exactly what is sent. Host and X-Project-Id are signed too, as Huawei's SDK does.
  const signingFetch = ((input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url)
    const headers: Record<string, string> = {}
    new Headers(init.headers).forEach((value, name) => (headers[name] = value))
    headers.host = url.host
    headers['x-project-id'] = options.projectId
    const signature = signHuaweiRequest({
      method: init.method ?? 'GET',
      url: url.href,
      headers,
      body: typeof init.body === 'string' ? init.body : '',
      accessKey: options.accessKey ?? '',
      secretKey: options.secretKey ?? '',
    })
    return http.fetch(url, { ...init, headers: { ...headers, ...signature.headers } })
  }) as typeof fetch

  // What every ECS call takes: a current IAM token, or the signing fetch.
  const auth = async (signal: AbortSignal) => {
    let authToken: string | undefined
    if (!bySignature) {
      authToken =
        typeof options.authToken === 'function' ? await options.authToken() : options.authToken
      if (authToken && !recentTokens.includes(authToken)) {
        recentTokens.push(authToken)
        if (recentTokens.length > 8) recentTokens.shift()
      }
    }
    return {
      endpoint,
      projectId: options.projectId,
      authToken,
      fetch: bySignature ? signingFetch : http.fetch,
      signal,
      timeoutMs,
    }
  }

  return {
    async open(serverId, signal) {
      const remote = await fetchEcsRemoteConsole({ ...(await auth(signal)), serverId })
      const url = buildEcsConsoleUrl(remote)
      const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
      if (!isConsoleHostAllowed(host, consoleHosts)) {
        throw new ConsoleError({
          kind: 'invalid_response',
          provider: 'ecs',
          // The browser gets the code and our words; the host is for the gateway's log only.
          code: 'console_host_not_allowed',
          message: `The ECS API named a console host the gateway may not connect to (${host}). If it is genuine, add it to providers.ecs.consoleHosts.`,
        })
      }
      return { url, origin: upstreamOrigin(url) }
    },
    state: async (serverId, signal) => fetchEcsServerState({ ...(await auth(signal)), serverId }),
    power: async (serverId, action, signal) =>
      requestEcsPowerAction({ ...(await auth(signal)), serverId, action }),
    task: async (jobId, signal) => fetchEcsJob({ ...(await auth(signal)), jobId }),
    secrets: () => [
      ...(typeof options.authToken === 'string' ? [options.authToken] : recentTokens),
      options.secretKey,
      options.accessKey,
    ],
    tls: options.tls ?? {},
    close: () => http.close(),
  }
}
