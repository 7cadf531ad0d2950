import type { Browser } from 'playwright-core'
import type { RfbServer } from '../../fake-cloud/rfb/RfbServer.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'

/** What every scenario runs against: the fake cloud, the page servers' URLs and Chromium. */
export interface BenchEnv {
  cloud: FakeCloudHandle
  browser: Browser
  prodUrl: string
  devUrl: string
  token: string
  vmIds: string[]
  vm: string
  /** A STOPPED CloudTower VM (Start VM scenario). */
  stoppedVm: string
  server: RfbServer
  pageErrors: string[]
  /** The scenario running now, to label page errors. */
  phase: string
}
