import { describe, expect, it } from 'vitest'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { ecsJob } from '../../../test/support/ecsBodies.js'
import { json } from '../../../test/support/json.js'
import { jsonTestServerPerFile } from '../../../test/support/jsonTestServerPerFile.js'
import { ConsoleError } from '../errors/ConsoleError.js'
import { fetchCloudTowerTask } from '../cloudtower/fetchCloudTowerTask.js'
import { fetchEcsJob } from '../ecs/fetchEcsJob.js'
import type { PowerTask } from './PowerTask.js'
import { waitForPowerTask } from './waitForPowerTask.js'

const test = jsonTestServerPerFile(200, () => [])
const TOKEN = 'c2VjcmV0LXRvd2VyLXRva2Vu-4711'

// Answers the given bodies in turn, the last one for ever.
const answerInTurn = (bodies: unknown[]) => {
  let i = 0
  test.server.handle((_, res) => json(res, 200, bodies[Math.min(i++, bodies.length - 1)]))
}
const task = (status: PowerTask['status']): PowerTask => ({ status, cloudStatus: status })

describe('waitForPowerTask', () => {
  it('follows a CloudTower task until it succeeded', async () => {
    const towerTask = (status: string) => [{ id: 't1', status, progress: 0.5 }]
    answerInTurn([towerTask('PENDING'), towerTask('EXECUTING'), towerTask('SUCCESSED')])
    const seen: string[] = []
    const done = await waitForPowerTask({
      provider: 'cloudtower',
      poll: (signal) =>
        fetchCloudTowerTask({ endpoint: test.server.url, token: TOKEN, taskId: 't1', signal }),
      intervalMs: 5,
      onTask: (t) => seen.push(t.cloudStatus),
    })
    expect(done).toEqual({ status: 'succeeded', cloudStatus: 'SUCCESSED' })
    expect(seen).toEqual(['PENDING', 'EXECUTING', 'SUCCESSED'])
    expect(test.server.requests).toHaveLength(3)
  })

  it('rejects with the cloud’s code and reason when an ECS job failed, and stops polling', async () => {
    answerInTurn([
      ecsJob('RUNNING'),
      ecsJob('FAIL', { error_code: 'Ecs.0610', fail_reason: 'Insufficient resources.' }),
    ])
    const error = await consoleErrorOf(
      waitForPowerTask({
        provider: 'ecs',
        poll: (signal) =>
          fetchEcsJob({ endpoint: test.server.url, projectId: 'p', jobId: 'j', signal }),
        intervalMs: 5,
      }),
    )
    expect(error).toMatchObject({ kind: 'server', provider: 'ecs', code: 'Ecs.0610' })
    expect(error.retryable).toBe(false)
    expect(error.message).toContain('Insufficient resources.')
    expect(test.server.requests).toHaveLength(2)
  })

  it('says task_failed when the cloud gives no code', async () => {
    const error = await consoleErrorOf(
      waitForPowerTask({ provider: 'cloudtower', poll: () => Promise.resolve(task('failed')) }),
    )
    expect(error).toMatchObject({ kind: 'server', code: 'task_failed' })
  })

  it('reads again after a transient failure, but not after three in a row', async () => {
    const blip = new ConsoleError({ kind: 'network', provider: 'ecs', message: 'blip' })
    const answers = [blip, blip, task('running'), task('succeeded')]
    let calls = 0
    const poll = () => {
      const next = answers[calls++]!
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next)
    }
    await expect(waitForPowerTask({ provider: 'ecs', poll, intervalMs: 1 })).resolves.toEqual(
      task('succeeded'),
    )
    calls = 0
    answers.splice(0, answers.length, blip, blip, blip, task('succeeded'))
    expect(await consoleErrorOf(waitForPowerTask({ provider: 'ecs', poll, intervalMs: 1 }))).toBe(
      blip,
    )
  })

  it('gives up at once on a failure that reading again cannot fix', async () => {
    const refused = new ConsoleError({ kind: 'unauthorized', provider: 'ecs', message: 'no' })
    let calls = 0
    const poll = () => {
      calls++
      return Promise.reject(refused)
    }
    expect(await consoleErrorOf(waitForPowerTask({ provider: 'ecs', poll }))).toBe(refused)
    expect(calls).toBe(1)
  })

  it('times out while a task runs, also in the middle of a read', async () => {
    const running = () => Promise.resolve(task('running'))
    const slow = waitForPowerTask({ provider: 'ecs', poll: running, intervalMs: 10, timeoutMs: 60 })
    expect((await consoleErrorOf(slow)).kind).toBe('timeout')
    test.server.handle(() => undefined) // never answers
    const hanging = waitForPowerTask({
      provider: 'cloudtower',
      poll: (signal) =>
        fetchCloudTowerTask({ endpoint: test.server.url, token: TOKEN, taskId: 't', signal }),
      timeoutMs: 80,
    })
    const error = await consoleErrorOf(hanging, [TOKEN])
    expect(error.kind).toBe('timeout')
    expect(error.message).toMatch(/did not finish within 0.08 s/)
  })

  it('is aborted by its signal, before a read or while waiting between two', async () => {
    const controller = new AbortController()
    controller.abort()
    let calls = 0
    const poll = () => {
      calls++
      return Promise.resolve(task('running'))
    }
    const before = waitForPowerTask({ provider: 'ecs', poll, signal: controller.signal })
    expect((await consoleErrorOf(before)).kind).toBe('aborted')
    expect(calls).toBe(0)
    const later = new AbortController()
    const waiting = waitForPowerTask({
      provider: 'ecs',
      poll,
      intervalMs: 60_000,
      signal: later.signal,
    })
    setTimeout(() => later.abort(), 20)
    expect((await consoleErrorOf(waiting)).kind).toBe('aborted')
    expect(calls).toBe(1)
  })

  it('turns anything but a ConsoleError from poll into one', async () => {
    const error = await consoleErrorOf(
      waitForPowerTask({ provider: 'ecs', poll: () => Promise.reject(new TypeError('x')) }),
    )
    expect(error.kind).toBe('invalid_response')
  })

  it('refuses a timeout that is not positive', async () => {
    const poll = () => Promise.resolve(task('succeeded'))
    for (const timeoutMs of [0, -1, Number.NaN]) {
      const error = await consoleErrorOf(waitForPowerTask({ provider: 'ecs', poll, timeoutMs }))
      expect(error.kind).toBe('invalid_input')
    }
  })
})
