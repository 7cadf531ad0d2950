import { expect, it } from 'vitest'
import { ecsVmState } from './ecsVmState.js'

it.each([
  // `status` values of ECS's "ECS Statuses" appendix and of its server details.
  ['ACTIVE', 'running'],
  ['SHUTOFF', 'stopped'],
  ['REBOOT', 'restarting'],
  ['HARD_REBOOT', 'restarting'],
  ['BUILD', 'starting'],
  ['SUSPENDED', 'suspended'],
  ['PAUSED', 'suspended'],
  ['DELETED', 'deleted'],
  ['SOFT_DELETED', 'deleted'],
  ['ERROR', 'unknown'],
  ['UNKNOWN', 'unknown'],
  ['MIGRATING', 'unknown'],
  ['RESIZE', 'unknown'],
  ['SHELVED', 'unknown'],
  ['constructor', 'unknown'],
  [undefined, 'unknown'],
])('status %s is %s', (status, state) => {
  expect(ecsVmState(status, null)).toBe(state)
})

it.each([
  // A task under way says more than the status it starts from.
  ['SHUTOFF', 'powering-on', 'starting'],
  ['SHUTOFF', 'powering_on', 'starting'],
  ['ACTIVE', 'powering-off', 'stopping'],
  ['ACTIVE', 'powering_off', 'stopping'],
  ['ACTIVE', 'rebooting', 'restarting'],
  ['ACTIVE', 'reboot_pending', 'restarting'],
  ['ACTIVE', 'reboot_started_hard', 'restarting'],
  ['ACTIVE', 'rebooting_hard', 'restarting'],
  // Tasks that are not about power leave the status to speak.
  ['ACTIVE', 'image_snapshot', 'running'],
  ['ACTIVE', '', 'running'],
  ['SHUTOFF', undefined, 'stopped'],
])('%s with task %s is %s', (status, task, state) => {
  expect(ecsVmState(status, task)).toBe(state)
})
