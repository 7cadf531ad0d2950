/**
 * The built-in English strings of `<ConsoleReplay>` (its own table, so the live console's chunk
 * does not carry them). Its `labels` prop may replace any of them.
 */
export const enUSReplayLabels = {
  replay: 'Console recording',
  replayNamed: 'Console recording: {user} on {vm}',
  replayControls: 'Playback controls',
  replayLoading: 'Loading the recording…',
  replayPlay: 'Play',
  replayPause: 'Pause',
  replayPlayAgain: 'Play again',
  replaySpeed: 'Speed',
  replaySpeedValue: '{speed}×',
  replayPosition: 'Position',
  replayTime: '{elapsed} of {total}',
  replayEnded: 'End of the recording',
  replayIncomplete: 'This recording is incomplete: {reason}.',
  replayReasonSizeCap: 'the size limit per session was reached',
  replayReasonSinkFailed: 'storing it failed',
  replayReasonSinkTooSlow: 'the storage could not keep up',
  replayReasonCutOff: 'it ends abruptly (the gateway stopped or the file was cut)',
  replayKeyboardHint:
    'Space: play or pause. Left and Right arrows: back or forward 5 seconds. Home and End: start and end. Up and Down arrows: speed.',
  errorNotARecording: 'This file is not a console recording.',
  errorRecordingVersion:
    'This recording was made by a newer version of react-vm-console. Update the package to play it.',
  errorRecordingEmpty:
    'The recorded session ended before the console showed its screen: there is nothing to replay.',
  errorRecordingFetch:
    'The recording could not be downloaded ({detail}). Check the address and the network, then retry.',
  errorRecordingPlayback: 'The recording could not be played: its console stream is damaged.',
  replayNetworkError: 'network error',
  errorReplayCode: 'The replay could not load its code. Check the network, then retry.',
  retry: 'Retry',
}
