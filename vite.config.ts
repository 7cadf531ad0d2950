// Library build (six entry points, one file per source module) and the test projects.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { e2eCommands } from './test/support/e2eCommands.ts'
import { CHROMIUM_ARGS, resolveChromium } from './test/support/resolveChromium.ts'

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

// Real Chromium for the browser, e2e and storybook projects (Debian's, see test/support/resolveChromium.ts).
// A missing browser fails in each project's globalSetup, with what to install, not here.
const chromium = (permissions: string[] = []) =>
  playwright({
    launchOptions: { executablePath: resolveChromium().executablePath, args: CHROMIUM_ARGS },
    contextOptions: { permissions },
  })
// A function: Vitest names each project's instances in place, so they must not be shared.
const inChromium = () => ({
  enabled: true,
  headless: true,
  instances: [{ browser: 'chromium' as const }],
})

// Peers and react-vnc stay imports: the host app brings one copy of each.
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\/react-query($|\/)/,
  /^react-vnc$/,
  // The server entry runs on Node: its builtins and ws stay imports.
  /^node:/,
  /^ws$/,
]

export default defineConfig({
  plugins: [
    react(),
    {
      // One plain stylesheet, shipped as written: `import 'react-vm-console/styles.css'`.
      name: 'rvc-styles',
      apply: 'build',
      generateBundle() {
        this.emitFile({
          type: 'asset',
          fileName: 'styles.css',
          source: readFileSync(src('styles.css'), 'utf8'),
        })
      },
    },
  ],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: src('index.ts'),
        'core/index': src('core/index.ts'),
        'keys/index': src('keys/index.ts'),
        'i18n/index': src('i18n/index.ts'),
        'server/index': src('server/index.ts'),
        'server/redis/index': src('server/redis/index.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: {
        // Keeping modules separate keeps per-file directives ("use client") and lets apps tree-shake.
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Real servers and sockets: generous under CI load, never reached when all is well.
          testTimeout: 20_000,
          include: [
            'src/core/**/*.test.ts',
            'src/keys/**/*.test.ts',
            'src/i18n/**/*.test.ts',
            'src/server/**/*.test.ts',
            // React-layer code that needs neither React nor a DOM, tested as such.
            'src/react/**/*.node.test.ts',
            'test/node/**/*.test.{ts,tsx}',
            'fake-cloud/**/*.test.ts',
            'demo/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          // Real sockets to real servers: generous under CI load, never reached when all is well.
          testTimeout: 20_000,
          include: ['src/react/**/*.test.{ts,tsx}', 'test/jsdom/**/*.test.{ts,tsx}'],
          exclude: ['src/react/**/*.node.test.ts'],
          setupFiles: ['test/support/jsdomSetup.ts'],
        },
      },
      {
        // Components in real Chromium: canvas pixels, focus, fullscreen, real websockets.
        extends: true,
        // Found late, a dependency makes Vite reload the page mid-run; name it up front.
        optimizeDeps: { include: ['react-dom/client'] },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          globalSetup: ['test/support/requireChromiumSetup.ts'],
          browser: { ...inChromium(), provider: chromium(), commands: e2eCommands },
        },
      },
      {
        // Real VNC servers (Xvnc + xterm, QEMU, websockify) started from Node by browser commands.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.{ts,tsx}'],
          globalSetup: ['test/support/e2eGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two CPU cores: QEMU (TCG) and Xvnc should not compete with each other across files.
          fileParallelism: false,
          // Paste reads the host clipboard (test/e2e/paste.test.tsx); the browser project keeps the
          // default (no permission), where the refusal path is tested.
          browser: {
            ...inChromium(),
            provider: chromium(['clipboard-read', 'clipboard-write']),
            commands: e2eCommands,
          },
        },
      },
      {
        // Every story is a test: its play function runs in Chromium (@storybook/addon-vitest).
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          // Stories wait up to 15 s for the lazy viewer (STORY_WAIT_MS); a test needs room above that.
          testTimeout: 60_000,
          globalSetup: ['test/support/requireChromiumSetup.ts'],
          browser: { ...inChromium(), provider: chromium() },
        },
      },
    ],
  },
})
