import { randomBytes } from 'node:crypto'
import { isVmRunning } from './isVmRunning.ts'
import type {
  FakeCloudInventory,
  FakeCloudTowerVm,
  FakeEcsServer,
  FakePowerAction,
  FakePowerControl,
  FakePowerOperation,
} from './types.ts'

/** What the server does to a VM's screens and sockets when its power changes. */
export interface PowerEffects {
  /** The VM went off: end its live consoles. */
  stopped(resourceId: string): void
  /** The VM came up: its screen boots. */
  started(resourceId: string): void
  /** The guest resets now: end its consoles, its screen boots; `hard` for a force restart. */
  restarting(resourceId: string, hard: boolean): void
}

type Vm = { provider: 'cloudtower'; vm: FakeCloudTowerVm } | { provider: 'ecs'; vm: FakeEcsServer }

// Nova's task_state while each action runs on an ECS server (status in brackets when it changes).
const ECS_DURING: Record<FakePowerAction, [status: FakeEcsServer['status'] | null, task: string]> =
  {
    start: [null, 'powering-on'],
    shutdown: [null, 'powering-off'],
    poweroff: [null, 'powering-off'],
    restart: ['REBOOT', 'rebooting'],
    forceRestart: ['HARD_REBOOT', 'rebooting_hard'],
  }
// Nova's action names, for its "Cannot '<action>' instance … in vm_state …" message.
const NOVA_ACTION: Record<FakePowerAction, string> = {
  start: 'start',
  shutdown: 'stop',
  poweroff: 'stop',
  restart: 'reboot',
  forceRestart: 'reboot',
}

/**
 * Power state per VM / ECS server, and the CloudTower tasks and ECS jobs that change it: each
 * operation is pending, then running after a quarter of `delayMs`, then succeeds at `delayMs`
 * (the VM's status changes then; a restart resets the guest when it starts running). An action
 * the VM's state does not allow, or one while another runs, fails at once, as a task / job.
 */
export function createPowerControl(options: {
  inventory: FakeCloudInventory
  delayMs: number
  effects: PowerEffects
  now?: () => number
}): FakePowerControl {
  const { inventory, delayMs, effects } = options
  const now = options.now ?? Date.now
  const operations = new Map<string, FakePowerOperation>()
  const timers = new Set<NodeJS.Timeout>()
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      run()
    }, ms)
    timers.add(timer)
  }

  const find = (provider: 'cloudtower' | 'ecs', id: string): Vm | undefined => {
    if (provider === 'cloudtower') {
      const vm = inventory.cloudTower.vms.find((candidate) => candidate.id === id)
      return vm && { provider, vm }
    }
    const vm = inventory.ecs.servers.find((candidate) => candidate.serverId === id)
    return vm && { provider, vm }
  }
  const setStatus = (target: Vm, running: boolean) => {
    if (target.provider === 'cloudtower') target.vm.status = running ? 'RUNNING' : 'STOPPED'
    else {
      target.vm.status = running ? 'ACTIVE' : 'SHUTOFF'
      target.vm.taskState = null
    }
  }
  const inFlight = (resourceId: string) =>
    [...operations.values()].find(
      (op) => op.resourceId === resourceId && (op.phase === 'pending' || op.phase === 'running'),
    )

  const refusal = (target: Vm, action: FakePowerAction): FakePowerOperation['error'] => {
    if (inFlight(idOf(target))) {
      return target.provider === 'cloudtower'
        ? { code: 'ResourceLocked', message: 'The VM is locked by another task.' }
        : { code: 'Ecs.0000', message: 'Another job is running on this server.' }
    }
    const running = isVmRunning(target.vm.status)
    if (target.vm.status === 'DELETED' || running !== (action !== 'start')) {
      const state = target.vm.status === 'DELETED' ? 'deleted' : running ? 'active' : 'stopped'
      return target.provider === 'cloudtower'
        ? {
            code: running ? 'VM_ALREADY_RUNNING' : 'VM_NOT_RUNNING',
            message: `The VM is ${target.vm.status}.`,
          }
        : {
            code: 'Ecs.0000',
            message: `Cannot '${NOVA_ACTION[action]}' instance ${idOf(target)} while it is in vm_state ${state}`,
          }
    }
    return undefined
  }

  return {
    request(provider, resourceId, action) {
      const target = find(provider, resourceId)
      if (!target) throw new Error(`No ${provider} VM ${resourceId}`)
      const operation: FakePowerOperation = {
        id: randomBytes(16).toString('hex'),
        provider,
        resourceId,
        action,
        phase: 'pending',
        createdAt: now(),
      }
      const error = refusal(target, action)
      operations.set(operation.id, operation)
      if (error) {
        Object.assign(operation, { phase: 'failed', finishedAt: operation.createdAt, error })
        return { ...operation }
      }
      if (target.provider === 'ecs') {
        const [status, task] = ECS_DURING[action]
        if (status) target.vm.status = status
        target.vm.taskState = task
      }
      later(delayMs / 4, () => {
        if (operation.phase !== 'pending') return
        operation.phase = 'running'
        operation.startedAt = now()
        if (action === 'restart' || action === 'forceRestart') {
          effects.restarting(resourceId, action === 'forceRestart')
        }
      })
      later(delayMs, () => {
        if (operation.phase !== 'running') return
        operation.phase = 'success'
        operation.finishedAt = now()
        const running = action === 'start' || action === 'restart' || action === 'forceRestart'
        setStatus(target, running)
        if (action === 'start') effects.started(resourceId)
        else if (!running) effects.stopped(resourceId)
      })
      return { ...operation }
    },
    get(id) {
      const operation = operations.get(id)
      return operation && { ...operation }
    },
    inFlight(resourceId) {
      const operation = inFlight(resourceId)
      return operation && { ...operation }
    },
    force(resourceId, state) {
      const target = find('cloudtower', resourceId) ?? find('ecs', resourceId)
      if (!target) return false
      // The VM changed under the running task: it fails, as the real one would.
      const current = inFlight(resourceId)
      if (current) {
        Object.assign(current, {
          phase: 'failed',
          finishedAt: now(),
          error: { code: 'INTERRUPTED', message: 'The VM changed state during the operation.' },
        })
      }
      const wasRunning = isVmRunning(target.vm.status)
      setStatus(target, state === 'running')
      if (state === 'stopped') effects.stopped(resourceId)
      else if (!wasRunning) effects.started(resourceId)
      return true
    },
    close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}

const idOf = (target: Vm) => (target.provider === 'cloudtower' ? target.vm.id : target.vm.serverId)
