/**
 * A power operation, named after CloudTower's (ECS: `os-start`, `os-stop` SOFT / HARD, `reboot`
 * SOFT / HARD). `shutdown` and `restart` ask the guest; `poweroff` and `forceRestart` do not.
 */
export type VmPowerAction = 'start' | 'shutdown' | 'poweroff' | 'restart' | 'forceRestart'
