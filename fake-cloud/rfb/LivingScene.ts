import type { Rgb } from './Framebuffer.ts'
import type { RfbServer } from './RfbServer.ts'
import type { RfbSession } from './RfbSession.ts'

const COLORS = {
  background: 0x1d2b3a,
  titleBar: 0x2f4f6f,
  title: 0xffffff,
  clock: 0xffd75e,
  label: 0x8fa3b8,
  text: 0xe8f0f8,
  panel: 0x14202c,
  ink: 0x7fffd4,
  clipboard: 0xffb6c1,
  boot: 0xc0c0c0,
} as const

const SCALE = 2
const CELL_WIDTH = 6 * SCALE
const CELL_HEIGHT = 8 * SCALE
const TITLE_HEIGHT = 28
const TEXT_TOP = 52
const FOOTER_HEIGHT = 60
const FROZEN_TIME = '12:34:56'

function formatTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
}

/**
 * A screen a person can play with, drawn into the server's framebuffer: title bar with the desktop
 * name, a clock ticking every second, typed text, pointer drags as ink, and the last paste. Every
 * change repaints only its own area, so clients receive small incremental updates.
 */
export class LivingScene {
  #lines: string[] = ['']
  #clipboard = ''
  #power = ''
  #timer: NodeJS.Timeout | undefined
  #booting: ReturnType<typeof setTimeout> | undefined
  readonly #frozenTime: string | undefined
  readonly #pointers = new Map<RfbSession, { x: number; y: number; down: boolean }>()
  readonly #server: RfbServer

