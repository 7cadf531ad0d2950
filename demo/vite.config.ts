// The demo page: `npm run demo`. The dev server also runs the fake cloud (see fakeCloudPlugin.ts).
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { fakeCloudPlugin } from './fakeCloudPlugin.ts'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), fakeCloudPlugin()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
})
