import type { KeyboardLayout } from '../../../keys/KeyboardLayout.js'
import { isKeyboardLayout } from '../../../keys/isKeyboardLayout.js'
import { guestLayoutStorageKey } from '../guestLayoutStorageKey.js'

/**
 * The guest keyboard layout a user chose in "Type text", remembered per `connectionKey` in
 * localStorage (under a one-way tag of the key). Storage may be missing or refuse (private
 * modes, quotas, sandboxed frames): the choice then lasts as long as the viewer.
 */
export class GuestLayout {
  private key: string | undefined
  private chosen: KeyboardLayout | undefined

  /**
   * The layout in effect for these props: the user's choice for their `connectionKey` (another
   * console has its own), else `guestKeyboardLayout` (or its old name), else en-US.
   */
  sync(props: {
    connectionKey?: string | undefined
    guestKeyboardLayout?: KeyboardLayout | undefined
    defaultKeyboardLayout?: KeyboardLayout | undefined
  }): KeyboardLayout {
    this.follow(props.connectionKey)
    return this.chosen ?? props.guestKeyboardLayout ?? props.defaultKeyboardLayout ?? 'en-US'
  }

  private follow(connectionKey: string | undefined): void {
    if (connectionKey === this.key) return
    this.key = connectionKey
    this.chosen = undefined
    if (connectionKey === undefined) return
    try {
      const stored = globalThis.localStorage?.getItem(guestLayoutStorageKey(connectionKey))
      if (isKeyboardLayout(stored)) this.chosen = stored
    } catch {
      // No storage here.
    }
  }

  /** Remembers `layout` and starts loading its table, so typing need not wait for it. */
  choose(layout: KeyboardLayout): void {
    this.chosen = layout
    void import('../../../keys/loadKeyboardLayout.js')
      .then(({ loadKeyboardLayout }) => loadKeyboardLayout(layout))
      .catch(() => undefined)
    if (this.key === undefined) return
    try {
      globalThis.localStorage?.setItem(guestLayoutStorageKey(this.key), layout)
    } catch {
      // No storage here.
    }
  }
}
