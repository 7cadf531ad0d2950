import { expect, it } from 'vitest'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { jsonTestServerPerFile } from '../../../test/support/jsonTestServerPerFile.js'
import { requestEcsApi } from './requestEcsApi.js'

const test = jsonTestServerPerFile(200, () => ({}))
const args = () => ({ endpoint: test.server.url, projectId: 'p/1', authToken: 'iam' })

it('GETs without a body, POSTs a body as JSON, under /v1/{project_id} (encoded)', async () => {
  await requestEcsApi(args(), 'jobs/j')
  await requestEcsApi(args(), 'cloudservers/action', { 'os-start': { servers: [] } })
  const [get, post] = test.server.requests
  expect(get).toMatchObject({ method: 'GET', url: '/v1/p%2F1/jobs/j', body: '' })
  expect(get?.headers['x-auth-token']).toBe('iam')
  expect(post).toMatchObject({ method: 'POST', url: '/v1/p%2F1/cloudservers/action' })
  expect(JSON.parse(post?.body ?? '')).toEqual({ 'os-start': { servers: [] } })
})

it('refuses a project id of dots, and sends nothing', async () => {
  const error = await consoleErrorOf(requestEcsApi({ ...args(), projectId: '..' }, 'jobs/j'))
  expect(error.kind).toBe('invalid_input')
  expect(test.server.requests).toHaveLength(0)
})
