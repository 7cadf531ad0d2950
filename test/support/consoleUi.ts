// Helpers for tests of the console UI (toolbar, overlay) against the real RFB server.
import { act, fireEvent } from '@testing-library/react'
import axe from 'axe-core'
import { afterEach, expect } from 'vitest'
import type { RfbSession } from '../../fake-cloud/rfb/RfbSession.ts'
import { startConsoleServer } from './startConsoleServer.js'

type ConsoleServer = Awaited<ReturnType<typeof startConsoleServer>>
let servers: ConsoleServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()))
  servers = []
})

/** A real RFB server for this test, closed after it. */
export async function serve(options?: Parameters<typeof startConsoleServer>[0]) {
  const server = await startConsoleServer(options)
  servers.push(server)
  return server
}

/** The keys a session received since `from`, as +keysym (press) / -keysym (release). */
export const keysAt = (session: RfbSession, from = 0) =>
  session.keys.slice(from).map((k) => (k.down ? k.keysym : -k.keysym))

/** Waits until the session holds `count` key events after `from`, and returns them. */
export async function receivedKeys(session: RfbSession, count: number, from = 0) {
  await session.waitUntil((s) => s.keys.length >= from + count)
  return keysAt(session, from)
}

/** axe-core on the rendered DOM: no violations of WCAG 2.x A/AA or best practices. */
export async function expectNoAxeViolations(element: Element) {
  const results = await axe.run(element, {
    resultTypes: ['violations'],
    rules: {
      // jsdom has no layout or computed colours: contrast is checked in a real browser.
      'color-contrast': { enabled: false },
      // Landmarks are the host page's job; a component cannot know where it sits.
      region: { enabled: false },
    },
  })
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
  expect(summary).toEqual([])
}

/**
 * A small stand-in for user-event (not a dependency of this package): clicks move the focus as a
 * browser does unless mousedown is prevented, Enter on a button clicks it, typing changes values.
 */
export function createUser() {
  const press = (key: string) => {
    const target = (document.activeElement ?? document.body) as HTMLElement
    const proceed = fireEvent.keyDown(target, { key, code: key })
    if (proceed && key === 'Enter' && target instanceof HTMLButtonElement) fireEvent.click(target)
    fireEvent.keyUp(target, { key, code: key })
  }
  return {
    async click(element: Element) {
      if (fireEvent.mouseDown(element) && element instanceof HTMLElement) {
        act(() => element.focus())
      }
      fireEvent.mouseUp(element)
      fireEvent.click(element)
      await act(async () => {})
    },
    /** Keys as `{ArrowDown}{Enter}`. */
    async keyboard(keys: string) {
      for (const [, key] of keys.matchAll(/\{(\w+)\}/g)) press(key!)
      await act(async () => {})
    },
    async type(element: HTMLInputElement | HTMLTextAreaElement, text: string) {
      act(() => element.focus())
      fireEvent.change(element, { target: { value: element.value + text } })
      await act(async () => {})
    },
    async selectOptions(element: HTMLElement, value: string) {
      fireEvent.change(element, { target: { value } })
      await act(async () => {})
    },
  }
}
