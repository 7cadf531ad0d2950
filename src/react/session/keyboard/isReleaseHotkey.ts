/**
 * The documented keyboard release: Ctrl+Alt+Shift (modifiers only, so nothing reaches the VM as a
 * character and no layout moves it). A keyboard user is never trapped in the console.
 */
export function isReleaseHotkey(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'shiftKey' | 'key'>,
): boolean {
  return (
    event.ctrlKey &&
    event.altKey &&
    event.shiftKey &&
    (event.key === 'Control' || event.key === 'Alt' || event.key === 'Shift')
  )
}
