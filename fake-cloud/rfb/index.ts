// The fake VM's RFB server: public pieces only.
export { RfbServer } from './RfbServer.ts'
export type { RfbServerOptions, RfbServerEvents, RfbPowerAction } from './RfbServer.ts'
export { RfbSession } from './RfbSession.ts'
export type {
  RfbSessionEvents,
  RfbSessionHost,
  RfbSessionInfo,
  RfbSessionSettings,
  RfbSessionState,
  RfbSentUpdate,
} from './RfbSession.ts'
export { listenRfbTcp } from './listenRfbTcp.ts'
export type { RfbTcpListener, RfbTcpOptions } from './listenRfbTcp.ts'
export { listenRfbWebSocket } from './listenRfbWebSocket.ts'
export type { RfbWebSocketListener, RfbWebSocketOptions } from './listenRfbWebSocket.ts'
export { attachRfbWebSocket } from './attachRfbWebSocket.ts'
export { socketChannel } from './socketChannel.ts'
export { webSocketChannel } from './webSocketChannel.ts'
export type { RfbChannel } from './RfbChannel.ts'
export { Framebuffer } from './Framebuffer.ts'
export type { Rgb } from './Framebuffer.ts'
export { LivingScene } from './LivingScene.ts'
export type { RfbClientMessage, RfbScreen } from './RfbClientMessage.ts'
export type { RfbKey } from './RfbKey.ts'
export type { RfbPixelFormat } from './RfbPixelFormat.ts'
export type { RfbRect } from './RfbRect.ts'
export { RfbTestClient } from './RfbTestClient.ts'
export { RfbHandshakeError } from './RfbHandshakeError.ts'
export type { RfbServerInit, RfbServerMessage, RfbTestRect } from './RfbTestClient.ts'
export { vncAuthResponse } from './vncAuthResponse.ts'
