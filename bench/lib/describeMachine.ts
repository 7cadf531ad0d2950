import { readFileSync } from 'node:fs'
import os from 'node:os'

export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  os: string
  node: string
  chromium: string
  /** 1-minute load average when the run started and ended: other work shares these cores. */
  loadStart: number
  loadEnd: number
}

/** What the numbers were measured on; the CPU model comes from /proc/cpuinfo where there is one. */
export function describeMachine(chromium: string, loadStart: number): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)
    if (line?.[1]) cpu = line[1].trim()
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
    loadStart,
    loadEnd: os.loadavg()[0] ?? 0,
  }
}

export function machineLine(machine: Machine): string {
  return (
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; ` +
    `Chromium ${machine.chromium} (headless, --disable-gpu); Node ${machine.node}; ` +
    `load average ${machine.loadStart.toFixed(2)} → ${machine.loadEnd.toFixed(2)}`
  )
}
