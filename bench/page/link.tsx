// Ours on a link, through public APIs only: `cold` renders <CloudTowerConsole> as the page starts
// (nothing preloaded), `preload` calls preloadConsole() first (hover intent) and renders once it
// resolved, `gateway` renders <GatewayConsole> against the gateway on the page's origin.
// Parameters come in the query string (bench/scenarios/linkProfiles.ts).
import { pageMarks } from './pageMarks.ts'
import { createRoot } from 'react-dom/client'
import { CloudTowerConsole, GatewayConsole, preloadConsole } from 'react-vm-console'

const params = new URLSearchParams(location.search)
const endpoint = params.get('endpoint') ?? ''
const token = params.get('token') ?? ''
const vmId = params.get('vm') ?? ''
const scenario = params.get('scenario')
const style = { width: '100%', height: '100%' }
const root = createRoot(document.getElementById('stage') as HTMLDivElement)

function mount(): void {
  pageMarks.mount = performance.now()
  root.render(
    scenario === 'gateway' ? (
      <GatewayConsole gateway="/consoles" provider="cloudtower" vmId={vmId} style={style} />
    ) : (
      <CloudTowerConsole endpoint={endpoint} token={token} vmId={vmId} style={style} />
    ),
  )
}

if (scenario === 'preload') {
  // The pointer rests on the link a moment before the click.
  preloadConsole()
    .then(() => new Promise((resolve) => setTimeout(resolve, 100)))
    .then(mount)
    .catch((error: unknown) => (pageMarks.error = String(error)))
} else {
  mount()
}
