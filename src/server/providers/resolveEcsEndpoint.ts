import { ConsoleError } from '../../core/errors/ConsoleError.js'

/** The ECS API address: the configured `endpoint`, or `https://ecs.{region}.myhuaweicloud.com`. */
export function resolveEcsEndpoint(options: { endpoint?: string; region?: string }): string {
  if (options.endpoint) return options.endpoint.replace(/\/+$/, '')
  const region = options.region ?? ''
  if (!/^[a-z]{2}(-[a-z0-9]+)+$/.test(region)) {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider: 'ecs',
      message: 'The ECS provider needs an endpoint or a region such as cn-north-4.',
    })
  }
  return `https://ecs.${region}.myhuaweicloud.com`
}
