// Node-only console test support (it imports `ws`): never from browser tests or stories.
export { upgradeStatus } from './upgradeStatus.js'
