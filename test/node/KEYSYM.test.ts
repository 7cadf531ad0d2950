// The one place the keysyms tests and stories expect are written as numbers (X11 keysymdef.h):
// everywhere else they come by name from the toolbar's own table.
import { expect, it } from 'vitest'
import { KEYSYM } from '../support/console/KEYSYM.js'

it('names the keysyms of keysymdef.h', () => {
  expect({ ...KEYSYM, f: undefined, char: undefined }).toEqual({
    ctrl: 0xffe3, // XK_Control_L
    alt: 0xffe9, // XK_Alt_L
    altgr: 0xfe03, // XK_ISO_Level3_Shift
    shift: 0xffe1, // XK_Shift_L
    super: 0xffeb, // XK_Super_L
    delete: 0xffff, // XK_Delete
    backspace: 0xff08, // XK_BackSpace
    tab: 0xff09, // XK_Tab
    return: 0xff0d, // XK_Return
    escape: 0xff1b, // XK_Escape
    printscreen: 0xff61, // XK_Print
    f: undefined,
    char: undefined,
  })
  expect([KEYSYM.f(1), KEYSYM.f(2), KEYSYM.f(4), KEYSYM.f(12)]).toEqual([
    0xffbe, 0xffbf, 0xffc1, 0xffc9,
  ])
  expect([KEYSYM.char('a'), KEYSYM.char('H'), KEYSYM.char('ß'), KEYSYM.char('Ä')]).toEqual([
    0x61, 0x48, 0xdf, 0xc4,
  ])
  expect(() => KEYSYM.f(13)).toThrow('namedKeys has no "f13"')
})
