// Storybook 10 (react-vite). `npm run storybook` also runs the fake CloudTower + ECS in its dev
// server (the demo's Vite plugin), for the live stories; the Vitest `storybook` project loads the
// same viteFinal, so live stories run as tests too. MSW mocks the clouds in every other story.
import type { StorybookConfig } from '@storybook/react-vite'
import { fakeCloudPlugin } from '../demo/fakeCloudPlugin.ts'
import { MSW_WORKER_FILE, mswWorkerPlugin } from './mswWorkerPlugin.ts'

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: [{ from: MSW_WORKER_FILE, to: '/mockServiceWorker.js' }],
  core: { disableTelemetry: true },
  typescript: {
    // Follows the props through `extends` and Omit<> into their own files, for the docs tables.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // Our props only: not the hundreds of <div> attributes the viewer passes through.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  viteFinal(config) {
    // No built-in VNC target override: the fake cloud gives each VM its own pure-TS VNC server.
    config.plugins = [...(config.plugins ?? []), mswWorkerPlugin(), fakeCloudPlugin()]
    return config
  },
}

export default config
