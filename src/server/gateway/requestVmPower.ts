import { randomUUID } from 'node:crypto'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { AuditActor } from '../audit/AuditEvent.js'
import { auditTarget } from '../audit/auditTarget.js'
import { auditUser } from '../audit/auditUser.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { VmStateInfo } from '../../core/power/VmStateInfo.js'
import { waitForPowerTask } from '../../core/power/waitForPowerTask.js'
import { describeTarget } from '../describeTarget.js'
import type { ConsoleSource } from '../providers/UpstreamConsole.js'
import { toGatewayError, type GatewayError } from '../toGatewayError.js'
import type { ConsoleTarget, GatewayPowerAccepted } from '../types.js'
import { hitRequestLimits } from './hitRequestLimits.js'
import { powerUnderWayState } from './powerUnderWayState.js'
import { slotGroup } from './slotGroup.js'
import type { GatewayContext, Reply } from './types.js'

// How often the gateway reads a power task it follows; CloudTower's SDKs wait 300 s at most.
const FOLLOW_INTERVAL_MS = 1_000
const FOLLOW_TIMEOUT_MS = 300_000

/**
 * `POST {path}/power`, once `authorize` granted the action: asks the cloud, answers 202 with the
 * VM's state as soon as the cloud accepted, and follows the task (job) in the background, logging
 * how it ended. Counted as a console request.
 */
export async function requestVmPower(
  ctx: GatewayContext,
  source: ConsoleSource,
  target: ConsoleTarget,
  action: VmPowerAction,
  user: string,
  address: string | undefined,
  signal: AbortSignal,
): Promise<Reply> {
  const requestId = randomUUID()
  const actor: AuditActor & { action: VmPowerAction; requestId: string } = {
    user: auditUser(user),
    ...auditTarget(target),
    ...(address !== undefined && { address }),
    action,
    requestId,
  }
  const failed = (stage: 'request' | 'task', error: GatewayError['body']['error']) =>
    ctx.audit({
      type: 'power.failed',
      ...actor,
      stage,
      kind: error.kind,
      reason: error.message,
      ...(error.code !== undefined && { code: error.code }),
    })
  ctx.audit({ type: 'power.requested', ...actor })
  let limited
  try {
    limited = await hitRequestLimits(
      ctx,
      `requests:${slotGroup(user)}`,
      ctx.limits.requestsPerMinutePerUser,
    )
  } catch (error) {
    failed('request', toGatewayError(error).body.error)
    throw error
  }
  if (limited) {
    failed('request', (limited as GatewayError).body.error)
    return limited
  }
  const vm = describeTarget(target)
  const id = target.provider === 'cloudtower' ? target.vmId : target.serverId
  let taskId
  try {
    ;({ taskId } = await source.power(id, action, signal))
  } catch (error) {
    const answer = busyInWords(toGatewayError(error, ctx.secrets()), target)
    ctx.log(answer.status >= 500 ? 'error' : 'warn', `Power action ${action} on ${vm} failed.`, {
      user,
      address,
      action,
      error,
    })
    failed('request', answer.body.error)
    return answer
  }
  ctx.log('info', `Power action ${action} on ${vm} accepted.`, { user, address, action, taskId })
  ctx.audit({ type: 'power.accepted', ...actor, ...(taskId && { taskId }) })
  const key = `${target.provider}:${id}`
  const entry = { action }
  if (taskId) {
    ctx.powerUnderWay.set(key, entry)
    waitForPowerTask({
      provider: target.provider,
      poll: (s) => source.task(taskId, s),
      intervalMs: FOLLOW_INTERVAL_MS,
      timeoutMs: FOLLOW_TIMEOUT_MS,
      signal: ctx.following.signal,
    })
      .then(
        (task) =>
          ctx.log('info', `Power action ${action} on ${vm} succeeded.`, {
            user,
            action,
            taskId,
            cloudStatus: task.cloudStatus,
          }),
        (error: unknown) => {
          // The gateway is closing and stopped following: the task did not fail, its end is unknown.
          if (ctx.following.signal.aborted) {
            ctx.log(
              'info',
              `Stopped following power action ${action} on ${vm}: the gateway closed.`,
              {
                user,
                action,
                taskId,
              },
            )
            return
          }
          ctx.log('warn', `Power action ${action} on ${vm} did not succeed.`, {
            user,
            action,
            taskId,
            // The cloud's code (`VM_ALREADY_RUNNING`, `Ecs.0610`): what an audit searches for.
            ...(ConsoleError.is(error) && error.code && { code: error.code }),
            error,
          })
          failed('task', toGatewayError(error, ctx.secrets()).body.error)
        },
      )
      .finally(() => {
        if (ctx.powerUnderWay.get(key) === entry) ctx.powerUnderWay.delete(key)
      })
  } else {
    ctx.log('info', `Power action ${action} on ${vm} succeeded.`, { user, action })
  }
  let state: VmStateInfo
  try {
    state = powerUnderWayState(await source.state(id, signal), taskId ? action : undefined)
  } catch {
    // The action is under way all the same; the browser's next `/state` will tell.
    state = { state: 'unknown', cloudStatus: 'UNKNOWN' }
  }
  const body: GatewayPowerAccepted = { state }
  return { status: 202, body }
}

// The console's words for a conflict speak of opening a console; here the VM is busy.
function busyInWords(answer: GatewayError, target: ConsoleTarget): GatewayError {
  if (answer.body.error.kind !== 'conflict') return answer
  const cloud = target.provider === 'cloudtower' ? 'CloudTower' : 'Huawei Cloud'
  const code = answer.body.error.code
  const message = `${cloud} is busy with another task on this VM. Try again shortly.${code ? ` (${cloud} error ${code})` : ''}`
  return { ...answer, body: { error: { ...answer.body.error, message } } }
}
