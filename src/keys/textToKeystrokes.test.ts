import { beforeAll, expect, it } from 'vitest'
import { ConsoleError } from '../core/errors/ConsoleError.js'
import { loadKeyboardLayout } from './loadKeyboardLayout.js'
import { textToKeystrokes } from './textToKeystrokes.js'

beforeAll(async () => {
  await Promise.all([loadKeyboardLayout('de-DE'), loadKeyboardLayout('fr-FR')])
})

const SHIFT = 0xffe1
const ALTGR = 0xfe03
/** Compact form: +keysym for a press, -keysym for a release. */
const events = (text: string, layout?: Parameters<typeof textToKeystrokes>[1]) =>
  textToKeystrokes(text, layout).flatMap((c) => c.keys.map((k) => (k.down ? k.keysym : -k.keysym)))

it('types lower-case letters and digits as one tap each, with their physical key', () => {
  expect(textToKeystrokes('a1')).toEqual([
    {
      char: 'a',
      keys: [
        { keysym: 0x61, code: 'KeyA', down: true },
        { keysym: 0x61, code: 'KeyA', down: false },
      ],
    },
    {
      char: '1',
      keys: [
        { keysym: 0x31, code: 'Digit1', down: true },
        { keysym: 0x31, code: 'Digit1', down: false },
      ],
    },
  ])
})

it('wraps Shift characters in Shift on the US layout', () => {
  expect(events('A!')).toEqual([SHIFT, 0x41, -0x41, -SHIFT, SHIFT, 0x21, -0x21, -SHIFT])
  expect(textToKeystrokes('?')[0]!.keys.map((k) => k.code)).toEqual([
    'ShiftLeft',
    'Slash',
    'Slash',
    'ShiftLeft',
  ])
})

it('types newline as Return (CRLF once) and tab as Tab, and skips other control characters', () => {
  expect(events('a\r\nb\tc\u0007')).toEqual([
    0x61, -0x61, 0xff0d, -0xff0d, 0x62, -0x62, 0xff09, -0xff09, 0x63, -0x63,
  ])
  expect(textToKeystrokes('\n')[0]!.keys[0]).toEqual({ keysym: 0xff0d, code: 'Enter', down: true })
})

it('types German characters with their QWERTZ keys, Shift and AltGr', () => {
  expect(textToKeystrokes('z', 'de-DE')[0]!.keys[0]).toEqual({
    keysym: 0x7a,
    code: 'KeyY',
    down: true,
  })
  expect(events('ü', 'de-DE')).toEqual([0xfc, -0xfc])
  expect(events('Ä', 'de-DE')).toEqual([SHIFT, 0xc4, -0xc4, -SHIFT])
  expect(events('"', 'de-DE')).toEqual([SHIFT, 0x22, -0x22, -SHIFT])
  expect(events('@', 'de-DE')).toEqual([ALTGR, 0x40, -0x40, -ALTGR])
  expect(textToKeystrokes('@', 'de-DE')[0]!.keys.map((k) => k.code)).toEqual([
    'AltRight',
    'KeyQ',
    'KeyQ',
    'AltRight',
  ])
  expect(events('{€', 'de-DE')).toEqual([
    ALTGR,
    0x7b,
    -0x7b,
    -ALTGR,
    ALTGR,
    0x20ac,
    -0x20ac,
    -ALTGR,
  ])
})

it('types a lone accent as its dead key and Space, and composes accented letters', () => {
  expect(events('^', 'de-DE')).toEqual([0xfe52, -0xfe52, 0x20, -0x20])
  expect(events('`', 'de-DE')).toEqual([SHIFT, 0xfe50, -0xfe50, -SHIFT, 0x20, -0x20])
  expect(events('é', 'de-DE')).toEqual([0xfe51, -0xfe51, 0x65, -0x65])
  expect(events('ê', 'fr-FR')).toEqual([0xfe52, -0xfe52, 0x65, -0x65])
  expect(events('Ê', 'fr-FR')).toEqual([0xfe52, -0xfe52, SHIFT, 0x45, -0x45, -SHIFT])
})

it('types French AZERTY digits with Shift and letters on their keys', () => {
  expect(events('1é', 'fr-FR')).toEqual([SHIFT, 0x31, -0x31, -SHIFT, 0xe9, -0xe9])
  expect(textToKeystrokes('a', 'fr-FR')[0]!.keys[0]!.code).toBe('KeyQ')
})

it('sends characters no layout key types as their keysym alone', () => {
  expect(textToKeystrokes('中')).toEqual([
    {
      char: '中',
      keys: [
        { keysym: 0x1004e2d, code: '', down: true },
        { keysym: 0x1004e2d, code: '', down: false },
      ],
    },
  ])
  expect(textToKeystrokes('')).toEqual([])
})

it('takes a loaded table, and refuses an id whose table is not loaded yet', async () => {
  const ru = await loadKeyboardLayout('ru-RU')
  expect(textToKeystrokes('я', ru)[0]!.keys[0]).toEqual({ keysym: 0x6d1, code: 'KeyZ', down: true })
  expect(() => textToKeystrokes('a', 'ja-JP')).toThrow(ConsoleError)
  expect(() => textToKeystrokes('a', 'ja-JP')).toThrow('Keyboard layout "ja-JP" is not loaded yet')
})
