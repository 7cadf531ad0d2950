import { afterEach, expect, it, vi } from 'vitest'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { openInNewWindow } from './openInNewWindow.js'

afterEach(() => vi.restoreAllMocks())

it('opens at once, cuts the opener, and navigates when the URL arrives', async () => {
  const replace = vi.fn()
  const fake = { opener: window, location: { replace }, close: vi.fn() }
  const open = vi.spyOn(window, 'open').mockReturnValue(fake as unknown as Window)
  let resolve: (url: string) => void = () => {}
  expect(openInNewWindow(() => new Promise((r) => (resolve = r)))).toBe(true)
  expect(open).toHaveBeenCalledWith('about:blank', '_blank', expect.stringContaining('popup'))
  expect(fake.opener).toBeNull()
  resolve('https://console.example/vnc_auto.html?token=t')
  await vi.waitFor(() =>
    expect(replace).toHaveBeenCalledWith('https://console.example/vnc_auto.html?token=t'),
  )
})

it('says in the window why the URL cannot be had, and reports a blocked popup', async () => {
  const page = document.implementation.createHTMLDocument('')
  const fake = { opener: window, location: { replace: vi.fn() }, close: vi.fn(), document: page }
  vi.spyOn(window, 'open').mockReturnValue(fake as unknown as Window)
  const refused = new ConsoleError({
    kind: 'unauthorized',
    provider: 'ecs',
    message: 'Huawei Cloud refused the auth token. Sign in again.',
  })
  openInNewWindow(() => Promise.reject(refused))
  await vi.waitFor(() => expect(page.body.textContent).toBe(refused.message))
  expect(fake.close).not.toHaveBeenCalled()
  const unreadable = { opener: window, location: { replace: vi.fn() }, close: vi.fn() }
  vi.spyOn(window, 'open').mockReturnValue(unreadable as unknown as Window)
  openInNewWindow(() => Promise.reject(new Error('no')))
  await vi.waitFor(() => expect(unreadable.close).toHaveBeenCalled())
  vi.spyOn(window, 'open').mockReturnValue(null)
  expect(openInNewWindow('/vm/1/console')).toBe(false)
})
