// A minimal page until the fake cloud and the viewer land: the link builders, live in the browser.
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { buildCloudTowerVncUrl, buildEcsConsoleUrl, ConsoleError } from '../src/index.js'

const SAMPLE = JSON.stringify(
  {
    raw_token: '1a2bc3d4567e89f0a1b2c3d4e5f6a7b8',
    token: 'MTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=',
    vm_uuid: '00000000-0000-0000-0000-000000000000',
    cluster_ip: '192.168.5.2',
    host_ip: '192.168.5.4',
  },
  null,
  2,
)

function attempt(build: () => string): string {
  try {
    return build()
  } catch (error) {
    return ConsoleError.is(error) ? `${error.kind}: ${error.message}` : String(error)
  }
}

function Demo() {
  const [vnc, setVnc] = useState(SAMPLE)
  const [page, setPage] = useState(
    'https://novnc.example.com:8002/vnc_auto.html?token=0fda3eca-8232-4249&lang=EN&tLength=70',
  )
  const parsed = () => JSON.parse(vnc) as Parameters<typeof buildCloudTowerVncUrl>[0]
  return (
    <main style={{ fontFamily: 'system-ui', maxWidth: 760, margin: '2rem auto' }}>
      <h1>react-vm-console: link builders</h1>
      <label>
        CloudTower <code>vnc</code> answer
        <textarea
          rows={8}
          style={{ width: '100%' }}
          value={vnc}
          onChange={(e) => setVnc(e.target.value)}
        />
      </label>
      <p>
        Direct: <code>{attempt(() => buildCloudTowerVncUrl(parsed(), { mode: 'direct' }))}</code>
      </p>
      <p>
        Proxy:{' '}
        <code>
          {attempt(() =>
            buildCloudTowerVncUrl(parsed(), {
              mode: 'proxy',
              endpoint: 'https://tower.example.com',
            }),
          )}
        </code>
      </p>
      <label>
        ECS console page URL
        <input style={{ width: '100%' }} value={page} onChange={(e) => setPage(e.target.value)} />
      </label>
      <p>
        Socket: <code>{attempt(() => buildEcsConsoleUrl(page))}</code>
      </p>
    </main>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Demo />
  </StrictMode>,
)
