import { expect, it } from 'vitest'
import { ConsoleError } from '../errors/ConsoleError.js'
import { validatePathSegment } from './validatePathSegment.js'

it('percent-encodes an id into one path segment', () => {
  expect(validatePathSegment('47bc79ae-df61', 'server id', 'ecs')).toBe('47bc79ae-df61')
  expect(validatePathSegment('a/b?c#d%', 'server id', 'ecs')).toBe('a%2Fb%3Fc%23d%25')
})

it.each(['', ' ', '.', '..', '...', 'a b', 'a\tb', 'a\u0000', 'a\ud800', 'x'.repeat(257), 7])(
  'refuses %j',
  (value) => {
    expect(() => validatePathSegment(value, 'server id', 'ecs')).toThrow(ConsoleError)
  },
)
