import { ConsoleError } from '../core/errors/ConsoleError.js'
import type { KeyboardLayout } from './KeyboardLayout.js'
import type { KeyboardLayoutTable } from './KeyboardLayoutTable.js'
import { decodeKeyboardLayout } from './decodeKeyboardLayout.js'
import { isKeyboardLayout } from './isKeyboardLayout.js'
import { loadedKeyboardLayouts } from './loadedKeyboardLayouts.js'
import { layoutLoaders } from './layouts/layoutLoaders.js'

/**
 * The table of a guest keyboard layout. en-US is built in; every other layout is its own small
 * chunk, fetched the first time it is asked for (then kept). Rejects with a `ConsoleError`:
 * `invalid_input` for an unknown id, `network` when the chunk cannot be fetched.
 */
export async function loadKeyboardLayout(layout: KeyboardLayout): Promise<KeyboardLayoutTable> {
  const loaded = loadedKeyboardLayouts.get(layout)
  if (loaded) return loaded
  if (!isKeyboardLayout(layout)) {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider: 'vnc',
      message: `Unknown keyboard layout "${String(layout)}".`,
    })
  }
  let data
  try {
    data = (await layoutLoaders[layout as Exclude<KeyboardLayout, 'en-US'>]()).default
  } catch (cause) {
    throw new ConsoleError({
      kind: 'network',
      provider: 'vnc',
      message: `The keyboard layout "${layout}" could not be loaded.`,
      cause,
    })
  }
  const table = loadedKeyboardLayouts.get(layout) ?? decodeKeyboardLayout(data)
  loadedKeyboardLayouts.set(layout, table)
  return table
}
