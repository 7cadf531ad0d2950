// Console test support for the jsdom and Chromium projects: nothing here imports a Node module.
// Node tests use ./node. Stories import the framework-free files one by one instead of this index,
// which pulls in Vitest and Testing Library through waitForState and loadedConsole.
export { consoleRoot } from './consoleRoot.js'
export { FAST_RECONNECT } from './FAST_RECONNECT.js'
export { KEYSYM } from './KEYSYM.js'
export { loadedConsole } from './loadedConsole.js'
export { stateOf } from './stateOf.js'
export { waitForState } from './waitForState.js'
