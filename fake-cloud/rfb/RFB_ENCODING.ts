/** The encoding numbers this server sends (Raw) or understands as pseudo-encodings. */
export const RFB_ENCODING = {
  raw: 0,
  desktopSize: -223,
  qemuExtendedKeyEvent: -258,
  desktopName: -307,
  extendedDesktopSize: -308,
  xvp: -309,
  /** The extended clipboard (0xc0a1e5ce as s32). */
  extendedClipboard: -1063131698,
} as const
