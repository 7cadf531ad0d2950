import type { RfbClientMessage } from './RfbClientMessage.ts'

/** One kind of client message, by its `type`. */
export type RfbClientMessageOf<T extends RfbClientMessage['type']> = Extract<
  RfbClientMessage,
  { type: T }
>
