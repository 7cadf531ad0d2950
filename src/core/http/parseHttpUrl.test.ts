import { expect, it } from 'vitest'
import { parseHttpUrl } from './parseHttpUrl.js'

it.each([
  ['https://host.example.com/a?b#c', 'https://host.example.com/a?b#c'],
  ['http://10.0.0.1:8080', 'http://10.0.0.1:8080/'],
  ['HTTPS://Host.Example.com', 'https://host.example.com/'],
])('parses %s', (value, href) => {
  expect(parseHttpUrl(value)?.href).toBe(href)
})

it('resolves against a base', () => {
  expect(parseHttpUrl('?token=t', 'https://h:6080')?.href).toBe('https://h:6080/?token=t')
  expect(parseHttpUrl('//evil.com/x', 'https://h')?.host).toBe('evil.com')
})

it.each([
  undefined,
  42,
  ['https://array.example.com'],
  '',
  'not a url',
  'host.example.com',
  'ftp://host.example.com',
  'javascript:alert(1)',
  'data:text/html,x',
  'https://user@host.example.com',
  'https://:pw@host.example.com',
  'http://[',
])('refuses %j', (value) => {
  expect(parseHttpUrl(value)).toBeUndefined()
})
