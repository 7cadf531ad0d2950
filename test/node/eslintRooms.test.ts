// The README's architecture says ESLint refuses an import that points up: this runs the project's
// own ESLint config on a probe file in every React room, one import up and one down.
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const eslint = new ESLint({ cwd: root })

/** The rules that fired on a probe file in `room` that imports `path`. */
async function rulesFor(room: string, path: string) {
  const code = `import { probe } from '${path}'\nexport const used = probe\n`
  const [result] = await eslint.lintText(code, { filePath: `src/react/${room}/Probe.ts` })
  return result?.messages.map((message) => message.ruleId) ?? []
}

// From the bottom: loaders, context, queries ← urls ← session, ui ← viewer ← lazy ← consoles.
const rooms: { room: string; up?: string; down: string }[] = [
  { room: 'loaders', up: '../urls/EarlySocket.js', down: '../../core/errors/ConsoleError.js' },
  { room: 'context', up: '../session/ConsoleSession.js', down: '../../core/connection/types.js' },
  { room: 'queries', up: '../urls/postGateway.js', down: '../../core/errors/ConsoleError.js' },
  { room: 'urls', up: '../session/ConsoleSession.js', down: '../queries/cloudTowerVncOptions.js' },
  { room: 'session', up: '../viewer/LoadedConsoleViewer.js', down: '../urls/EarlySocket.js' },
  { room: 'ui', up: '../viewer/useFullscreen.js', down: '../context/useConsoleViewer.js' },
  { room: 'viewer', up: '../lazy/viewerLoader.js', down: '../session/ConsoleSession.js' },
  {
    room: 'lazy',
    up: '../consoles/CloudTowerConsole.js',
    down: '../viewer/LoadedConsoleViewer.js',
  },
  // The top room: nothing in react is above it.
  { room: 'consoles', down: '../lazy/ConsoleViewer.js' },
  // Beside the consoles, on loaders only; the recording format comes from core, never the server.
  { room: 'replay', up: '../consoles/GatewayConsole.js', down: '../loaders/vncScreenLoader.js' },
  {
    room: 'replay',
    up: '../../server/recording/createSessionRecorder.js',
    down: '../../core/recording/RECORDING_FORMAT.js',
  },
]

describe('ESLint keeps every React room’s imports pointing down', () => {
  for (const { room, up, down } of rooms) {
    if (up) {
      it(`refuses ${room}/ → ${up}`, async () => {
        expect(await rulesFor(room, up)).toContain('no-restricted-imports')
      })
    }
    it(`allows ${room}/ → ${down}`, async () => {
      expect(await rulesFor(room, down)).not.toContain('no-restricted-imports')
    })
  }

  it('covers every folder of src/react', async () => {
    const { readdir } = await import('node:fs/promises')
    const folders = (await readdir(`${root}src/react`, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
    expect(folders.sort()).toEqual([...new Set(rooms.map((r) => r.room))].sort())
  })
})
