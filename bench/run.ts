// `npm run bench`: react-vm-console against bare noVNC in headless Chromium and the local fake
// cloud. A benchmark, not a test: it prints a table and writes bench-results/latest.json; goals
// that are missed are reported, not failed. Counts come from the environment (see CONFIG).
//
// One Node process holds the fake cloud (CloudTower API, relay, one RFB server per VM), the Vite
// servers that serve the bench page and proxy /tower and /__fake to the cloud (same origin, as a
// portal's reverse proxy would), and Playwright. Chromium is a second process.
//
// This file is the driver: lib/ starts things and takes measurements, scenarios/ holds one
// measurement each, report/ turns the numbers into the table, the goals and the JSON.
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { dirname } from 'node:path'
import { CONFIG } from './lib/CONFIG.ts'
import { describeMachine } from './lib/describeMachine.ts'
import { Disposer } from './lib/Disposer.ts'
import { startBench } from './lib/startBench.ts'
import { benchGoals } from './report/benchGoals.ts'
import { benchMarkdown } from './report/benchMarkdown.ts'
import type { BenchResults } from './report/BenchResults.ts'
import { benchTable } from './report/benchTable.ts'
import { linkGoals } from './report/linkGoals.ts'
import { linkTables } from './report/linkTables.ts'
import { summarizeLinks } from './report/summarizeLinks.ts'
import { summarizeResults } from './report/summarizeResults.ts'
import { churn } from './scenarios/churn.ts'
import { commitsWhileAnimating } from './scenarios/commitsWhileAnimating.ts'
import { firstFrame } from './scenarios/firstFrame.ts'
import { grid } from './scenarios/grid.ts'
import { inputLatency } from './scenarios/inputLatency.ts'
import { LINK_VARIANTS, linkProfiles } from './scenarios/linkProfiles.ts'
import { reconnect } from './scenarios/reconnect.ts'
import { startVm } from './scenarios/startVm.ts'
import { strictCounts } from './scenarios/strictCounts.ts'

async function main(): Promise<void> {
  const loadStart = os.loadavg()[0] ?? 0
  const disposer = new Disposer()
  const stopOnSignal = (signal: NodeJS.Signals) => {
    console.error(`\nbench: ${signal}, stopping everything`)
    void disposer.dispose().finally(() => process.exit(130))
  }
  process.once('SIGINT', stopOnSignal)
  process.once('SIGTERM', stopOnSignal)
  const deadline = setTimeout(() => {
    console.error(`bench: gave up after ${CONFIG.timeoutMs} ms`)
    void disposer.dispose().finally(() => process.exit(1))
  }, CONFIG.timeoutMs)
  deadline.unref()

  try {
    const step = (text: string) => console.log(`bench: ${text}`)
    const { env, proxyErrors } = await startBench(disposer, step)
    const phase = (name: string, text: string) => {
      env.phase = name
      step(text)
    }

    const linksPhase = () => {
      phase(
        'links',
        `link profiles ${CONFIG.links.join(', ')}: ${CONFIG.linkReps} × ${LINK_VARIANTS.length} page loads each, interleaved`,
      )
      return linkProfiles(env)
    }
    if (CONFIG.linksOnly) {
      const links = await linksPhase()
      const summary = summarizeLinks(links)
      const goals = linkGoals(summary)
      const machine = describeMachine(env.browser.version(), loadStart)
      const markdown = benchMarkdown(linkTables(summary), goals, machine)
      console.log(`\n${markdown}`)
      await mkdir(dirname(CONFIG.out), { recursive: true })
      const json = { date: new Date().toISOString(), machine, goals, raw: { links }, markdown }
      await writeFile(CONFIG.out, `${JSON.stringify(json, null, 2)}\n`)
      console.log(`bench: wrote ${CONFIG.out}`)
      return
    }

    phase('first frame', `first frame: ${CONFIG.reps} × 4 variants, interleaved`)
    const first = await firstFrame(env)
    phase('input latency', `input latency: ${CONFIG.keys} keys × 2`)
    const keys = await inputLatency(env)
    phase('reconnect', `reconnect: ${CONFIG.reconnects} drops`)
    const again = await reconnect(env)
    phase(
      'start vm',
      `Start VM → first frame: ${CONFIG.starts} starts (${CONFIG.powerDelayMs} ms delay)`,
    )
    const starts = await startVm(env)
    phase('grid', `${CONFIG.grid} consoles: ${CONFIG.gridReps} × 2 runs of ${CONFIG.seconds} s`)
    const grids = await grid(env)
    phase('churn', `${CONFIG.cycles} mount/unmount cycles × 3`)
    const cycles = await churn(env)
    phase('strict', `StrictMode (development): ${CONFIG.strictMounts} mounts × 3`)
    const strict = await strictCounts(env)
    phase('commits', `React commits while the screen changes (development): ${CONFIG.seconds} s`)
    const commits = await commitsWhileAnimating(env)
    const links = await linksPhase()

    const results: BenchResults = {
      first,
      keys,
      again,
      starts,
      grids,
      cycles,
      strict,
      commits,
      links,
    }
    const machine = describeMachine(env.browser.version(), loadStart)
    const summary = summarizeResults(results)
    const goals = benchGoals(results, summary)
    const tables = `${benchTable(results, summary)}\n\n${linkTables(summarizeLinks(links))}`
    const markdown = benchMarkdown(tables, goals, machine)
    console.log(`\n${markdown}`)
    if (env.pageErrors.length > 0) {
      console.log(`Page errors (${env.pageErrors.length}), first 5:`)
      for (const error of env.pageErrors.slice(0, 5)) console.log(`  ${error}`)
    }

    await mkdir(dirname(CONFIG.out), { recursive: true })
    const json = {
      date: new Date().toISOString(),
      machine,
      config: { ...CONFIG, out: undefined },
      goals,
      summary: { ...summary.s, gridBare: summary.gBare, gridOurs: summary.gOurs },
      raw: {
        first,
        keys,
        reconnect: again,
        startVm: starts,
        grids,
        cycles,
        strict,
        commits,
        links,
      },
      pageErrors: env.pageErrors,
      proxyErrors: proxyErrors(),
      markdown,
    }
    await writeFile(CONFIG.out, `${JSON.stringify(json, null, 2)}\n`)
    console.log(`bench: wrote ${CONFIG.out}`)
  } finally {
    clearTimeout(deadline)
    await disposer.dispose()
  }
}

main().catch((error: unknown) => {
  console.error('bench: failed:', error)
  process.exitCode = 1
})
