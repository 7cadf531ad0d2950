import type { FakeCloudTowerVmStatus, FakeEcsServerStatus } from './types.ts'

/**
 * Whether the VM's QEMU is up, so its console can open: CloudTower RUNNING; ECS ACTIVE, and
 * REBOOT / HARD_REBOOT (a rebooting guest keeps its VNC server).
 */
export function isVmRunning(status: FakeCloudTowerVmStatus | FakeEcsServerStatus): boolean {
  return (
    status === 'RUNNING' || status === 'ACTIVE' || status === 'REBOOT' || status === 'HARD_REBOOT'
  )
}
