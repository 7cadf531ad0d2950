// Every state and power fetcher, against every error shape its cloud documents, with the token
// echoed in every field a cloud could put it in: no message ever holds the token.
import { describe, expect, it } from 'vitest'
import { consoleErrorOf } from '../support/consoleErrorOf.ts'
import { json } from '../support/json.ts'
import { jsonTestServerPerFile } from '../support/jsonTestServerPerFile.ts'
import { fetchCloudTowerTask } from '../../src/core/cloudtower/fetchCloudTowerTask.js'
import { fetchCloudTowerVmState } from '../../src/core/cloudtower/fetchCloudTowerVmState.js'
import { requestCloudTowerPowerAction } from '../../src/core/cloudtower/requestCloudTowerPowerAction.js'
import { fetchEcsJob } from '../../src/core/ecs/fetchEcsJob.js'
import { fetchEcsServerState } from '../../src/core/ecs/fetchEcsServerState.js'
import { requestEcsPowerAction } from '../../src/core/ecs/requestEcsPowerAction.js'
import { waitForPowerTask } from '../../src/core/power/waitForPowerTask.js'

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbg.c2lnbmF0dXJl'
const test = jsonTestServerPerFile(500, () => ({}))
const endpoint = () => test.server.url

const fetchers = {
  fetchCloudTowerVmState: () =>
    fetchCloudTowerVmState({ endpoint: endpoint(), token: TOKEN, vmId: 'v' }),
  requestCloudTowerPowerAction: () =>
    requestCloudTowerPowerAction({
      endpoint: endpoint(),
      token: TOKEN,
      vmId: 'v',
      action: 'start',
    }),
  fetchCloudTowerTask: () =>
    fetchCloudTowerTask({ endpoint: endpoint(), token: TOKEN, taskId: 't' }),
  fetchEcsServerState: () =>
    fetchEcsServerState({ endpoint: endpoint(), projectId: 'p', serverId: 's', authToken: TOKEN }),
  requestEcsPowerAction: () =>
    requestEcsPowerAction({
      endpoint: endpoint(),
      projectId: 'p',
      serverId: 's',
      authToken: TOKEN,
      action: 'poweroff',
    }),
  fetchEcsJob: () =>
    fetchEcsJob({ endpoint: endpoint(), projectId: 'p', jobId: 'j', authToken: TOKEN }),
}

// The token, and the token percent-encoded, in every field of every documented error shape.
const echo = `token ${TOKEN} (${encodeURIComponent(TOKEN)})`
const bodies = [
  { code: 'ResourceLocked', message: echo, status: 400, path: `/v2/api/start-vm?t=${TOKEN}` },
  { message: echo, status: 401, path: '/v2/api/get-vms' },
  { error: { code: 'Ecs.0003', message: echo, details: [{ code: 'x', message: echo }] } },
  { error_code: 'APIGW.0301', error_msg: echo },
  { errors: [{ code: 'PERMISSION_DENIED', message: echo }] },
]

describe('no token in any message of the state and power fetchers', () => {
  for (const [name, call] of Object.entries(fetchers)) {
    it.each([400, 401, 403, 404, 409, 429, 500, 200])(`${name}, HTTP %i`, async (status) => {
      for (const body of bodies) {
        test.server.handle((_, res) => json(res, status, body))
        const error = await consoleErrorOf(call(), [TOKEN, encodeURIComponent(TOKEN)])
        expect(JSON.stringify(error)).not.toContain(TOKEN)
      }
    })
  }

  it('nor in a failed task’s message when the cloud echoes it (the token is not ours to know there)', async () => {
    test.server.handle((_, res) =>
      json(res, 200, [{ id: 't', status: 'FAILED', error_code: 'E', error_message: 'no luck' }]),
    )
    const error = await consoleErrorOf(
      waitForPowerTask({ provider: 'cloudtower', poll: () => fetchers.fetchCloudTowerTask() }),
      [TOKEN],
    )
    expect(error).toMatchObject({ kind: 'server', code: 'E' })
  })

  it('nor in a network error', async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError(`refused ${TOKEN}`))
    const error = await consoleErrorOf(
      fetchEcsJob({
        endpoint: '/ecs',
        projectId: 'p',
        jobId: 'j',
        authToken: TOKEN,
        fetch: failing,
      }),
      [TOKEN],
    )
    expect(error.kind).toBe('network')
  })
})
