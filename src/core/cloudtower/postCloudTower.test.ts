import { expect, it } from 'vitest'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { jsonTestServerPerFile } from '../../../test/support/jsonTestServerPerFile.js'
import { postCloudTower } from './postCloudTower.js'

const test = jsonTestServerPerFile(200, () => [])
const args = () => ({ endpoint: `${test.server.url}/tower/`, token: 'raw-token' })

it('posts { where: { id } } to a REST operation, or the body given, with the raw token', async () => {
  await postCloudTower(args(), 'v2/api/get-vms', 'vm-1', 'VM id')
  await postCloudTower(args(), 'api', 'vm-1', 'VM id', { query: 'q' })
  const [rest, graphql] = test.server.requests
  expect(rest).toMatchObject({ method: 'POST', url: '/tower/v2/api/get-vms' })
  expect(JSON.parse(rest?.body ?? '')).toEqual({ where: { id: 'vm-1' } })
  expect(rest?.headers).toMatchObject({ authorization: 'raw-token', 'content-language': 'en-US' })
  expect(graphql).toMatchObject({ url: '/tower/api', body: '{"query":"q"}' })
})

it('names the missing id in its message, and sends nothing', async () => {
  const error = await consoleErrorOf(postCloudTower(args(), 'v2/api/get-tasks', '', 'task id'))
  expect(error).toMatchObject({ kind: 'invalid_input', message: 'No task id was given.' })
  expect(test.server.requests).toHaveLength(0)
})
