/** The X11 keysyms the stories press and read back at the mock VM. */
export const KEYSYM = {
  ctrl: 0xffe3,
  shift: 0xffe1,
  alt: 0xffe9,
  delete: 0xffff,
  a: 0x61,
  c: 0x63,
} as const
