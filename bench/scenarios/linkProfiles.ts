import type { LinkMarks } from '../page/LinkMarks.ts'
import { MARKER } from '../page/marker.ts'
import type { BenchEnv } from '../lib/BenchEnv.ts'
import { CONFIG } from '../lib/CONFIG.ts'
import { LINK_PROFILES } from '../lib/LINK_PROFILES.ts'
import { NetworkLink } from '../lib/NetworkLink.ts'
import { rotate } from '../lib/rotate.ts'
import { startDelayProxy } from '../lib/startDelayProxy.ts'
import { startTlsFront } from '../lib/startTlsFront.ts'

/**
 * - `bare`: eager bare noVNC (bench/page/eager.tsx);
 * - `cold`: <CloudTowerConsole> on a fresh page, nothing preloaded;
 * - `preload`: preloadConsole(), then <CloudTowerConsole> (timed from its mount);
 * - `gateway`: <GatewayConsole> on a fresh page, ticket and relay through the page's origin.
 */
export type LinkScenario = 'bare' | 'cold' | 'preload' | 'gateway'
/**
 * `cross`: the CloudTower API on its own origin (CORS preflight); `same`: `endpoint="/tower"`;
 * `h2`: same-origin with the page's server behind TLS and HTTP/2 (bench/lib/startTlsFront.ts).
 */
export type LinkOrigin = 'cross' | 'same' | 'h2'

export interface LinkVariant {
  origin: LinkOrigin
  scenario: LinkScenario
}

/** The gateway is mounted on the page's origin, as portals do: same-origin only. */
export const LINK_VARIANTS: readonly LinkVariant[] = [
  { origin: 'cross', scenario: 'bare' },
  { origin: 'cross', scenario: 'cold' },
  { origin: 'cross', scenario: 'preload' },
  { origin: 'same', scenario: 'bare' },
  { origin: 'same', scenario: 'cold' },
  { origin: 'same', scenario: 'preload' },
  { origin: 'same', scenario: 'gateway' },
  { origin: 'h2', scenario: 'bare' },
  { origin: 'h2', scenario: 'cold' },
  { origin: 'h2', scenario: 'preload' },
]

/**
 * The screen of the VM the link scenarios open. The fake VNC server sends Raw only: 320×200 at
 * 32 bits is 256 KB for the first frame, about what a tight- or ZRLE-encoded desktop weighs
 * (a raw 1024×768 screen, 3 MB, would spend 1.3 s of the 20 Mbit/s on pixels alone).
 */
export const LINK_SCREEN = { width: 320, height: 200 }

export interface LinkRun extends LinkVariant {
  profile: string
  marks: LinkMarks[]
  failures: string[]
}

/**
 * Every connection the page makes crosses one simulated link (bench/lib/startDelayProxy.ts): a
 * delay proxy in front of the page's server (the page, its chunks, /tower and the gateway behind
 * it) and one in front of the fake cloud (the cross-origin API and its websocket), sharing the
 * link's bandwidth. Each sample is a fresh browser context (cold HTTP cache, no open
 * connections) navigating to a page that starts its console at once; the variants take turns.
 */
export async function linkProfiles(env: BenchEnv) {
  const profiles = CONFIG.links.map((name) => {
    const profile = LINK_PROFILES.find((candidate) => candidate.name === name)
    if (!profile) throw new Error(`BENCH_LINKS: no link profile named ${name}`)
    return profile
  })
  const link = new NetworkLink(profiles[0] ?? { name: 'loopback', rttMs: 0, mbitPerS: Infinity })
  const port = (url: string) => Number(new URL(url).port)
  const pageProxy = await startDelayProxy({ host: '127.0.0.1', port: port(env.prodUrl) }, link)
  const apiProxy = await startDelayProxy({ host: '127.0.0.1', port: port(env.cloud.url) }, link)
  // TLS and HTTP/2 are spoken across the link: the delay proxy sits in front of the TLS front.
  const tlsFront = await startTlsFront(env.prodUrl)
  const h2Proxy = await startDelayProxy({ host: '127.0.0.1', port: tlsFront.port }, link)
  const pageOrigin = {
    cross: pageProxy.url,
    same: pageProxy.url,
    h2: `https://127.0.0.1:${h2Proxy.port}`,
  }
  const runs: LinkRun[] = []
  // A VM of its own (not the one the loopback scenarios use), its screen made small for the run.
  const vm = env.vmIds[1] ?? env.vm
  const screen = env.cloud.vncServers.get(vm)?.framebuffer
  if (!screen) throw new Error(`no VNC server for ${vm}`)
  const resize = (width: number, height: number) => {
    env.cloud.vncServers.get(vm)?.resize(width, height)
    screen.fillRect(MARKER.x, MARKER.y, MARKER.size, MARKER.size, MARKER.rgb)
  }
  const before = { width: screen.width, height: screen.height }
  resize(LINK_SCREEN.width, LINK_SCREEN.height)
  try {
    for (const profile of profiles) {
      link.set(profile)
      const byVariant = LINK_VARIANTS.map((variant) => ({
        ...variant,
        profile: profile.name,
        marks: [] as LinkMarks[],
        failures: [] as string[],
      }))
      runs.push(...byVariant)
      // Rep -1 warms up the servers and the JIT of the Node side, and is not recorded.
      for (let rep = -1; rep < CONFIG.linkReps; rep++) {
        for (const run of rotate(byVariant, rep)) {
          const endpoint = run.origin === 'cross' ? apiProxy.url : '/tower'
          const query = new URLSearchParams({
            scenario: run.scenario,
            endpoint,
            token: env.token,
            vm,
          })
          const path = run.scenario === 'bare' ? 'eager/eager.html' : 'link/link.html'
          const marks = await loadOnce(env, `${pageOrigin[run.origin]}/${path}?${query}`)
          if (rep < 0) continue
          const h2 = run.origin === 'h2'
          if (marks.frame === undefined) run.failures.push(marks.error ?? 'no frame')
          else if (h2 !== (marks.protocol === 'h2')) run.failures.push(`over ${marks.protocol}`)
          else run.marks.push(marks)
        }
      }
    }
  } finally {
    resize(before.width, before.height)
    await pageProxy.close()
    await apiProxy.close()
    await h2Proxy.close()
    await tlsFront.close()
    link.clear()
  }
  return { profiles, runs }
}

async function loadOnce(env: BenchEnv, url: string): Promise<LinkMarks> {
  // The TLS front's certificate is self-signed.
  const context = await env.browser.newContext({
    viewport: { width: 1280, height: 800 },
    ignoreHTTPSErrors: true,
  })
  try {
    const page = await context.newPage()
    page.on('pageerror', (error) => env.pageErrors.push(`${env.phase}: ${String(error)}`))
    await page.goto(url, { waitUntil: 'commit' })
    await page
      .waitForFunction(
        () => window.linkMarks?.frame !== undefined || window.linkMarks?.error !== undefined,
        undefined,
        { timeout: 30_000, polling: 50 },
      )
      .catch(() => {})
    return await page.evaluate(() => ({ ...window.linkMarks }))
  } finally {
    await context.close()
  }
}
