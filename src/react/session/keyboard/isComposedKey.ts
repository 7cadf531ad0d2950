/**
 * A key event that belongs to a local input method's composition (zh-CN, ja…): `isComposing`,
 * or the `Process` key (keyCode 229) that browsers report while an IME handles the key.
 */
export function isComposedKey(
  event: Pick<KeyboardEvent, 'isComposing' | 'key' | 'keyCode'>,
): boolean {
  return event.isComposing || event.key === 'Process' || event.keyCode === 229
}
