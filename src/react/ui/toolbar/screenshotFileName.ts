/** `web-01-20250102-030405.png`: the desktop name made file-safe, and the local time. */
export function screenshotFileName(desktopName: string | undefined, date: Date): string {
  const name =
    (desktopName ?? '')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'console'
  const pad = (n: number) => String(n).padStart(2, '0')
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(
    date.getHours(),
  )}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  return `${name}-${stamp}.png`
}
