import type {
  ConsoleError,
  ConsoleErrorKind,
  ConsoleErrorProvider,
} from '../core/errors/ConsoleError.js'
import type { ConsoleLabels } from './ConsoleLabels.js'
import { formatLabel } from './formatLabel.js'

const MESSAGE: Record<ConsoleErrorKind, keyof ConsoleLabels> = {
  unauthorized: 'errorUnauthorized',
  forbidden: 'errorForbidden',
  not_found: 'errorNotFound',
  conflict: 'errorConflict',
  rate_limited: 'errorRateLimited',
  server: 'errorServer',
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  aborted: 'errorAborted',
  invalid_response: 'errorInvalidResponse',
  invalid_input: 'errorInvalidInput',
  vnc_security: 'errorVncSecurity',
  vnc_disconnected: 'errorVncDisconnected',
}

// Codes that say more than their kind: what the operator should read instead.
const BY_CODE: Readonly<Record<string, keyof ConsoleLabels>> = {
  html_page: 'errorNotTheApi',
  proxy_unreachable: 'errorProxyUnreachable',
  proxy_closed_early: 'errorProxyClosedEarly',
  service_unavailable: 'errorServiceUnavailable',
  console_host_not_allowed: 'errorConsoleHostNotAllowed',
}

const PROVIDER: Record<ConsoleErrorProvider, keyof ConsoleLabels> = {
  cloudtower: 'providerCloudtower',
  ecs: 'providerEcs',
  vnc: 'providerVnc',
}

/** What an operator should read for `error`, in the labels' language. */
export function consoleErrorMessage(
  error: Pick<ConsoleError, 'kind' | 'provider' | 'code'>,
  labels: ConsoleLabels,
): string {
  const provider = labels[PROVIDER[error.provider] ?? 'providerVnc']
  const key = (error.code && BY_CODE[error.code]) || MESSAGE[error.kind] || 'errorVncDisconnected'
  return formatLabel(labels[key], { provider })
}
