import type { ConsoleReplayLabels } from './ConsoleReplayLabels.js'

/** `<ConsoleReplay>` 的内置中文文案。 */
export const zhCNReplayLabels: ConsoleReplayLabels = {
  replay: '控制台录像',
  replayNamed: '控制台录像：{user} 在 {vm}',
  replayControls: '播放控制',
  replayLoading: '正在加载录像…',
  replayPlay: '播放',
  replayPause: '暂停',
  replayPlayAgain: '重新播放',
  replaySpeed: '速度',
  replaySpeedValue: '{speed}×',
  replayPosition: '播放位置',
  replayTime: '{elapsed} / {total}',
  replayEnded: '录像已结束',
  replayIncomplete: '此录像不完整：{reason}。',
  replayReasonSizeCap: '已达到每个会话的大小上限',
  replayReasonSinkFailed: '保存录像失败',
  replayReasonSinkTooSlow: '存储速度跟不上',
  replayReasonCutOff: '录像意外中断（网关已停止或文件被截断）',
  replayKeyboardHint:
    '空格键：播放或暂停。左右方向键：后退或前进 5 秒。Home 和 End：开头和结尾。上下方向键：调整速度。',
  errorNotARecording: '此文件不是控制台录像。',
  errorRecordingVersion: '此录像由更新版本的 react-vm-console 生成。请升级该软件包后再播放。',
  errorRecordingEmpty: '录制的会话在控制台显示画面之前就已结束：没有可回放的内容。',
  errorRecordingFetch: '无法下载录像（{detail}）。请检查地址和网络后重试。',
  errorRecordingPlayback: '无法播放此录像：其控制台数据流已损坏。',
  replayNetworkError: '网络错误',
  errorReplayCode: '无法加载回放程序。请检查网络后重试。',
  retry: '重试',
}
