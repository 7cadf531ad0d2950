/**
 * A recording's file name from its session id: letters, digits, `-` and `_` only (anything else
 * becomes `_`), at most 100 of them, so no id can reach outside the directory or hide a file.
 */
export function recordingFileName(sessionId: string): string {
  const safe = sessionId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100)
  return `${safe || 'session'}.rvcrec`
}
