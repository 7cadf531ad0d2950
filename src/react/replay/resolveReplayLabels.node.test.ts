import { describe, expect, it } from 'vitest'
import { enUSReplayLabels } from '../../i18n/enUSReplayLabels.js'
import { zhCNReplayLabels } from '../../i18n/zhCNReplayLabels.js'
import { resolveReplayLabels } from './resolveReplayLabels.js'

describe('resolveReplayLabels', () => {
  it('picks the language and lets labels win', () => {
    expect(resolveReplayLabels(undefined).replayPlay).toBe('Play')
    const zh = resolveReplayLabels('zh-TW', { replayPause: '停', replayPlay: undefined })
    expect([zh.replayPlay, zh.replayPause, zh.retry]).toEqual(['播放', '停', '重试'])
  })

  it('has every string in both languages', () => {
    expect(Object.keys(zhCNReplayLabels).sort()).toEqual(Object.keys(enUSReplayLabels).sort())
  })
})
