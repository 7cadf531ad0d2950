// The audit events the gateway emits (option `audit`). Types only, so they live together.
import type { ConsoleErrorKind } from '../../core/errors/ConsoleError.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { RecordingOutcome } from '../recording/RecordingOutcome.js'
import type { ConsoleMode, GatewayAction } from '../types.js'

/** Fields every event has. */
export interface AuditEventCommon {
  /** When it happened, ISO 8601 (UTC). */
  time: string
  /** The replica that saw it (`options.replica`). */
  replica: string
}

/** Who did it, on which VM, from where. */
export interface AuditActor {
  /** `authorize`'s `user`, or `address:{client address}` when it answered `true`. */
  user: string
  provider: 'cloudtower' | 'ecs'
  /** CloudTower's `vmId` or ECS's `serverId`. */
  vmId: string
  /** The client's address, when the handler knows it (node's, not `fetch`). */
  address?: string
}

/** One console, from its ticket to its end: `sessionId` is random, made when the ticket is issued. */
export interface AuditSession extends AuditActor {
  sessionId: string
  mode: ConsoleMode
}

/** A console was granted: its ticket was issued. */
export interface ConsoleGrantedEvent extends AuditEventCommon, AuditSession {
  type: 'console.granted'
  /** `authorize` let this user end other viewers' sessions (the RFB shared flag is not forced). */
  exclusive: boolean
  /** Power actions granted with it. */
  actions: VmPowerAction[]
}

/** A request or websocket refused, by a check or by `authorize`, or failed on its way. */
export interface ConsoleRefusedEvent
  extends AuditEventCommon, Partial<AuditActor>, Partial<Pick<AuditSession, 'sessionId'>> {
  type: 'console.refused'
  /** `request`: `POST {path}` (and /state, /power); `websocket`: the ticket's redemption. */
  stage: 'request' | 'websocket'
  /** What was asked for, when known. */
  action?: GatewayAction
  /** The HTTP status the client got. */
  status: number
  kind: ConsoleErrorKind
  /** The client's message (never a secret: the gateway's own words). */
  reason: string
  /** The cloud's or the gateway's code, when there is one. */
  code?: string
}

/** The browser is attached to the console: the relay runs. */
export interface SessionStartEvent extends AuditEventCommon, AuditSession {
  type: 'session.start'
}

/** The relay ended (both sockets closed). */
export interface SessionEndEvent extends AuditEventCommon, AuditSession {
  type: 'session.end'
  durationMs: number
  bytesToBrowser: number
  bytesToConsole: number
  /**
   * The first close code seen: the one the closing side sent (1005: none), 1006 for a socket
   * that vanished or was cut off, or the gateway's own (1001 closing, 4000 idle, 1009 too big,
   * 4400 a client breaking the RFB protocol). Null when unknown (ended by a sweep).
   */
  closeCode: number | null
  /** `unknown`: the session's replica died and a sweep ended it. */
  closedBy: 'browser' | 'console' | 'gateway' | 'unknown'
  /** What the relay saw: `browser`, `upstream`, `idle`, `browser unresponsive`, `browser cut off`, … */
  reason?: string
  /** Why the gateway cut the session for breaking the RFB protocol (types and lengths, no bytes). */
  protocolError?: string
  /** When the session was recorded (option `record`). */
  recording?: RecordingOutcome
}

/** A power action `authorize` granted, before the cloud is asked. Linked by `requestId`. */
export interface PowerRequestedEvent extends AuditEventCommon, AuditActor {
  type: 'power.requested'
  action: VmPowerAction
  requestId: string
}

/** The cloud accepted the power action. */
export interface PowerAcceptedEvent extends AuditEventCommon, AuditActor {
  type: 'power.accepted'
  action: VmPowerAction
  requestId: string
  /** The cloud's task (CloudTower) or job (ECS), when it gave one. */
  taskId?: string
}

/** The power action failed: refused by the cloud or a limit (`request`), or its task failed (`task`). */
export interface PowerFailedEvent extends AuditEventCommon, AuditActor {
  type: 'power.failed'
  action: VmPowerAction
  requestId: string
  stage: 'request' | 'task'
  kind: ConsoleErrorKind
  reason: string
  code?: string
}

/** Clipboard text sent to the console: its length only, never the text. */
export interface ClipboardEvent extends AuditEventCommon, AuditSession {
  type: 'clipboard'
  direction: 'toConsole'
  /** Bytes of text (Latin-1 for plain RFB; for the extended clipboard, its deflated payload). */
  length: number
  /** The extended clipboard's Provide (noVNC's UTF-8 clipboard). */
  extended?: boolean
  /** Dropped by observe mode: it never reached the VM. */
  dropped: boolean
}

/** A key pressed or released in the console; only with `auditKeys: true`. */
export interface KeyEvent extends AuditEventCommon, AuditSession {
  type: 'key'
  /** X11 keysym (0x61 is `a`). */
  keysym: number
  down: boolean
  dropped: boolean
}

export type AuditEvent =
  | ConsoleGrantedEvent
  | ConsoleRefusedEvent
  | SessionStartEvent
  | SessionEndEvent
  | PowerRequestedEvent
  | PowerAcceptedEvent
  | PowerFailedEvent
  | ClipboardEvent
  | KeyEvent

type WithoutStamp<T> = T extends unknown ? Omit<T, 'time' | 'replica'> : never

/** An event as the gateway's steps hand it over; `ctx.audit` adds `time` and `replica`. */
export type AuditEventInput = WithoutStamp<AuditEvent>
