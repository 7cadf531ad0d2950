import type { ConsoleErrorProvider } from './ConsoleError.js'

const NAMES: Record<ConsoleErrorProvider, string> = {
  cloudtower: 'CloudTower',
  ecs: 'Huawei Cloud ECS',
  vnc: 'The VNC server',
}

/** The provider as operators know it, for messages. */
export function providerName(provider: ConsoleErrorProvider): string {
  return NAMES[provider]
}
