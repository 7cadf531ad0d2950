// `react-vm-console/i18n`: the built-in strings, as a template for another language. The viewer
// loads them with its own code; the package entry stays small.
export { enUSLabels } from './enUSLabels.js'
export { zhCNLabels } from './zhCNLabels.js'
export type { ConsoleLabels } from './ConsoleLabels.js'
export type { ConsoleLocale } from './ConsoleLocale.js'
export { enUSReplayLabels } from './enUSReplayLabels.js'
export { zhCNReplayLabels } from './zhCNReplayLabels.js'
export type { ConsoleReplayLabels } from './ConsoleReplayLabels.js'
export { presenceLabels } from './presenceLabels.js'
export type { GatewayConsoleLabels } from './GatewayConsoleLabels.js'
