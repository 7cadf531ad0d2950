import type { Meta } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { ConsoleToolbar, type ConsoleViewer } from '../../src/index.js'
import type { partVm } from './partVm.js'
import { VIEWER_STYLE } from './viewerFrame.js'

/**
 * What every toolbar-part story file shares in its meta (the file keeps `title` and `component`
 * literal, for Storybook's static indexer): the part in a `<ConsoleToolbar>` passed as the viewer's
 * `toolbar`, the parts read the console from the viewer's context, and the file's mock VMs.
 */
export function toolbarPartMeta(
  parts: Record<string, ComponentType<never>>,
  vms: readonly ReturnType<typeof partVm>[],
  description: string,
) {
  return {
    subcomponents: { ConsoleToolbar, ...parts },
    args: { reconnect: false, style: { ...VIEWER_STYLE, height: 440 } },
    argTypes: { toolbar: { control: false }, style: { control: false } },
    parameters: {
      msw: vms.map((vm) => vm.handler),
      docs: {
        description: {
          component:
            `${description} Each story puts the part in a \`<ConsoleToolbar>\` given as the ` +
            'viewer’s `toolbar`; a part works anywhere under a `<ConsoleViewer>`, since it reads ' +
            'the console from context.',
        },
      },
    },
  } satisfies Meta<typeof ConsoleViewer>
}
