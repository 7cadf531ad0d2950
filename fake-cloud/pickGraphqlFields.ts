/**
 * Answers only the scalar fields the query selects under `root`, as a GraphQL server would, so a
 * client that forgets to ask for a field notices. Returns the object unchanged when the selection
 * cannot be read (lenient: this is a fake, not a validator).
 */
export function pickGraphqlFields<T extends object>(
  query: unknown,
  root: string,
  value: T,
): Partial<T> {
  if (typeof query !== 'string') return value
  // Search inside the operation's selection set, so `query vnc(…) {` is not taken for the field.
  const selection = query.slice(query.indexOf('{') + 1)
  const start = new RegExp(`\\b${root}\\b\\s*(?:\\([^)]*\\))?\\s*\\{`).exec(selection)
  if (!start) return value
  const names = new Set<string>()
  let depth = 1
  const body = selection.slice(start.index + start[0].length)
  // Top-level names only: skip nested selections and arguments.
  for (const token of body.matchAll(/[A-Za-z_]\w*|[{}()]/g)) {
    const text = token[0]
    if (text === '{' || text === '(') depth++
    else if (text === '}' || text === ')') depth--
    else if (depth === 1) names.add(text)
    if (depth === 0) break
  }
  const picked: Partial<T> = {}
  for (const key of Object.keys(value) as (keyof T & string)[]) {
    if (names.has(key)) picked[key] = value[key]
  }
  return picked
}
