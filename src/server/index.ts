// The Node entry point `react-vm-console/server`: no React, no DOM.
export { createConsoleGateway } from './createConsoleGateway.js'
export { createMemoryGatewayStore } from './store/createMemoryGatewayStore.js'
export type { GatewayStore } from './store/GatewayStore.js'
export { sharedConsoleGateway } from './sharedConsoleGateway.js'
export { signHuaweiRequest } from './providers/signHuaweiRequest.js'
export type { HuaweiSignInput, HuaweiSignature } from './providers/signHuaweiRequest.js'
export type {
  AuthorizeContext,
  AuthorizeResult,
  CloudTowerProviderOptions,
  ConsoleGateway,
  ConsoleGatewayOptions,
  ConsoleGatewayStats,
  ConsoleMode,
  ConsoleTarget,
  EcsProviderOptions,
  GatewayAction,
  GatewayConsoleTicket,
  GatewayErrorBody,
  GatewayLimits,
  GatewayLogger,
  GatewayRequest,
  GatewayTlsOptions,
  GatewayPowerAccepted,
  GatewayVmState,
  GatewayPresence,
  GatewayViewer,
} from './types.js'
export type { VmPowerAction } from '../core/power/VmPowerAction.js'
export type { VmStateInfo } from '../core/power/VmStateInfo.js'
export { ConsoleError } from '../core/errors/ConsoleError.js'
export type { ConsoleErrorKind } from '../core/errors/ConsoleError.js'
export { createJsonLinesAuditSink } from './audit/createJsonLinesAuditSink.js'
export type { JsonLinesAuditSink } from './audit/createJsonLinesAuditSink.js'
export type {
  AuditActor,
  AuditEvent,
  AuditEventCommon,
  AuditSession,
  ClipboardEvent,
  ConsoleGrantedEvent,
  ConsoleRefusedEvent,
  KeyEvent,
  PowerAcceptedEvent,
  PowerFailedEvent,
  PowerRequestedEvent,
  SessionEndEvent,
  SessionStartEvent,
} from './audit/AuditEvent.js'
export { createSessionRecorder } from './recording/createSessionRecorder.js'
export { createFileRecordingSink } from './recording/createFileRecordingSink.js'
export type { RecordedSession } from './recording/RecordedSession.js'
export type { RecordingOutcome } from './recording/RecordingOutcome.js'
export type { RecordingSink } from './recording/RecordingSink.js'
export type { RecordOptions } from './recording/RecordOptions.js'
export type { SessionRecorder } from './recording/SessionRecorder.js'
