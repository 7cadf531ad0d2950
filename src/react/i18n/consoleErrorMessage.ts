import type {
  ConsoleError,
  ConsoleErrorKind,
  ConsoleErrorProvider,
} from '../../core/ConsoleError.js'
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

const PROVIDER: Record<ConsoleErrorProvider, keyof ConsoleLabels> = {
  cloudtower: 'providerCloudtower',
  ecs: 'providerEcs',
  vnc: 'providerVnc',
}

/** What an operator should read for `error`, in the labels' language. */
export function consoleErrorMessage(
  error: Pick<ConsoleError, 'kind' | 'provider'>,
  labels: ConsoleLabels,
): string {
  const provider = labels[PROVIDER[error.provider] ?? 'providerVnc']
  return formatLabel(labels[MESSAGE[error.kind] ?? 'errorVncDisconnected'], { provider })
}
