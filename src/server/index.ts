// The Node entry point `react-vm-console/server`: no React, no DOM.
export { createConsoleGateway } from './createConsoleGateway.js'
export { createMemoryGatewayStore } from './createMemoryGatewayStore.js'
export type { GatewayStore } from './GatewayStore.js'
export { sharedConsoleGateway } from './sharedConsoleGateway.js'
export { signHuaweiRequest } from './signHuaweiRequest.js'
export type { HuaweiSignInput, HuaweiSignature } from './signHuaweiRequest.js'
export type {
  AuthorizeResult,
  CloudTowerProviderOptions,
  ConsoleGateway,
  ConsoleGatewayOptions,
  ConsoleGatewayStats,
  ConsoleTarget,
  EcsProviderOptions,
  GatewayConsoleTicket,
  GatewayErrorBody,
  GatewayLimits,
  GatewayLogger,
  GatewayRequest,
  GatewayTlsOptions,
} from './types.js'
export { ConsoleError } from '../core/ConsoleError.js'
export type { ConsoleErrorKind } from '../core/ConsoleError.js'
