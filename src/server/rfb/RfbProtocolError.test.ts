import { describe, expect, it } from 'vitest'
import { RfbProtocolError } from './RfbProtocolError.js'

describe('RfbProtocolError', () => {
  it('is an Error that names its side', () => {
    const error = new RfbProtocolError('server', 'bad')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('RfbProtocolError')
    expect(error.side).toBe('server')
    expect(error.message).toBe('bad')
  })
})
