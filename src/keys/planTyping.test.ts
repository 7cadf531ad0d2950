import { expect, it } from 'vitest'
import { loadKeyboardLayout } from './loadKeyboardLayout.js'
import { planTyping } from './planTyping.js'

const SHIFT = 0xffe1
const ALTGR = 0xfe03
const keysOf = (plan: ReturnType<typeof planTyping>) =>
  plan.characters.flatMap((c) => c.keys.map((k) => `${k.down ? '+' : '-'}${k.code}`))

it('sends no key for characters no key types against a scancode server, and lists them', async () => {
  for (const id of ['en-US', 'de-DE', 'ja-JP'] as const) {
    const plan = planTyping('中文🙂', await loadKeyboardLayout(id), { keysymFallback: false })
    expect(plan.characters.flatMap((c) => c.keys)).toEqual([])
    expect(plan.untypeable).toEqual([
      { char: '中', index: 0 },
      { char: '文', index: 1 },
      { char: '🙂', index: 2 },
    ])
  }
})

it('counts positions in code points after CRLF → LF, and types the rest', async () => {
  const plan = planTyping('a\r\n🙂é', await loadKeyboardLayout('en-US'), { keysymFallback: false })
  expect(plan.untypeable).toEqual([
    { char: '🙂', index: 2 },
    { char: 'é', index: 3 },
  ])
  expect(plan.characters.map((c) => c.char)).toEqual(['a', '\n', '🙂', 'é'])
  expect(keysOf(plan)).toEqual(['+KeyA', '-KeyA', '+Enter', '-Enter'])
})

it('sends a bare keysym for them to a keysym-based server, listing nothing', async () => {
  const plan = planTyping('é中', await loadKeyboardLayout('en-US'), { keysymFallback: true })
  expect(plan.untypeable).toEqual([])
  expect(plan.characters.map((c) => c.keys)).toEqual([
    [
      { keysym: 0xe9, code: '', down: true },
      { keysym: 0xe9, code: '', down: false },
    ],
    [
      { keysym: 0x1004e2d, code: '', down: true },
      { keysym: 0x1004e2d, code: '', down: false },
    ],
  ])
})

it('types the Shift+AltGr level with both modifiers (¡ £ on German, ¦ on French)', async () => {
  const de = await loadKeyboardLayout('de-DE')
  const plan = planTyping('¡£„', de, { keysymFallback: false })
  expect(plan.untypeable).toEqual([])
  expect(plan.characters[0]!.keys.map((k) => (k.down ? k.keysym : -k.keysym))).toEqual([
    SHIFT,
    ALTGR,
    0xa1,
    -0xa1,
    -ALTGR,
    -SHIFT,
  ])
  expect(plan.characters[0]!.keys[2]!.code).toBe('Digit1')
  expect(plan.characters[1]!.keys[2]!.code).toBe('Digit3')
  // „ has a legacy keysym (doublelowquotemark), which is what QEMU's keymap and noVNC name it by.
  expect(plan.characters[2]!.keys.map((k) => k.keysym)).toEqual([ALTGR, 0xafe, 0xafe, ALTGR])
  const fr = await loadKeyboardLayout('fr-FR')
  expect(keysOf(planTyping('¦', fr, { keysymFallback: false }))).toEqual([
    '+ShiftLeft',
    '+AltRight',
    '+IntlBackslash',
    '-IntlBackslash',
    '-AltRight',
    '-ShiftLeft',
  ])
})

it('prefers the keys every keyboard has: < is Shift+Comma on en-US, not the ISO key', async () => {
  const us = await loadKeyboardLayout('en-US')
  expect(keysOf(planTyping('<', us, { keysymFallback: false }))).toEqual([
    '+ShiftLeft',
    '+Comma',
    '-Comma',
    '-ShiftLeft',
  ])
  // …but not at any price: on Swedish the ISO key types <, AltGr+Shift+Z as well.
  const sv = await loadKeyboardLayout('sv-SE')
  expect(keysOf(planTyping('<', sv, { keysymFallback: false }))).toEqual([
    '+IntlBackslash',
    '-IntlBackslash',
  ])
})

it('composes with dead keys on the dead-key variant only', async () => {
  const de = await loadKeyboardLayout('de-DE')
  const nodead = await loadKeyboardLayout('de-DE-nodeadkeys')
  expect(keysOf(planTyping('é', de, { keysymFallback: false }))).toEqual([
    '+Equal',
    '-Equal',
    '+KeyE',
    '-KeyE',
  ])
  expect(planTyping('é', nodead, { keysymFallback: false }).untypeable).toEqual([
    { char: 'é', index: 0 },
  ])
  // ^ is a dead key on de-DE (then Space), a plain key on the nodeadkeys variant.
  expect(keysOf(planTyping('^', de, { keysymFallback: false }))).toEqual([
    '+Backquote',
    '-Backquote',
    '+Space',
    '-Space',
  ])
  expect(keysOf(planTyping('^', nodead, { keysymFallback: false }))).toEqual([
    '+Backquote',
    '-Backquote',
  ])
})

it('types Cyrillic with the keysyms QEMU and noVNC name it by, and ¥ not at all on ja-JP', async () => {
  const ru = await loadKeyboardLayout('ru-RU')
  expect(planTyping('Жж', ru, { keysymFallback: false }).characters.map((c) => c.keys)).toEqual([
    [
      { keysym: SHIFT, code: 'ShiftLeft', down: true },
      { keysym: 0x6f6, code: 'Semicolon', down: true },
      { keysym: 0x6f6, code: 'Semicolon', down: false },
      { keysym: SHIFT, code: 'ShiftLeft', down: false },
    ],
    [
      { keysym: 0x6d6, code: 'Semicolon', down: true },
      { keysym: 0x6d6, code: 'Semicolon', down: false },
    ],
  ])
  const ja = await loadKeyboardLayout('ja-JP')
  const plan = planTyping('|_¥', ja, { keysymFallback: false })
  expect(keysOf(plan)).toEqual([
    '+ShiftLeft',
    '+IntlYen',
    '-IntlYen',
    '-ShiftLeft',
    '+ShiftLeft',
    '+IntlRo',
    '-IntlRo',
    '-ShiftLeft',
  ])
  expect(plan.untypeable).toEqual([{ char: '¥', index: 2 }])
})
