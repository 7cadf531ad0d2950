import type { enUSReplayLabels } from './enUSReplayLabels.js'

/** Every string `<ConsoleReplay>` shows; its `labels` may override any of them. */
export type ConsoleReplayLabels = { readonly [K in keyof typeof enUSReplayLabels]: string }
