// Serves MSW's service worker from the installed msw package, so it always matches msw's version
// and nothing generated is committed. Dev servers only (Storybook's and Vitest's, whose staticDirs
// handling cannot serve a single file); build-storybook copies it through `staticDirs` in main.ts.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Plugin } from 'vite'

export const MSW_WORKER_FILE = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js')

export function mswWorkerPlugin(): Plugin {
  return {
    name: 'react-vm-console:msw-worker',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_request, response, next) => {
        readFile(MSW_WORKER_FILE, 'utf8').then((script) => {
          response.setHeader('content-type', 'text/javascript;charset=UTF-8')
          response.setHeader('cache-control', 'no-store')
          response.end(script)
        }, next)
      })
    },
  }
}
