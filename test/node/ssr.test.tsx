// Server rendering: importing the package and rendering a console must work with no DOM at all,
// and must not load react-vnc (which crashes without `window`).
import { renderToString } from 'react-dom/server'
import { expect, it } from 'vitest'
import { CloudTowerConsole, ConsoleViewer } from '../../src/index.js'
import { vncScreenLoader } from '../../src/react/loaders/vncScreenLoader.js'

it('renders the idle shell on the server without window and without loading react-vnc', () => {
  expect(typeof window).toBe('undefined')
  const viewer = renderToString(
    <ConsoleViewer url="wss://console.example.com/websockify?token=t" />,
  )
  expect(viewer).toContain('data-state="idle"')
  expect(viewer).not.toContain('token=t')
  const tower = renderToString(
    <CloudTowerConsole endpoint="/tower" token="session-secret" vmId="vm-1" />,
  )
  expect(tower).toContain('data-state="idle"')
  expect(tower).not.toContain('session-secret')
  expect(vncScreenLoader.current).toBeUndefined()
})
