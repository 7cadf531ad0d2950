import { errorKinds, type ConsoleErrorKind } from './errorKinds.js'

export type { ConsoleErrorKind } from './errorKinds.js'

/** Which side reported the error. */
export type ConsoleErrorProvider = 'cloudtower' | 'ecs' | 'vnc'

export interface ConsoleErrorInit {
  kind: ConsoleErrorKind
  provider: ConsoleErrorProvider
  message: string
  status?: number
  code?: string
  /** Defaults by kind: transient failures (network, timeout, 5xx, 429, drops) are retryable. */
  retryable?: boolean
  cause?: unknown
}

/**
 * The one error type of react-vm-console. Its message is written for an operator and never
 * carries a token, password or Authorization value.
 */
export class ConsoleError extends Error {
  override readonly name = 'ConsoleError'
  // Declared only: the constructor sets them, and an error without a status or code has no such
  // key (cleaner logs and snapshots).
  declare readonly kind: ConsoleErrorKind
  declare readonly provider: ConsoleErrorProvider
  declare readonly status?: number
  declare readonly code?: string
  declare readonly retryable: boolean

  constructor(init: ConsoleErrorInit) {
    // Error reads `cause` from its options; none given leaves no `cause` key.
    super(init.message, init.cause === undefined ? undefined : init)
    this.kind = init.kind
    this.provider = init.provider
    if (init.status !== undefined) this.status = init.status
    if (init.code !== undefined) this.code = init.code
    this.retryable = init.retryable ?? errorKinds.retryable(init.kind)
  }

  /** True for a ConsoleError, also one from another copy of this package. */
  static is(value: unknown): value is ConsoleError {
    return (
      value instanceof Error &&
      value.name === 'ConsoleError' &&
      typeof (value as Partial<ConsoleError>).kind === 'string'
    )
  }
}
