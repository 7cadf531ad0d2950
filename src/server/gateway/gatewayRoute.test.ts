import { describe, expect, it } from 'vitest'
import { gatewayRoute } from './gatewayRoute.js'

describe('gatewayRoute', () => {
  it('names the console, state and power endpoints under the path', () => {
    expect(gatewayRoute('/consoles', '/consoles')).toBe('console')
    expect(gatewayRoute('/consoles', '/consoles/')).toBe('console')
    expect(gatewayRoute('/consoles', '/consoles/state')).toBe('state')
    expect(gatewayRoute('/consoles', '/consoles/power/')).toBe('power')
    expect(gatewayRoute('/consoles', '/consoles/presence')).toBe('presence')
  })

  it('works for a gateway mounted at the root', () => {
    expect(gatewayRoute('/', '/')).toBe('console')
    expect(gatewayRoute('/', '/state')).toBe('state')
    expect(gatewayRoute('/', '/power')).toBe('power')
    expect(gatewayRoute('/', '/presence')).toBe('presence')
  })

  it('is null for anything else', () => {
    expect(gatewayRoute('/consoles', '/consoles/other')).toBeNull()
    expect(gatewayRoute('/consoles', '/consolesstate')).toBeNull()
    expect(gatewayRoute('/consoles', '/state')).toBeNull()
    expect(gatewayRoute('/consoles', '/consoles/state/x')).toBeNull()
  })
})
