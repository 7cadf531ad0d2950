import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { ConsoleLabels } from '../../i18n/ConsoleLabels.js'
import { consoleErrorMessage } from '../../i18n/consoleErrorMessage.js'
import { formatLabel } from '../../i18n/formatLabel.js'

const BY_CODE: Readonly<Record<string, keyof ConsoleLabels>> = {
  not_a_recording: 'errorNotARecording',
  recording_version: 'errorRecordingVersion',
  recording_empty: 'errorRecordingEmpty',
  recording_security: 'errorRecordingPlayback',
  recording_playback: 'errorRecordingPlayback',
}

/** What an operator reads for a replay's error, in the labels' language. */
export function replayErrorMessage(
  error: Pick<ConsoleError, 'kind' | 'provider' | 'code' | 'status'>,
  labels: ConsoleLabels,
): string {
  if (error.code === 'recording_fetch') {
    const detail = error.status ? `HTTP ${error.status}` : labels.replayNetworkError
    return formatLabel(labels.errorRecordingFetch, { detail })
  }
  const key = error.code ? BY_CODE[error.code] : undefined
  return key ? labels[key] : consoleErrorMessage(error, labels)
}
