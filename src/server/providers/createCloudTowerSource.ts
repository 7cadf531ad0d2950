import { buildCloudTowerVncUrl } from '../../core/cloudtower/buildCloudTowerVncUrl.js'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { fetchCloudTowerTask } from '../../core/cloudtower/fetchCloudTowerTask.js'
import { fetchCloudTowerVmState } from '../../core/cloudtower/fetchCloudTowerVmState.js'
import { fetchCloudTowerVnc } from '../../core/cloudtower/fetchCloudTowerVnc.js'
import { requestCloudTowerPowerAction } from '../../core/cloudtower/requestCloudTowerPowerAction.js'
import { normalizeEndpoint } from '../../core/http/normalizeEndpoint.js'
import { createTlsFetch } from './createTlsFetch.js'
import type { CloudTowerRestArgs } from '../../core/cloudtower/postCloudTower.js'
import { loginCloudTower } from './loginCloudTower.js'
import type { CloudTowerProviderOptions } from '../types.js'
import type { ConsoleSource } from './UpstreamConsole.js'
import { upstreamOrigin } from './upstreamOrigin.js'

/**
 * CloudTower behind the gateway: a fixed session token, or its own login that is renewed once
 * whenever CloudTower answers with an auth error code (tokens can be revoked or expire).
 */
export function createCloudTowerSource(
  options: CloudTowerProviderOptions,
  timeoutMs: number,
): ConsoleSource {
  const endpoint = normalizeEndpoint(options.endpoint, 'cloudtower')
  if (endpoint[0] === '/')
    throw new Error(
      'createConsoleGateway: the CloudTower endpoint must be an absolute https:// address.',
    )
  const byLogin = !options.token
  if (byLogin && !(options.username && options.password)) {
    throw new Error('createConsoleGateway: CloudTower needs a token, or a username and password.')
  }
  const http = createTlsFetch(options.tls)
  let session: Promise<string> | undefined
  let current = options.token

  const login = (signal: AbortSignal) =>
    (session ??= loginCloudTower({
      endpoint,
      username: options.username ?? '',
      password: options.password ?? '',
      source: options.source,
      fetch: http.fetch,
      signal,
      timeoutMs,
    }).then(
      (token) => (current = token),
      (error: unknown) => {
        session = undefined
        throw error
      },
    ))

  // Every call with the current token; signed in again once when CloudTower refuses it.
  const withToken = async <T>(
    signal: AbortSignal,
    call: (args: CloudTowerRestArgs) => Promise<T>,
  ): Promise<T> => {
    const args = (token: string): CloudTowerRestArgs => ({
      endpoint,
      token,
      language: options.language,
      fetch: http.fetch,
      signal,
      timeoutMs,
    })
    const token = options.token ?? (await login(signal))
    try {
      return await call(args(token))
    } catch (error) {
      if (!byLogin || !ConsoleError.is(error) || error.kind !== 'unauthorized') throw error
      // Only the first request to see this token fail signs in again; the others wait for it.
      if (current === token) session = undefined
      return call(args(await login(signal)))
    }
  }

  return {
    async open(vmId, signal) {
      const vnc = await withToken(signal, (args) => fetchCloudTowerVnc({ ...args, vmId }))
      const url = buildCloudTowerVncUrl(
        vnc,
        options.mode === 'direct'
          ? { mode: 'direct', secure: options.directSecure ?? true, port: options.directPort }
          : { mode: 'proxy', endpoint },
      )
      return { url, origin: upstreamOrigin(url) }
    },
    state: (vmId, signal) => withToken(signal, (args) => fetchCloudTowerVmState({ ...args, vmId })),
    power: (vmId, action, signal) =>
      withToken(signal, (args) => requestCloudTowerPowerAction({ ...args, vmId, action })),
    task: (taskId, signal) => withToken(signal, (args) => fetchCloudTowerTask({ ...args, taskId })),
    secrets: () => [options.token, options.password, current],
    tls: options.tls ?? {},
    close: () => http.close(),
  }
}
