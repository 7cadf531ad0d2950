// The bench page, served by the runner (bench/run.ts): a development server (StrictMode counts,
// React Profiler) and a production build (timings). The runner adds the proxy to the fake cloud.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url))

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The package by name, as an app imports it; here the name points at the source.
  resolve: {
    alias: [
      { find: /^react-vm-console\/core$/, replacement: src('core/index.ts') },
      { find: /^react-vm-console$/, replacement: src('index.ts') },
    ],
  },
  // Prebundled up front so the dev server never reloads the page mid-run to add a dependency.
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-dev-runtime',
      '@tanstack/react-query',
      'react-vnc',
    ],
  },
  // Its own prebundle cache: the demo and Storybook may run dev servers at the same time.
  cacheDir: fileURLToPath(
    new URL('../../node_modules/.cache/react-vm-console-bench-vite', import.meta.url),
  ),
  // Others edit src/ while a bench runs: no HMR or reloads from file changes.
  server: { hmr: false, watch: null },
  build: { target: 'es2022', sourcemap: false, reportCompressedSize: false },
  logLevel: 'warn',
})
