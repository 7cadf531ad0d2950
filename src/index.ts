'use client'
// The React entry point. It re-exports the React-free core so apps need one import.
export * from './core/index.js'
// Keys are a viewer concern: kept off the core entry, whose budget is for fetching and linking.
export { parseKeyCombo } from './core/parseKeyCombo.js'
export type { KeyStroke } from './core/KeyStroke.js'
export { cloudTowerVncOptions } from './react/cloudTowerVncOptions.js'
export type { CloudTowerVncQueryArgs } from './react/cloudTowerVncOptions.js'
export { ecsConsoleOptions } from './react/ecsConsoleOptions.js'
export type { EcsConsoleQueryArgs } from './react/ecsConsoleOptions.js'
export { useCloudTowerVnc } from './react/useCloudTowerVnc.js'
export { useEcsConsole } from './react/useEcsConsole.js'
export type { CredentialQueryOptions } from './react/CredentialQueryOptions.js'
export { ConsoleViewer } from './react/ConsoleViewer.js'
export type {
  ConsoleViewerProps,
  ConsoleViewProps,
  ConsoleViewerCallbacks,
} from './react/ConsoleViewerProps.js'
export type { ConsoleViewerHandle } from './react/ConsoleViewerHandle.js'
export type { ConsoleState, ConsoleStatus } from './react/ConsoleStatus.js'
export type { VncCredentials } from './react/VncCredentials.js'
export { useConsoleViewer } from './react/useConsoleViewer.js'
export type { ConsoleViewerContextValue } from './react/ConsoleViewerContext.js'
export { CloudTowerConsole } from './react/CloudTowerConsole.js'
export type { CloudTowerConsoleProps } from './react/CloudTowerConsole.js'
export { EcsConsole } from './react/EcsConsole.js'
export type { EcsConsoleProps } from './react/EcsConsole.js'
