import { expect, it } from 'vitest'
import { ConsoleError } from '../errors/ConsoleError.js'
import { toUrlHost } from './toUrlHost.js'

it.each([
  ['192.168.5.2', '192.168.5.2'],
  ['0.0.0.0', '0.0.0.0'],
  ['fd00::2', '[fd00::2]'],
  ['[fd00::2]', '[fd00::2]'],
  ['::ffff:192.168.0.1', '[::ffff:192.168.0.1]'],
  ['[FD00:0::2]', '[FD00:0::2]'],
  ['tower.example.com', 'tower.example.com'],
  ['Tower.Example.COM', 'Tower.Example.COM'],
  ['localhost', 'localhost'],
  ['node-1.cluster.local.', 'node-1.cluster.local.'],
])('accepts %s as %s', (value, host) => {
  expect(toUrlHost(value, 'host_ip', 'cloudtower')).toBe(host)
})

it.each([
  '',
  '192.168.5.2:443',
  '256.1.1.1',
  '1.2.3',
  '10',
  '0x7f.1',
  'a.b.123',
  'evil.com/path',
  'evil.com?x',
  'evil.com#x',
  'user@evil.com',
  'evil.com\\x',
  'a%2eb',
  'under_score.com',
  '1.2.3.4&uuid=x',
  'has space.com',
  'fe80::1%eth0',
  '[::1]:80',
  ':::',
  'ünïcode.com',
  'xn--a',
  'node.xn--a.local',
  '[::1]/x',
])('refuses %j', (value) => {
  expect(() => toUrlHost(value, 'cluster_ip', 'cloudtower')).toThrow(ConsoleError)
})

it('refuses non-strings and names the field', () => {
  expect(() => toUrlHost(42, 'cluster_ip', 'cloudtower')).toThrow(/cluster_ip is missing/)
})
