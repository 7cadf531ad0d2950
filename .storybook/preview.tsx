import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { setupWorker } from 'msw/browser'
import { configure } from 'storybook/test'
import '../src/styles.css'
import { copyWebSocketSends } from '../stories/support/copyWebSocketSends.js'
import { ThemeFrame } from '../stories/support/ThemeFrame.js'
import { STORY_WAIT_MS } from '../stories/support/storyWaitMs.js'

// Every findBy*/waitFor in every play function, not per call: they all wait on the lazily loaded
// viewer or on a session behind it, and a story written tomorrow would forget a per-call option.
configure({ asyncUtilTimeout: STORY_WAIT_MS })

const preview: Preview = {
  // Live stories talk to the fake cloud through the dev server: let what no handler claims through.
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker()
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
      copyWebSocketSends()
      return worker
    }),
  ],
  decorators: [
    (Story, context) => (
      <ThemeFrame theme={context.globals.theme === 'dark' ? 'dark' : 'light'}>
        <Story />
      </ThemeFrame>
    ),
  ],
  globalTypes: {
    theme: {
      description: 'Page theme around the console',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
}

export default preview
