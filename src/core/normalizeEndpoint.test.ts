import { expect, it } from 'vitest'
import { ConsoleError } from './ConsoleError.js'
import { normalizeEndpoint } from './normalizeEndpoint.js'

it.each([
  ['https://tower.example.com', 'https://tower.example.com'],
  ['https://tower.example.com/', 'https://tower.example.com'],
  ['http://10.0.0.1:8080/tower//', 'http://10.0.0.1:8080/tower'],
  ['HTTPS://Tower.Example.com', 'https://tower.example.com'],
  ['/tower', '/tower'],
  ['/tower/', '/tower'],
])('normalises %s to %s', (endpoint, base) => {
  expect(normalizeEndpoint(endpoint, 'cloudtower').base).toBe(base)
})

it('parses absolute endpoints only', () => {
  expect(normalizeEndpoint('https://t.example.com/x', 'ecs').absolute?.host).toBe('t.example.com')
  expect(normalizeEndpoint('/x', 'ecs').absolute).toBeUndefined()
})

it.each([
  undefined,
  '',
  ' https://t.example.com',
  'tower.example.com',
  '//tower.example.com',
  '/tower?x=1',
  '/tower#x',
  'ftp://t.example.com',
  'javascript:alert(1)',
  'https://u:p@t.example.com',
  'https://t.example.com/?q',
  'https://t.example.com/#h',
  'https://t.example.com/a b',
])('refuses %j', (endpoint) => {
  expect(() => normalizeEndpoint(endpoint, 'cloudtower')).toThrow(ConsoleError)
})

it('never quotes credentials of a refused endpoint', () => {
  expect(() => normalizeEndpoint('https://admin:hunter2@t.example.com', 'cloudtower')).toThrow(
    expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
  )
})
