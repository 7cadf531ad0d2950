import { waitFor } from '@testing-library/react'
import { expect } from 'vitest'
import { consoleRoot } from './consoleRoot.js'
import { stateOf } from './stateOf.js'

/**
 * Waits until the console in `container` shows `state`. Testing Library's `waitFor`, not a plain
 * poll: in jsdom it keeps React's act() warnings away while the session updates on its own.
 */
export const waitForState = (container: HTMLElement, state: string, timeout = 5_000) =>
  waitFor(() => expect(stateOf(consoleRoot(container))).toBe(state), { timeout })
