import type { ConsoleErrorKind } from './ConsoleError.js'

const KINDS = new Map<string, ConsoleErrorKind>(
  Object.entries({
    'Ecs.0114': 'not_found',
    'Ecs.0614': 'not_found',
    'Ecs.0003': 'forbidden',
    'Ecs.0005': 'invalid_input',
    'APIGW.0301': 'unauthorized',
    'APIGW.0101': 'not_found',
    'APIGW.0308': 'rate_limited',
  } satisfies Record<string, ConsoleErrorKind>),
)

/** The kind a Huawei Cloud error code means, or undefined for a code we do not know. */
export function huaweiErrorKind(code: string): ConsoleErrorKind | undefined {
  return KINDS.get(code)
}
