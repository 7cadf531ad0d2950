import type { enUSLabels } from './enUSLabels.js'

/** Every string the console shows or announces; `labels` may override any of them. */
export type ConsoleLabels = { readonly [K in keyof typeof enUSLabels]: string }