  constructor(server: RfbServer, options: { frozenClock?: boolean | string } = {}) {
    this.#server = server
    const frozen = options.frozenClock
    this.#frozenTime = frozen === true ? FROZEN_TIME : frozen || undefined
    server.on('key', (key) => {
      if (key.down) this.type(key.keysym)
    })
    server.on('pointer', (event, session) => this.#pointer(event, session))
    server.on('clientCutText', (text) => this.showClipboard(text))
    server.on('xvp', (action) => {
      if (this.#booting) return
      this.#power = `Power: ${action} requested`
      this.#drawFooter()
    })
    server.on('desktopName', () => this.#drawTitleBar())
    server.framebuffer.onResize(() => this.redraw())
    this.redraw()
    if (this.#frozenTime === undefined) this.#startClock()
  }

  /** The text typed so far, lines joined with '\n'. */
  get text(): string {
    return this.#lines.join('\n')
  }

  /** True while the boot screen shows. */
  get booting(): boolean {
    return this.#booting !== undefined
  }

  /**
   * The guest (re)boots: a black screen saying "Booting..." for `durationMs`, then a fresh
   * desktop (typed text, paste and power note gone). Input meanwhile is ignored, as by firmware.
   */
  boot(durationMs: number): void {
    clearTimeout(this.#booting)
    this.#lines = ['']
    this.#clipboard = ''
    this.#power = ''
    this.#booting = setTimeout(() => {
      this.#booting = undefined
      this.redraw()
    }, durationMs)
    this.#booting.unref?.()
    this.redraw()
  }

  /** Repaints everything (after a resize, or to reset what pointer drags drew). */
  redraw(): void {
    const fb = this.#server.framebuffer
    if (this.#booting) {
      fb.fillRect(0, 0, fb.width, fb.height, 0x000000)
      fb.drawText(16, 16, 'Booting...', COLORS.boot, undefined, SCALE)
      return
    }
    fb.fillRect(0, 0, fb.width, fb.height, COLORS.background)
    this.#drawTitleBar()
    fb.drawText(8, TEXT_TOP - 12, 'Type here, drag to draw, paste to show:', COLORS.label)
    this.#drawTextPanel()
    this.#drawFooter()
  }

  /** Applies a key press the way a text box would (printable Latin-1, Return, BackSpace). */
  type(keysym: number): void {
    if (this.#booting) return
    const last = this.#lines.length - 1
    if (keysym === 0xff0d || keysym === 0xff8d) {
      this.#lines.push('')
    } else if (keysym === 0xff08) {
      const line = this.#lines[last] ?? ''
      if (line.length > 0) this.#lines[last] = line.slice(0, -1)
      else if (last > 0) this.#lines.pop()
    } else if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) {
      const line = this.#lines[last] ?? ''
      if (line.length >= this.#columns() - 1) this.#lines.push(String.fromCharCode(keysym))
      else this.#lines[last] = line + String.fromCharCode(keysym)
    } else {
      return
    }
    const rows = this.#rows()
    if (this.#lines.length > rows) {
      this.#lines = this.#lines.slice(-rows)
      this.#drawTextPanel()
      return
    }
    // Repaint only the lines that can have changed: the current one and the one before it.
    const current = this.#lines.length - 1
    for (let row = Math.max(0, current - 1); row <= Math.min(current + 1, rows - 1); row++)
      this.#drawLine(row)
  }

  showClipboard(text: string): void {
    if (this.#booting) return
    this.#clipboard = text
    this.#drawFooter()
  }

  /** Redraws the clock now (the timer does this every second). */
  tick(): void {
    if (this.#booting) return
    const fb = this.#server.framebuffer
    const time = this.#frozenTime ?? formatTime(new Date())
    fb.drawText(
      fb.width - 8 - 8 * CELL_WIDTH,
      6,
      time.slice(0, 8),
      COLORS.clock,
      COLORS.titleBar,
      SCALE,
    )
  }

  stop(): void {
    clearTimeout(this.#booting)
    this.#booting = undefined
    clearTimeout(this.#timer)
    clearInterval(this.#timer)
    this.#timer = undefined
  }

  #startClock(): void {
    // Tick on the second boundary so the display changes when a wall clock does.
    this.#timer = setTimeout(
      () => {
        this.tick()
        this.#timer = setInterval(() => this.tick(), 1000)
        // Node: the clock alone keeps no process alive. Browsers (the story mock) have no unref.
        this.#timer.unref?.()
      },
      1000 - (Date.now() % 1000),
    )
    this.#timer.unref?.()
  }

  #columns(): number {
    return Math.max(1, Math.floor((this.#server.framebuffer.width - 16) / CELL_WIDTH))
  }

  #rows(): number {
    const height = this.#server.framebuffer.height - TEXT_TOP - FOOTER_HEIGHT
    return Math.max(1, Math.floor(height / CELL_HEIGHT))
  }

  #drawTitleBar(): void {
    if (this.#booting) return
    const fb = this.#server.framebuffer
    fb.fillRect(0, 0, fb.width, TITLE_HEIGHT, COLORS.titleBar)
    fb.drawText(8, 6, this.#server.desktopName, COLORS.title, COLORS.titleBar, SCALE)
    this.tick()
  }

  #drawTextPanel(): void {
    const fb = this.#server.framebuffer
    fb.fillRect(4, TEXT_TOP - 2, fb.width - 8, this.#rows() * CELL_HEIGHT + 4, COLORS.panel)
    for (let row = 0; row < this.#rows(); row++) this.#drawLine(row)
  }

  #drawLine(row: number): void {
    const fb = this.#server.framebuffer
    const isLast = row === this.#lines.length - 1
    const line = (this.#lines[row] ?? '') + (isLast ? '_' : '')
    const y = TEXT_TOP + row * CELL_HEIGHT
    fb.drawText(8, y, line.padEnd(this.#columns(), ' '), COLORS.text, COLORS.panel, SCALE)
  }

  #drawFooter(): void {
    const fb = this.#server.framebuffer
    const top = fb.height - FOOTER_HEIGHT + 8
    fb.fillRect(0, top, fb.width, FOOTER_HEIGHT - 8, COLORS.background)
    fb.drawText(8, top, `Clipboard (${this.#clipboard.length} chars):`, COLORS.label)
    const shown = this.#clipboard.replace(/\s+/g, ' ').slice(0, this.#columns())
    fb.drawText(8, top + 12, shown, COLORS.clipboard, undefined, SCALE)
    if (this.#power) fb.drawText(8, top + 34, this.#power, COLORS.clock)
  }

  #pointer(event: { buttonMask: number; x: number; y: number }, session: RfbSession): void {
    const down = (event.buttonMask & 1) === 1
    const last = this.#pointers.get(session)
    if (down && event.y >= TITLE_HEIGHT && !this.#booting) {
      const fb = this.#server.framebuffer
      const color: Rgb = COLORS.ink
      if (last?.down) fb.drawLine(last.x, last.y, event.x, event.y, color, 2)
      else fb.fillRect(event.x - 1, event.y - 1, 2, 2, color)
    }
    if (!last) session.once('close', () => this.#pointers.delete(session))
    this.#pointers.set(session, { x: event.x, y: event.y, down })
  }
}
