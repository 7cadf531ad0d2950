import { ConsoleError } from '../errors/ConsoleError.js'
import type { PowerTask } from './PowerTask.js'
import { providerName } from '../errors/providerName.js'
import { truncate } from '../errors/truncate.js'

export interface WaitForPowerTaskArgs {
  provider: 'cloudtower' | 'ecs'
  /** Reads the task once, e.g. `(signal) => fetchEcsJob({ ...args, jobId, signal })`. */
  poll: (signal: AbortSignal) => Promise<PowerTask>
  /** Between two reads; default 1 000 ms. */
  intervalMs?: number | undefined
  /** For the whole wait; default 300 000 ms (CloudTower's SDKs wait as long). */
  timeoutMs?: number | undefined
  signal?: AbortSignal | undefined
  /** Each read, as it comes. */
  onTask?: ((task: PowerTask) => void) | undefined
}

// Reads that fail for a moment (a network blip, a 502) in a row before the wait gives up.
const MAX_TRANSIENT_FAILURES = 3

/**
 * Polls a power action's task (CloudTower) or job (ECS) until it is done. Resolves with the
 * finished task; rejects with a `server` error carrying the cloud's code and reason when it failed,
 * `timeout` when it took too long, `aborted` when `signal` fired.
 */
export async function waitForPowerTask(args: WaitForPowerTaskArgs): Promise<PowerTask> {
  const { provider, signal, intervalMs = 1_000, timeoutMs = 300_000 } = args
  const name = providerName(provider)
  const fail = (kind: 'timeout' | 'aborted' | 'invalid_input', message: string) =>
    new ConsoleError({ kind, provider, message })
  if (!(timeoutMs > 0) || !(intervalMs >= 0)) {
    throw fail('invalid_input', 'timeoutMs must be positive and intervalMs not negative.')
  }
  // Whole milliseconds up to 2^31 - 1, as requestJson; Infinity means no timeout.
  const timeout =
    timeoutMs < Infinity
      ? AbortSignal.timeout(Math.min(Math.ceil(timeoutMs), 2 ** 31 - 1))
      : undefined
  const both = AbortSignal.any([signal, timeout].filter((s) => s !== undefined))
  let failures = 0
  try {
    for (;;) {
      both.throwIfAborted()
      let task: PowerTask | undefined
      try {
        task = await args.poll(both)
        failures = 0
      } catch (error) {
        // The caller's signal and the timeout are handled below; a blip is read again.
        if (both.aborted || !ConsoleError.is(error) || !error.retryable) throw error
        if (++failures >= MAX_TRANSIENT_FAILURES) throw error
      }
      if (task) {
        args.onTask?.(task)
        if (task.status === 'succeeded') return task
        if (task.status === 'failed') {
          throw new ConsoleError({
            kind: 'server',
            provider,
            code: task.code ?? 'task_failed',
            // The cloud tried and failed: asking it again the same way fails the same way.
            retryable: false,
            message: truncate(
              `${name} could not carry out the power action${task.reason ? `: ${task.reason}` : '.'}`,
              400,
            ),
          })
        }
      }
      await new Promise<void>((resolve, reject) => {
        const abort = () => {
          clearTimeout(timer)
          reject(both.reason as Error)
        }
        const timer = setTimeout(() => {
          both.removeEventListener('abort', abort)
          resolve()
        }, intervalMs)
        both.addEventListener('abort', abort, { once: true })
      })
    }
  } catch (error) {
    throw signal?.aborted
      ? fail('aborted', `Waiting for ${name}'s power action was cancelled.`)
      : timeout?.aborted
        ? fail('timeout', `${name}'s power action did not finish within ${timeoutMs / 1000} s.`)
        : ConsoleError.is(error)
          ? error
          : new ConsoleError({
              kind: 'invalid_response',
              provider,
              message: `The state of ${name}'s power action could not be read.`,
              cause: error,
            })
  }
}
