import type { FakeCloudInventory } from './types.ts'

const ECS_PROJECT = '13c67a214ced4afb88d911ae4bd5721a'

/**
 * The demo's clouds, fresh on every call (callers mutate their copy). Every console relays to
 * `vnc` (default 127.0.0.1:5900); names and ids echo the seed documents.
 */
export function defaultInventory(vnc = '127.0.0.1:5900'): FakeCloudInventory {
  return {
    cloudTower: {
      users: [
        {
          username: 'admin',
          password: 'admin123',
          source: 'LOCAL',
          role: 'ADMIN',
          sessionToken: 'fake-cloudtower-admin-token',
        },
        {
          username: 'viewer',
          password: 'viewer123',
          source: 'LOCAL',
          role: 'READ_ONLY',
          sessionToken: 'fake-cloudtower-viewer-token',
        },
      ],
      vms: [
        {
          id: 'vm-ubuntu-01',
          uuid: '00000000-0000-0000-0000-000000000000',
          name: 'ubuntu-24.04-web',
          status: 'RUNNING',
          hostIp: '192.168.5.4',
          vnc,
        },
        {
          id: 'vm-windows-01',
          uuid: '6b3f1f6e-2c1a-4a53-9d4e-0c5a8f0e7a11',
          name: 'windows-server-2022',
          status: 'RUNNING',
          hostIp: '192.168.5.5',
          vnc,
          vncPassword: 'secret',
        },
        {
          id: 'vm-stopped-01',
          uuid: 'c2a4e8d0-1f3b-4c5d-8e9f-a0b1c2d3e4f5',
          name: 'centos-7-legacy',
          status: 'STOPPED',
          hostIp: '192.168.5.6',
          vnc,
        },
      ],
    },
    ecs: {
      tokens: [{ token: 'fake-ecs-token', projectId: ECS_PROJECT }],
      servers: [
        {
          projectId: ECS_PROJECT,
          serverId: '47bc79ae-df61-4ade-9197-283a74e5d70e',
          name: 'ecs-web-01',
          status: 'ACTIVE',
          vnc,
        },
        {
          projectId: ECS_PROJECT,
          serverId: '9a1c7d52-3e4b-4f60-8a71-b2c3d4e5f607',
          name: 'ecs-db-01',
          status: 'SHUTOFF',
          vnc,
        },
        {
          projectId: ECS_PROJECT,
          serverId: 'd0e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6',
          name: 'ecs-deleted-01',
          status: 'DELETED',
          vnc,
        },
      ],
    },
  }
}
