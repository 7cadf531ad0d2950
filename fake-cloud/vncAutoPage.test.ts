import { describe, expect, it } from 'vitest'
import { vncAutoPage } from './vncAutoPage.ts'

describe('vncAutoPage', () => {
  it('names the socket noVNC would open, escaped', () => {
    const html = vncAutoPage(new URL('http://127.0.0.1:4000/vnc_auto.html?token=a<b&lang=EN'))
    expect(html).toContain('Fake ECS remote console')
    expect(html).toContain('ws://127.0.0.1:4000/websockify?token=a%3Cb')
    expect(html).not.toContain('a<b')
  })

  it('uses wss for https pages', () => {
    expect(vncAutoPage(new URL('https://h/vnc_auto.html?token=t'))).toContain(
      'wss://h/websockify?token=t',
    )
  })
})
