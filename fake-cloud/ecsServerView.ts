import type { FakeEcsServer } from './types.ts'

// Nova's vm_state and power_state (1 RUNNING, 4 SHUTDOWN, 0 NOSTATE) behind each ECS status.
const STATES: Record<FakeEcsServer['status'], [vmState: string, powerState: number]> = {
  ACTIVE: ['active', 1],
  REBOOT: ['active', 1],
  HARD_REBOOT: ['active', 1],
  SHUTOFF: ['stopped', 4],
  DELETED: ['deleted', 0],
}

/** A server as `GET /v1/{project_id}/cloudservers/{server_id}` answers it (the fields a console needs). */
export function ecsServerView(server: FakeEcsServer): { server: Record<string, unknown> } {
  const [vmState, powerState] = STATES[server.status]
  return {
    server: {
      id: server.serverId,
      name: server.name,
      status: server.status,
      tenant_id: server.projectId,
      'OS-EXT-STS:vm_state': vmState,
      'OS-EXT-STS:task_state': server.taskState ?? '',
      'OS-EXT-STS:power_state': powerState,
      'OS-EXT-STS:locked': false,
    },
  }
}
