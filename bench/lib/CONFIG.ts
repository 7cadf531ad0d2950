import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

const quick = process.env.BENCH_QUICK === '1'
const count = (name: string, full: number, short: number) => {
  const value = Number(process.env[name] ?? (quick ? short : full))
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`)
  return value
}
/** The run's counts and output file, from the environment (BENCH_*). */
export const CONFIG = {
  /** First-frame samples per variant (each on a freshly loaded page). */
  reps: count('BENCH_REPS', 20, 3),
  /** Key presses per variant for input latency. */
  keys: count('BENCH_KEYS', 60, 10),
  reconnects: count('BENCH_RECONNECTS', 7, 2),
  reconnectDelayMs: count('BENCH_RECONNECT_DELAY_MS', 100, 100),
  cycles: count('BENCH_CYCLES', 200, 20),
  /**
   * Mount/unmount cycles before the heap is first read: enough to fill the browser's bounded
   * buffers (250 resource timings, 150 layout shifts) and let the JIT settle, so "before" is a
   * page in its steady state and growth after it is the page's own.
   */
  warmup: count('BENCH_WARMUP', 150, 20),
  grid: count('BENCH_GRID', 16, 16),
  gridReps: count('BENCH_GRID_REPS', 2, 1),
  /** How long screens animate for the frame-rate and commit measurements. */
  seconds: count('BENCH_SECONDS', 5, 2),
  strictMounts: count('BENCH_STRICT_MOUNTS', 5, 2),
  /** Start VM clicks on a stopped VM. */
  starts: count('BENCH_STARTS', 7, 3),
  /** How long the fake cloud takes to start a VM (its `powerDelayMs`). */
  powerDelayMs: count('BENCH_POWER_DELAY_MS', 300, 300),
  /** Page loads per scenario and link profile (each in a fresh browser context: cold cache). */
  linkReps: count('BENCH_LINK_REPS', 7, 2),
  /** Link profiles to run (names from LINK_PROFILES), comma-separated. */
  links: (process.env.BENCH_LINKS ?? (quick ? '40ms' : 'loopback,40ms,150ms'))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
  /** BENCH_LINKS_ONLY=1: only the link profiles, not the loopback scenarios. */
  linksOnly: process.env.BENCH_LINKS_ONLY === '1',
  /** The whole run gives up (and cleans up) after this long. */
  timeoutMs: count('BENCH_TIMEOUT_MS', 30 * 60_000, 8 * 60_000),
  out: resolve(root, process.env.BENCH_OUT ?? 'bench-results/latest.json'),
  /** BENCH_QUICK=1: the short counts, for trying the bench out. */
  quick,
}
