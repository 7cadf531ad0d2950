import type { CDPSession } from 'playwright-core'

/**
 * Console-sized objects alive after a full GC, from a heap snapshot (native names survive
 * minifying), and the bytes of DevTools' network log: the bench's own CDP connection keeps a record
 * per request there, which no user's page has.
 */
export async function liveObjects(
  cdp: CDPSession,
): Promise<Record<'canvases' | 'sockets' | 'resizeObservers' | 'devtoolsBytes', number>> {
  await cdp.send('HeapProfiler.collectGarbage')
  let json = ''
  const onChunk = ({ chunk }: { chunk: string }) => void (json += chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  const snapshot = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[] } }
    nodes: number[]
    strings: string[]
  }
  const fields = snapshot.snapshot.meta.node_fields
  const nameField = fields.indexOf('name')
  const sizeField = fields.indexOf('self_size')
  const counts = { canvases: 0, sockets: 0, resizeObservers: 0, devtoolsBytes: 0 }
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const name = snapshot.strings[snapshot.nodes[i + nameField] ?? 0]?.replace(/^Detached /, '')
    if (name === 'HTMLCanvasElement') counts.canvases++
    else if (name === 'WebSocket') counts.sockets++
    else if (name === 'ResizeObserver') counts.resizeObservers++
    else if (name?.startsWith('blink::NetworkResourcesData')) {
      counts.devtoolsBytes += snapshot.nodes[i + sizeField] ?? 0
    }
  }
  return counts
}
