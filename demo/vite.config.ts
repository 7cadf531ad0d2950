// The demo page: `npm run demo`. The dev server also runs the fake cloud (see fakeCloudPlugin.ts).
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { fakeCloudPlugin } from './fakeCloudPlugin.ts'

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url))

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), fakeCloudPlugin()],
  // The page imports the package by name, as an app would; here the name points at the source.
  resolve: {
    alias: [
      { find: /^react-vm-console\/core$/, replacement: src('core/index.ts') },
      { find: /^react-vm-console\/styles\.css$/, replacement: src('styles.css') },
      { find: /^react-vm-console$/, replacement: src('index.ts') },
    ],
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
})
