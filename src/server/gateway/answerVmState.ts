import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import { describeTarget } from '../describeTarget.js'
import type { ConsoleSource } from '../providers/UpstreamConsole.js'
import { toGatewayError } from '../toGatewayError.js'
import type { ConsoleTarget, GatewayVmState } from '../types.js'
import { hitRequestLimits } from './hitRequestLimits.js'
import { powerUnderWayState } from './powerUnderWayState.js'
import { slotGroup } from './slotGroup.js'
import type { GatewayContext, Reply } from './types.js'

/** `POST {path}/state`: the VM's state from the cloud, and the power actions this user may take. */
export async function answerVmState(
  ctx: GatewayContext,
  source: ConsoleSource,
  target: ConsoleTarget,
  user: string,
  address: string | undefined,
  actions: VmPowerAction[],
  signal: AbortSignal,
): Promise<Reply> {
  const limited = await hitRequestLimits(
    ctx,
    `state:${slotGroup(user)}`,
    ctx.limits.stateRequestsPerMinutePerUser,
  )
  if (limited) return limited
  const id = target.provider === 'cloudtower' ? target.vmId : target.serverId
  let info
  try {
    info = await source.state(id, signal)
  } catch (error) {
    const answer = toGatewayError(error, ctx.secrets())
    ctx.log(answer.status >= 500 ? 'error' : 'warn', `No state for ${describeTarget(target)}.`, {
      user,
      address,
      error,
    })
    return answer
  }
  const underWay = ctx.powerUnderWay.get(`${target.provider}:${id}`)
  const body: GatewayVmState = { state: powerUnderWayState(info, underWay?.action), actions }
  return { status: 200, body }
}
