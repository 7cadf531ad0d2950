import { describe, expect, it } from 'vitest'
import { resolveReplayLabels } from './resolveReplayLabels.js'
import { replayErrorMessage } from './replayErrorMessage.js'

const vnc = { provider: 'vnc' as const }

const en = resolveReplayLabels('en-US')
const zh = resolveReplayLabels('zh-CN')

describe('replayErrorMessage', () => {
  it('says what is wrong with the file, in both languages', () => {
    const notOne = { ...vnc, kind: 'invalid_input' as const, code: 'not_a_recording' }
    expect(replayErrorMessage(notOne, en)).toBe('This file is not a console recording.')
    expect(replayErrorMessage(notOne, zh)).toBe('此文件不是控制台录像。')
    const newer = { ...vnc, kind: 'invalid_input' as const, code: 'recording_version' }
    expect(replayErrorMessage(newer, en)).toMatch(/newer version.*Update/)
  })

  it('names the HTTP status or the network for a failed download, never the URL', () => {
    const missing = { ...vnc, kind: 'not_found' as const, code: 'recording_fetch', status: 404 }
    expect(replayErrorMessage(missing, en)).toBe(
      'The recording could not be downloaded (HTTP 404). Check the address and the network, then retry.',
    )
    const offline = { ...vnc, kind: 'network' as const, code: 'recording_fetch' }
    expect(replayErrorMessage(offline, zh)).toBe(
      '无法下载录像（网络错误）。请检查地址和网络后重试。',
    )
  })

  it('reads anything else as a damaged stream', () => {
    expect(replayErrorMessage({ code: 'recording_security' }, en)).toBe(
      'The recording could not be played: its console stream is damaged.',
    )
    expect(replayErrorMessage({}, zh)).toBe('无法播放此录像：其控制台数据流已损坏。')
  })
})
