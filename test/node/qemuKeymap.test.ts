// The test-support reader of QEMU's keymaps and its decoder of key events (test/support/qemuKeymap.ts).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { decodeQemuKeyEvents, parseQemuKeymap } from '../support/qemuKeymap.ts'

const SHIFT_L = 0x2a
const ALTGR = 0xb8
const tap = (scancode: number, keysym = 0) => [
  { down: true, keysym, scancode },
  { down: false, keysym, scancode },
]
const held = (modifier: number, inner: ReturnType<typeof tap>) => [
  { down: true, keysym: 0, scancode: modifier },
  ...inner,
  { down: false, keysym: 0, scancode: modifier },
]

it("reads QEMU's generated keymaps: keysym, scancode, Shift and AltGr", () => {
  const de = parseQemuKeymap('de')
  const find = (name: string) =>
    de.filter((e) => e.name === name).map((e) => [e.scancode, e.shift, e.altgr])
  expect(find('at')).toEqual([[0x10, false, true]])
  expect(find('exclamdown')).toEqual([[0x02, true, true]])
  expect(find('ssharp')).toEqual([[0x0c, false, false]])
  expect(de.find((e) => e.name === 'EuroSign')).toMatchObject({ keysym: 0x20ac, char: '€' })
  expect(de.find((e) => e.name === 'dead_acute')?.char).toBeUndefined()
  const ru = parseQemuKeymap('ru')
  expect(ru.find((e) => e.name === 'Cyrillic_a')).toMatchObject({
    keysym: 0x6c1,
    char: 'а',
    scancode: 0x21,
  })
})

it('follows include lines and adds the Shift upper case of addupper lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rvc-keymap-'))
  writeFileSync(join(dir, 'common'), '# comment\nmap 0x409\nspace 0x39 localstate\n')
  writeFileSync(
    join(dir, 'xx'),
    'include common\na 0x1e addupper\nat 0x10 altgr\nNoSuchKeysym 0x11\n',
  )
  expect(parseQemuKeymap('xx', dir).map((e) => [e.name, e.scancode, e.shift, e.altgr])).toEqual([
    ['space', 0x39, false, false],
    ['a', 0x1e, false, false],
    ['A', 0x1e, true, false],
    ['at', 0x10, false, true],
  ])
  // The old hand-written Swedish map is written that way.
  expect(parseQemuKeymap('sv').find((e) => e.name === 'Q')).toMatchObject({
    scancode: 0x10,
    shift: true,
  })
})

it('decodes scancodes with the Shift and AltGr held, as the guest would', () => {
  const events = [
    ...held(SHIFT_L, tap(0x19)), // P
    ...tap(0x28), // ä
    ...tap(0x1f), // s
    ...held(ALTGR, tap(0x10)), // @
    ...held(SHIFT_L, held(ALTGR, tap(0x02))), // ¡
    ...tap(0x1c), // Return
    ...tap(0x0f), // Tab
  ]
  expect(decodeQemuKeyEvents(events, 'de')).toBe('Päs@¡\n\t')
  // The same scancodes on another map are other characters.
  expect(decodeQemuKeyEvents(tap(0x15), 'de')).toBe('z')
  expect(decodeQemuKeyEvents(tap(0x15), 'en-us')).toBe('y')
})

it('composes a dead key with the next key, and with Space into the accent alone', () => {
  // es: the key right of P is dead_grave / dead_circumflex.
  const es = parseQemuKeymap('es')
  const grave = es.find((e) => e.name === 'dead_grave')!
  expect(grave.shift).toBe(false)
  expect(decodeQemuKeyEvents([...tap(grave.scancode), ...tap(0x12)], 'es')).toBe('è')
  expect(decodeQemuKeyEvents([...tap(grave.scancode), ...tap(0x39)], 'es')).toBe('`')
  expect(decodeQemuKeyEvents([...tap(grave.scancode), ...tap(0x2d)], 'es')).toBe('`x')
})

it('maps a bare keysym (scancode 0) through the keymap with the modifiers held: ¦ becomes <', () => {
  expect(decodeQemuKeyEvents(tap(0, 0xa6), 'en-us')).toBe('<')
  expect(decodeQemuKeyEvents(tap(0, 0x61), 'en-us')).toBe('a')
  // What the keymap does not know is dropped.
  expect(decodeQemuKeyEvents(tap(0, 0x1004e2d), 'en-us')).toBe('')
  expect(decodeQemuKeyEvents(tap(0, 0xe9), 'en-us')).toBe('')
})

it('types nothing for keys pressed with Ctrl or Alt, and nothing on release', () => {
  expect(decodeQemuKeyEvents(held(0x1d, tap(0x2e)), 'en-us')).toBe('')
  expect(decodeQemuKeyEvents([{ down: false, keysym: 0, scancode: 0x1e }], 'en-us')).toBe('')
})
