import type { presenceLabels } from './presenceLabels.js'

/** `<GatewayConsole>`'s own strings (presence and the observer note), which `labels` may replace. */
export type GatewayConsoleLabels = {
  readonly [K in keyof (typeof presenceLabels)['en-US']]: string
}
