import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { ConsoleReplayLabels } from '../../i18n/ConsoleReplayLabels.js'
import { formatLabel } from '../../i18n/formatLabel.js'

const BY_CODE: Readonly<Record<string, keyof ConsoleReplayLabels>> = {
  not_a_recording: 'errorNotARecording',
  recording_version: 'errorRecordingVersion',
  recording_empty: 'errorRecordingEmpty',
  replay_code: 'errorReplayCode',
}

/**
 * What an operator reads for a replay's error, in the labels' language. Every error the replay
 * makes has a code; anything else reads as a damaged stream.
 */
export function replayErrorMessage(
  error: Pick<ConsoleError, 'code' | 'status'>,
  labels: ConsoleReplayLabels,
): string {
  if (error.code === 'recording_fetch') {
    const detail = error.status ? `HTTP ${error.status}` : labels.replayNetworkError
    return formatLabel(labels.errorRecordingFetch, { detail })
  }
  return labels[(error.code && BY_CODE[error.code]) || 'errorRecordingPlayback']
}
