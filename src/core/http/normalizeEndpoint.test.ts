import { expect, it } from 'vitest'
import { ConsoleError } from '../errors/ConsoleError.js'
import { normalizeEndpoint } from './normalizeEndpoint.js'

it.each([
  ['https://tower.example.com', 'https://tower.example.com'],
  ['https://tower.example.com/', 'https://tower.example.com'],
  ['http://10.0.0.1:8080/tower//', 'http://10.0.0.1:8080/tower'],
  ['HTTPS://Tower.Example.com', 'https://tower.example.com'],
  ['/tower', '/tower'],
  ['/tower/', '/tower'],
])('normalises %s to %s', (endpoint, base) => {
  expect(normalizeEndpoint(endpoint, 'cloudtower')).toBe(base)
})

it('keeps a path endpoint as a path', () => {
  expect(normalizeEndpoint('/x/y/', 'ecs')).toBe('/x/y')
  expect(normalizeEndpoint('/', 'ecs')).toBe('')
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
