// Console test support for tests that run in Node (the node project, fake-cloud's tests): the ws
// client imports `ws`, so never from browser tests or stories.
export { ecsSocketUrl } from '../ecsSocketUrl.js'
export { upgradeStatus } from './upgradeStatus.js'
export { requestFakeEcsConsole } from './requestFakeEcsConsole.js'
