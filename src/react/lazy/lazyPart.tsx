import type { ComponentType, ReactNode } from 'react'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { viewerLoader } from './viewerLoader.js'
import type { viewerParts } from './viewerParts.js'

type PartName = Exclude<keyof typeof viewerParts, 'LoadedConsoleViewer'>

/**
 * The exported form of a console UI part: a few bytes in the package entry that render the real
 * part from the lazily loaded viewer chunk. Parts live inside a `<ConsoleViewer>`, which has
 * loaded that chunk before it renders its toolbar, overlay or children.
 */
export function lazyPart<P extends object>(name: PartName): (props: P) => ReactNode {
  function Part(props: P) {
    const Real = viewerLoader.current?.[name] as ComponentType<P> | undefined
    if (!Real) {
      throw new ConsoleError({
        kind: 'invalid_input',
        provider: 'vnc',
        message: `<${name}> must be rendered inside <ConsoleViewer>.`,
      })
    }
    return <Real {...props} />
  }
  Part.displayName = name
  return Part
}
