import { afterEach, expect, it, vi } from 'vitest'
import { ConsoleError } from '../errors/ConsoleError.js'
import { resolveOnPage } from './resolveOnPage.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

it('resolves a path against the page and keeps an absolute URL', () => {
  vi.stubGlobal('location', new URL('https://portal.example.com/vms/42'))
  expect(resolveOnPage('/tower/api', 'cloudtower').href).toBe(
    'https://portal.example.com/tower/api',
  )
  expect(resolveOnPage('http://t.example.com/x', 'ecs').href).toBe('http://t.example.com/x')
})

it('refuses a path outside a browser page, and takes an absolute URL there', () => {
  expect(() => resolveOnPage('/tower/api', 'ecs')).toThrow(ConsoleError)
  expect(() => resolveOnPage('/tower/api', 'ecs')).toThrow(/needs a browser page/)
  expect(resolveOnPage('https://t.example.com/', 'ecs').host).toBe('t.example.com')
})
