// Ours on a link, through public APIs only: `cold` renders <CloudTowerConsole> as the page starts
// (nothing preloaded), `gateway` renders <GatewayConsole> against the gateway on the page's origin,
// `preload` is a portal page: it has rendered its "Open console" button, calls preloadConsole()
// (hover intent), and the click opens the console (timed from the click).
// Parameters come in the query string (bench/scenarios/linkProfiles.ts).
import { pageMarks } from './pageMarks.ts'
import { useState } from 'react'
import { createRoot } from 'react-dom/client'
import { CloudTowerConsole, GatewayConsole, preloadConsole } from 'react-vm-console'

const params = new URLSearchParams(location.search)
const endpoint = params.get('endpoint') ?? ''
const token = params.get('token') ?? ''
const vmId = params.get('vm') ?? ''
const scenario = params.get('scenario')
const style = { width: '100%', height: '100%' }
const root = createRoot(document.getElementById('stage') as HTMLDivElement)

function Console() {
  return scenario === 'gateway' ? (
    <GatewayConsole gateway="/consoles" provider="cloudtower" vmId={vmId} style={style} />
  ) : (
    <CloudTowerConsole endpoint={endpoint} token={token} vmId={vmId} style={style} />
  )
}

/** A portal's VM row: the console opens on a click, as a state update in React's click handler. */
function OpenConsole() {
  const [open, setOpen] = useState(false)
  if (open) return <Console />
  const onClick = () => {
    pageMarks.mount = performance.now()
    setOpen(true)
  }
  return (
    <button type="button" id="open-console" onClick={onClick}>
      Open console
    </button>
  )
}

if (scenario === 'preload') {
  root.render(<OpenConsole />)
  // The pointer rests on the button a moment before the click.
  preloadConsole()
    .then(() => new Promise((resolve) => setTimeout(resolve, 100)))
    .then(() => document.getElementById('open-console')?.click())
    .catch((error: unknown) => (pageMarks.error = String(error)))
} else {
  pageMarks.mount = performance.now()
  root.render(<Console />)
}
