// <ConsoleReplay> on the server: its loading shell, no DOM, no react-vnc, no URL on the page.
import { renderToString } from 'react-dom/server'
import { expect, it } from 'vitest'
import { ConsoleReplay } from '../../src/index.js'
import { vncScreenLoader } from '../../src/react/loaders/vncScreenLoader.js'
import { replayLoader } from '../../src/react/replay/replayLoader.js'

it('renders the loading shell without window, without loading its chunk or react-vnc', () => {
  expect(typeof window).toBe('undefined')
  const html = renderToString(
    <ConsoleReplay src="/recordings/a.rvcrec?signature=s3cret" className="replay" />,
  )
  expect(html).toContain('data-state="loading"')
  expect(html).toContain('class="replay"')
  expect(html).not.toContain('s3cret')
  expect(replayLoader.current).toBeUndefined()
  expect(vncScreenLoader.current).toBeUndefined()
})
