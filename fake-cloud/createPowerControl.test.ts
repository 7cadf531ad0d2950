import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { createPowerControl } from './createPowerControl.ts'
import { defaultInventory } from './defaultInventory.ts'

const WEB = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const DB = '9a1c7d52-3e4b-4f60-8a71-b2c3d4e5f607'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function setup() {
  const inventory = defaultInventory()
  const events: string[] = []
  const power = createPowerControl({
    inventory,
    delayMs: 1000,
    effects: {
      stopped: (id) => events.push(`stopped ${id}`),
      started: (id) => events.push(`started ${id}`),
      restarting: (id, hard) => events.push(`${hard ? 'hard ' : ''}restarting ${id}`),
    },
  })
  const vm = (id: string) => inventory.cloudTower.vms.find((candidate) => candidate.id === id)
  const server = (id: string) =>
    inventory.ecs.servers.find((candidate) => candidate.serverId === id)
  return { inventory, events, power, vm, server }
}

it('starts a stopped VM over the delay: pending, running, then success and RUNNING', () => {
  const { power, vm, events } = setup()
  const task = power.request('cloudtower', 'vm-stopped-01', 'start')
  expect(task.phase).toBe('pending')
  expect(power.inFlight('vm-stopped-01')?.id).toBe(task.id)
  vi.advanceTimersByTime(250)
  expect(power.get(task.id)?.phase).toBe('running')
  expect(vm('vm-stopped-01')?.status).toBe('STOPPED')
  vi.advanceTimersByTime(750)
  expect(power.get(task.id)).toMatchObject({ phase: 'success', finishedAt: expect.any(Number) })
  expect(vm('vm-stopped-01')?.status).toBe('RUNNING')
  expect(power.inFlight('vm-stopped-01')).toBeUndefined()
  expect(events).toEqual(['started vm-stopped-01'])
})

it('shows the ECS task_state while a job runs, and the final status after', () => {
  const { power, server, events } = setup()
  power.request('ecs', DB, 'start')
  expect(server(DB)).toMatchObject({ status: 'SHUTOFF', taskState: 'powering-on' })
  vi.advanceTimersByTime(1000)
  expect(server(DB)).toMatchObject({ status: 'ACTIVE', taskState: null })

  power.request('ecs', WEB, 'forceRestart')
  expect(server(WEB)).toMatchObject({ status: 'HARD_REBOOT', taskState: 'rebooting_hard' })
  vi.advanceTimersByTime(250)
  expect(events).toEqual([`started ${DB}`, `hard restarting ${WEB}`])
  vi.advanceTimersByTime(750)
  expect(server(WEB)).toMatchObject({ status: 'ACTIVE', taskState: null })

  power.request('ecs', WEB, 'shutdown')
  expect(server(WEB)).toMatchObject({ status: 'ACTIVE', taskState: 'powering-off' })
  vi.advanceTimersByTime(1000)
  expect(server(WEB)).toMatchObject({ status: 'SHUTOFF', taskState: null })
  expect(events.at(-1)).toBe(`stopped ${WEB}`)
})

it('resets the guest when a restart starts running, and keeps it RUNNING', () => {
  const { power, vm, events } = setup()
  const task = power.request('cloudtower', 'vm-ubuntu-01', 'restart')
  expect(events).toEqual([])
  vi.advanceTimersByTime(250)
  expect(events).toEqual(['restarting vm-ubuntu-01'])
  expect(vm('vm-ubuntu-01')?.status).toBe('RUNNING')
  vi.advanceTimersByTime(750)
  expect(power.get(task.id)?.phase).toBe('success')
})

it('fails at once what the state does not allow, and what comes while a task runs', () => {
  const { power, vm, server } = setup()
  expect(power.request('cloudtower', 'vm-ubuntu-01', 'start')).toMatchObject({
    phase: 'failed',
    error: { code: 'VM_ALREADY_RUNNING' },
  })
  expect(power.request('cloudtower', 'vm-stopped-01', 'poweroff')).toMatchObject({
    phase: 'failed',
    error: { code: 'VM_NOT_RUNNING' },
  })
  expect(power.request('ecs', DB, 'restart')).toMatchObject({
    phase: 'failed',
    error: {
      code: 'Ecs.0000',
      message: `Cannot 'reboot' instance ${DB} while it is in vm_state stopped`,
    },
  })
  power.request('cloudtower', 'vm-ubuntu-01', 'shutdown')
  expect(power.request('cloudtower', 'vm-ubuntu-01', 'poweroff')).toMatchObject({
    phase: 'failed',
    error: { code: 'ResourceLocked' },
  })
  vi.advanceTimersByTime(1000)
  expect(vm('vm-ubuntu-01')?.status).toBe('STOPPED')
  expect(server(DB)?.status).toBe('SHUTOFF')
  expect(() => power.request('ecs', 'no-such-server', 'start')).toThrow('No ecs VM')
})

it('stops a VM at once for the chaos panel, failing the task that ran on it', () => {
  const { power, vm, events } = setup()
  const task = power.request('cloudtower', 'vm-ubuntu-01', 'restart')
  expect(power.force('vm-ubuntu-01', 'stopped')).toBe(true)
  expect(vm('vm-ubuntu-01')?.status).toBe('STOPPED')
  expect(power.get(task.id)).toMatchObject({ phase: 'failed', error: { code: 'INTERRUPTED' } })
  vi.advanceTimersByTime(1000)
  expect(vm('vm-ubuntu-01')?.status).toBe('STOPPED')
  expect(events).toEqual(['stopped vm-ubuntu-01'])
  expect(power.force('vm-ubuntu-01', 'running')).toBe(true)
  expect(power.force('vm-ubuntu-01', 'running')).toBe(true)
  expect(events).toEqual(['stopped vm-ubuntu-01', 'started vm-ubuntu-01'])
  expect(power.force('nothing', 'stopped')).toBe(false)
})

it('cancels its timers on close', () => {
  const { power, vm } = setup()
  power.request('cloudtower', 'vm-stopped-01', 'start')
  power.close()
  vi.advanceTimersByTime(5000)
  expect(vm('vm-stopped-01')?.status).toBe('STOPPED')
})
