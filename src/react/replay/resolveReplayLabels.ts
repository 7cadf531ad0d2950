import type { ConsoleReplayLabels } from '../../i18n/ConsoleReplayLabels.js'
import { enUSReplayLabels } from '../../i18n/enUSReplayLabels.js'
import { zhCNReplayLabels } from '../../i18n/zhCNReplayLabels.js'

/**
 * The replay's strings for `locale` (`zh-*` → zh-CN, else English) with `labels` on top. Its own
 * table only: the replay chunk does not carry the live console's strings.
 */
export function resolveReplayLabels(
  locale: string | undefined,
  labels?: Partial<ConsoleReplayLabels>,
): ConsoleReplayLabels {
  const base = locale?.toLowerCase().startsWith('zh') ? zhCNReplayLabels : enUSReplayLabels
  const defined = Object.entries(labels ?? {}).filter(([, value]) => typeof value === 'string')
  return { ...base, ...Object.fromEntries(defined) }
}
