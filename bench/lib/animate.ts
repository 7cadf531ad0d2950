import type { RfbServer } from '../../fake-cloud/rfb/RfbServer.ts'

const ANIMATION_FPS = 60

/** Repaints a square on every server ~60 times a second until stopped (the screen "changes"). */
export function animate(servers: readonly RfbServer[]): () => void {
  let frame = 0
  const timer = setInterval(() => {
    frame++
    const color = (frame * 0x10305) & 0xffffff
    for (const server of servers) server.framebuffer.fillRect(40, 100, 48, 48, color)
  }, 1000 / ANIMATION_FPS)
  return () => clearInterval(timer)
}
