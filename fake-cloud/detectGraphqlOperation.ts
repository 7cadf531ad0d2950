const KNOWN = ['vnc', 'login', 'vms'] as const
type Operation = (typeof KNOWN)[number]

const isKnown = (name: unknown): name is Operation =>
  typeof name === 'string' && (KNOWN as readonly string[]).includes(name)

/**
 * Which of the fake's operations a request means: its `operationName`, else the first root field
 * of the query text (`mutation($d: LoginInput!){ login(…) {…} }` → login). No GraphQL parser: the
 * fake only has to understand the documents its clients send.
 */
export function detectGraphqlOperation(operationName: unknown, query: unknown): Operation | null {
  if (isKnown(operationName)) return operationName
  if (typeof query !== 'string') return null
  // The first `{` opens the selection set; variable definitions contain no braces.
  const root = /\{\s*(?:[A-Za-z_]\w*\s*:\s*)?([A-Za-z_]\w*)/.exec(query)?.[1]
  return isKnown(root) ? root : null
}
