// `react-vm-console/i18n`: the built-in strings, as a template for another language. The viewer
// loads them with its own code; the package entry stays small.
export { enUSLabels } from '../react/i18n/enUSLabels.js'
export { zhCNLabels } from '../react/i18n/zhCNLabels.js'
export type { ConsoleLabels } from '../react/i18n/ConsoleLabels.js'
export type { ConsoleLocale } from '../react/i18n/ConsoleLocale.js'
