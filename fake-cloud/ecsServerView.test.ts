import { expect, it } from 'vitest'
import { ecsServerView } from './ecsServerView.ts'
import type { FakeEcsServer } from './types.ts'

const server: FakeEcsServer = {
  projectId: 'p1',
  serverId: 's1',
  name: 'web',
  status: 'SHUTOFF',
  vnc: '127.0.0.1:5900',
}

it('answers status with the vm_state, task_state and power_state behind it', () => {
  expect(ecsServerView(server)).toEqual({
    server: {
      id: 's1',
      name: 'web',
      status: 'SHUTOFF',
      tenant_id: 'p1',
      'OS-EXT-STS:vm_state': 'stopped',
      'OS-EXT-STS:task_state': '',
      'OS-EXT-STS:power_state': 4,
      'OS-EXT-STS:locked': false,
    },
  })
  expect(
    ecsServerView({ ...server, status: 'HARD_REBOOT', taskState: 'rebooting_hard' }).server,
  ).toMatchObject({
    status: 'HARD_REBOOT',
    'OS-EXT-STS:vm_state': 'active',
    'OS-EXT-STS:task_state': 'rebooting_hard',
    'OS-EXT-STS:power_state': 1,
  })
  expect(ecsServerView({ ...server, status: 'DELETED' }).server['OS-EXT-STS:vm_state']).toBe(
    'deleted',
  )
})
