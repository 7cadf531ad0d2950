import type { ConsoleViewProps } from '../ConsoleViewerProps.js'
import type { ConsoleViewSettings } from '../ConsoleViewSettings.js'
import { VIEW_DEFAULTS } from '../viewDefaults.js'

type ViewKey = keyof ConsoleViewProps
const VIEW_KEYS = Object.keys(VIEW_DEFAULTS) as ViewKey[]

/**
 * The display settings in effect: defaults, then the viewer's props, then what the user chose in
 * the toolbar. A later change of the same prop wins again over the user's choice.
 */
export class ViewSettings {
  static same(a: ConsoleViewSettings, b: ConsoleViewSettings): boolean {
    return (
      a.scaling === b.scaling &&
      a.viewOnly === b.viewOnly &&
      a.qualityLevel === b.qualityLevel &&
      a.compressionLevel === b.compressionLevel
    )
  }

  private props: ConsoleViewProps = {}
  /** Display settings the user chose in the toolbar. */
  private overrides: Partial<ConsoleViewProps> = {}

  /** Takes the latest props; a prop that changed drops the user's choice for it. */
  sync(props: ConsoleViewProps): void {
    for (const key of VIEW_KEYS) {
      if (props[key] !== this.props[key]) delete this.overrides[key]
    }
    this.props = props
  }

  /** The toolbar's choice, on top of the props. */
  choose(patch: Partial<ConsoleViewSettings>): void {
    this.overrides = { ...this.overrides, ...fromSettings(patch) }
  }

  /** Every view prop, resolved: what react-vnc and noVNC get. */
  effective(): Required<ConsoleViewProps> {
    const view = { ...VIEW_DEFAULTS }
    for (const key of VIEW_KEYS) {
      const value = this.overrides[key] ?? this.props[key]
      if (value !== undefined) (view as Record<ViewKey, unknown>)[key] = value
    }
    return view
  }

  /** The same, as the toolbar shows it. */
  settings(): ConsoleViewSettings {
    const view = this.effective()
    return {
      scaling: view.resizeSession ? 'remote' : view.scaleViewport ? 'fit' : 'none',
      viewOnly: view.viewOnly,
      qualityLevel: view.qualityLevel,
      compressionLevel: view.compressionLevel,
    }
  }
}

function fromSettings(patch: Partial<ConsoleViewSettings>): Partial<ConsoleViewProps> {
  const out: Partial<ConsoleViewProps> = {}
  if (patch.scaling) {
    out.scaleViewport = patch.scaling === 'fit'
    out.resizeSession = patch.scaling === 'remote'
    // 1:1 scrolls (the screen element overflows) rather than clipping to a draggable viewport.
    out.clipViewport = false
  }
  if (patch.viewOnly !== undefined) out.viewOnly = patch.viewOnly
  if (patch.qualityLevel !== undefined) out.qualityLevel = patch.qualityLevel
  if (patch.compressionLevel !== undefined) out.compressionLevel = patch.compressionLevel
  return out
}
