// Library build (two entry points, one file per source module) and the test projects.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

// Peers and react-vnc stay imports: the host app brings one copy of each.
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\/react-query($|\/)/,
  /^react-vnc$/,
]

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: { index: src('index.ts'), 'core/index': src('core/index.ts') },
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
          include: [
            'src/core/**/*.test.ts',
            'test/node/**/*.test.ts',
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
          include: ['src/react/**/*.test.{ts,tsx}', 'test/jsdom/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/jsdomSetup.ts'],
        },
      },
    ],
  },
})
