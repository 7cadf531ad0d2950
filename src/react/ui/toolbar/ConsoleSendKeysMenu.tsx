import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import type { ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'
import { defaultKeyCombos } from '../../../keys/defaultKeyCombos.js'
import { Popover } from '../primitives/Popover.js'

export interface ConsoleSendKeysMenuProps extends Omit<ConsoleToolbarButtonProps, 'label'> {
  /** The combinations offered, e.g. `['Ctrl+Alt+Delete', 'Alt+SysRq+B']`. Default `defaultKeyCombos`. */
  combos?: readonly string[]
}

const F_KEYS = /^Ctrl\+Alt\+F\d+$/

/**
 * A menu of key combinations the browser would not pass on (Ctrl+Alt+Del, Ctrl+Alt+F1…F12,
 * Alt+Tab, …). Each is pressed in order and released in reverse, with any sticky modifiers held;
 * the focus then returns to the console.
 */
export function ConsoleSendKeysMenu(props: ConsoleSendKeysMenuProps) {
  const { combos = defaultKeyCombos, ...rest } = props
  const { status } = useConsoleViewer()
  const { labels, sendKeys, settings } = useConsoleControls()
  const fKeys = combos.filter((combo) => F_KEYS.test(combo))
  const item = (combo: string, close: () => void, short?: string) => (
    <button
      key={combo}
      type="button"
      role="menuitem"
      tabIndex={-1}
      data-rvc-menuitem=""
      data-combo={combo}
      aria-label={short ? combo : undefined}
      onClick={() => {
        sendKeys(combo)
        close()
      }}
    >
      {short ?? combo}
    </button>
  )
  return (
    <Popover
      kind="menu"
      icon="keys"
      label={labels.sendKeys}
      disabled={status.state !== 'connected' || settings.viewOnly}
      {...rest}
    >
      {(close) => {
        const done = () => close('console')
        const firstF = combos.findIndex((combo) => F_KEYS.test(combo))
        // Ctrl+Alt+F1…F12 sit together in a grid where the first of them is listed.
        return combos.map((combo, index) => {
          if (!F_KEYS.test(combo)) return item(combo, done)
          if (index !== firstF) return null
          return (
            <div key="f-keys" role="group" aria-label="Ctrl+Alt+F1…F12" data-rvc-menu-grid="">
              {fKeys.map((f) => item(f, done, f.replace('Ctrl+Alt+', '')))}
            </div>
          )
        })
      }}
    </Popover>
  )
}
