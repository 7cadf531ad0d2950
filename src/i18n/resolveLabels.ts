import type { ConsoleLabels } from './ConsoleLabels.js'
import type { ConsoleLocale } from './ConsoleLocale.js'
import { enUSLabels } from './enUSLabels.js'
import { zhCNLabels } from './zhCNLabels.js'

/**
 * The strings for `locale` with `labels` on top. A locale the package does not ship falls back by
 * language (`zh-*` → zh-CN), then to English.
 */
export function resolveLabels(
  locale: ConsoleLocale | (string & {}) | undefined,
  labels?: Partial<ConsoleLabels>,
): ConsoleLabels {
  const base = locale?.toLowerCase().startsWith('zh') ? zhCNLabels : enUSLabels
  if (!labels) return base
  const defined = Object.entries(labels).filter(([, value]) => typeof value === 'string')
  return { ...base, ...Object.fromEntries(defined) }
}
