export { ConsoleError } from './errors/ConsoleError.js'
export type {
  ConsoleErrorInit,
  ConsoleErrorKind,
  ConsoleErrorProvider,
} from './errors/ConsoleError.js'
export type { CloudTowerVnc } from './cloudtower/CloudTowerVnc.js'
export type { CloudTowerLinkTarget } from './cloudtower/CloudTowerLinkTarget.js'
export type { EcsRemoteConsole } from './ecs/EcsRemoteConsole.js'
export { fetchCloudTowerVnc } from './cloudtower/fetchCloudTowerVnc.js'
export type { FetchCloudTowerVncArgs } from './cloudtower/fetchCloudTowerVnc.js'
export { fetchEcsRemoteConsole } from './ecs/fetchEcsRemoteConsole.js'
export type { FetchEcsRemoteConsoleArgs } from './ecs/fetchEcsRemoteConsole.js'
export { buildCloudTowerVncUrl } from './cloudtower/buildCloudTowerVncUrl.js'
export { buildEcsConsoleUrl } from './ecs/buildEcsConsoleUrl.js'
export type { BuildEcsConsoleUrlOptions } from './ecs/buildEcsConsoleUrl.js'
export type { ReconnectPolicy } from './connection/reconnectDelay.js'
