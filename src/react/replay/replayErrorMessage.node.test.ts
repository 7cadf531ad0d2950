import { describe, expect, it } from 'vitest'
import { enUSLabels } from '../../i18n/enUSLabels.js'
import { zhCNLabels } from '../../i18n/zhCNLabels.js'
import { replayErrorMessage } from './replayErrorMessage.js'

const vnc = { provider: 'vnc' as const }

describe('replayErrorMessage', () => {
  it('says what is wrong with the file, in both languages', () => {
    const notOne = { ...vnc, kind: 'invalid_input' as const, code: 'not_a_recording' }
    expect(replayErrorMessage(notOne, enUSLabels)).toBe('This file is not a console recording.')
    expect(replayErrorMessage(notOne, zhCNLabels)).toBe('此文件不是控制台录像。')
    const newer = { ...vnc, kind: 'invalid_input' as const, code: 'recording_version' }
    expect(replayErrorMessage(newer, enUSLabels)).toMatch(/newer version.*Update/)
  })

  it('names the HTTP status or the network for a failed download, never the URL', () => {
    const missing = { ...vnc, kind: 'not_found' as const, code: 'recording_fetch', status: 404 }
    expect(replayErrorMessage(missing, enUSLabels)).toBe(
      'The recording could not be downloaded (HTTP 404). Check the address and the network, then retry.',
    )
    const offline = { ...vnc, kind: 'network' as const, code: 'recording_fetch' }
    expect(replayErrorMessage(offline, zhCNLabels)).toBe(
      '无法下载录像（网络错误）。请检查地址和网络后重试。',
    )
  })

  it('falls back to the console message of the kind', () => {
    expect(replayErrorMessage({ ...vnc, kind: 'network' }, enUSLabels)).toBe(
      enUSLabels.errorNetwork.replace('{provider}', enUSLabels.providerVnc),
    )
  })
})
