// The demo portal: VM consoles from a (fake, local) CloudTower and Huawei Cloud ECS, using only
// the library's public entry point, as an app would.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { StrictMode, useState, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import {
  CloudTowerConsole,
  EcsConsole,
  type CloudTowerConsoleProps,
  type ConsoleStatus,
  type EcsConsoleProps,
} from 'react-vm-console'
import 'react-vm-console/styles.css'
import type { DemoConfig } from './fakeCloudPlugin.ts'
import './demo.css'

type Selection =
  | { cloud: 'cloudtower'; vmId: string; name: string; token?: string; deadProxy?: boolean }
  | { cloud: 'ecs'; serverId: string; name: string }

interface Vm {
  id: string
  name: string
  status: string
}

async function loadConfig(): Promise<DemoConfig> {
  const response = await fetch('/__demo/config')
  if (!response.ok) throw new Error(`demo config: HTTP ${response.status}`)
  return (await response.json()) as DemoConfig
}

// The portal lists VMs the way a real one would: CloudTower's GraphQL API with the user's token.
async function loadTowerVms(config: DemoConfig): Promise<Vm[]> {
  const response = await fetch(`${config.cloudTower.endpoint}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: config.cloudTower.token },
    body: JSON.stringify({ operationName: 'vms', query: 'query vms { vms { id name status } }' }),
  })
  const body = (await response.json()) as { data?: { vms?: Vm[] } }
  return body.data?.vms ?? []
}

function App() {
  const config = useQuery({ queryKey: ['demo-config'], queryFn: loadConfig, staleTime: Infinity })
  if (config.isPending) return <p className="demo-note">Starting the fake cloud…</p>
  if (config.isError) return <p className="demo-note">{config.error.message}</p>
  return <Portal config={config.data} />
}

function Portal({ config }: { config: DemoConfig }) {
  const vms = useQuery({ queryKey: ['tower-vms'], queryFn: () => loadTowerVms(config) })
  const [selected, setSelected] = useState<Selection | null>(null)
  const [mode, setMode] = useState<'proxy' | 'direct'>('proxy')
  const [view, setView] = useState<'grid' | 'console'>('grid')
  const open = (selection: Selection) => {
    setSelected(selection)
    setView('console')
  }
  const towerVms = vms.data ?? []
  const errorCases: Selection[] = [
    {
      cloud: 'cloudtower',
      vmId: towerVms[0]?.id ?? '',
      name: 'Bad token',
      token: 'expired-token',
    },
    {
      cloud: 'cloudtower',
      vmId: towerVms[0]?.id ?? '',
      name: 'Console proxy down',
      deadProxy: true,
    },
    { cloud: 'cloudtower', vmId: 'vm-does-not-exist', name: 'Unknown VM' },
    { cloud: 'ecs', serverId: 'no-such-server', name: 'Unknown ECS server' },
  ]
  return (
    <div className="demo">
      <header className="demo-header">
        <h1>VM consoles</h1>
        <span className="demo-sub">
          react-vm-console demo portal · fake CloudTower + ECS on this machine
        </span>
      </header>
      <aside className="demo-sidebar" aria-label="Virtual machines">
        <h2>CloudTower</h2>
        <VmList
          vms={towerVms}
          currentId={selected?.cloud === 'cloudtower' ? selected.vmId : undefined}
          onOpen={(vm) => open({ cloud: 'cloudtower', vmId: vm.id, name: vm.name })}
        />
        <h2>Huawei Cloud ECS</h2>
        <VmList
          vms={config.ecs.servers}
          currentId={selected?.cloud === 'ecs' ? selected.serverId : undefined}
          onOpen={(server) => open({ cloud: 'ecs', serverId: server.id, name: server.name })}
        />
        <h2>Error cases</h2>
        <ul>
          {errorCases.map((errorCase) => (
            <li key={errorCase.name}>
              <button type="button" onClick={() => open(errorCase)}>
                {errorCase.name}
              </button>
            </li>
          ))}
        </ul>
        <ChaosPanel
          api={config.fakeApi}
          vm={
            selected && {
              id: selected.cloud === 'cloudtower' ? selected.vmId : selected.serverId,
              name: selected.name,
            }
          }
        />
      </aside>
      <main className="demo-main">
        <div className="demo-tabs" role="tablist" aria-label="View">
          <button
            type="button"
            role="tab"
            aria-selected={view === 'grid'}
            onClick={() => setView('grid')}
          >
            All consoles
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={view === 'console'}
            disabled={!selected}
            onClick={() => setView('console')}
          >
            {selected ? selected.name : 'Console'}
          </button>
          {selected?.cloud === 'cloudtower' && view === 'console' ? (
            <label className="demo-mode">
              Link
              <select value={mode} onChange={(e) => setMode(e.target.value as 'proxy' | 'direct')}>
                <option value="proxy">through CloudTower (proxy)</option>
                <option value="direct">to the cluster (direct)</option>
              </select>
            </label>
          ) : null}
        </div>
        {view === 'grid' ? (
          <div className="demo-grid">
            {towerVms.map((vm) => (
              <Thumbnail
                key={vm.id}
                name={vm.name}
                onOpen={() => open({ cloud: 'cloudtower', vmId: vm.id, name: vm.name })}
              >
                <CloudTowerConsole
                  {...towerProps(config, vm.id, 'proxy')}
                  viewOnly
                  toolbar={false}
                  className="demo-console"
                  aria-label={`${vm.name} (live thumbnail)`}
                />
              </Thumbnail>
            ))}
            {config.ecs.servers.map((server) => (
              <Thumbnail
                key={server.id}
                name={server.name}
                onOpen={() => open({ cloud: 'ecs', serverId: server.id, name: server.name })}
              >
                <EcsConsole
                  {...ecsProps(config, server.id)}
                  viewOnly
                  toolbar={false}
                  className="demo-console"
                  aria-label={`${server.name} (live thumbnail)`}
                />
              </Thumbnail>
            ))}
          </div>
        ) : selected ? (
          <FullConsole
            key={JSON.stringify([selected, mode])}
            config={config}
            selected={selected}
            mode={mode}
          />
        ) : null}
      </main>
    </div>
  )
}

function towerProps(
  config: DemoConfig,
  vmId: string,
  mode: 'proxy' | 'direct',
  token = config.cloudTower.token,
): CloudTowerConsoleProps {
  const password = config.cloudTower.vms.find((vm) => vm.id === vmId)?.vncPassword
  // The fake cluster's websocket proxy listens on the fake cloud's port, not on 443.
  const port = Number(new URL(config.fakeCloudUrl).port)
  return {
    endpoint: config.cloudTower.endpoint,
    token,
    vmId,
    mode,
    ...(mode === 'direct' && { port, secure: false }),
    credentials: password ? { password } : undefined,
  }
}

function ecsProps(config: DemoConfig, serverId: string): EcsConsoleProps {
  const password = config.ecs.servers.find((server) => server.id === serverId)?.vncPassword
  return {
    endpoint: config.ecs.endpoint,
    projectId: config.ecs.projectId,
    serverId,
    authToken: config.ecs.authToken,
    credentials: password ? { password } : undefined,
  }
}

/** A sidebar list of one cloud's VMs; the open one is `aria-current`. */
function VmList(props: { vms: Vm[]; currentId: string | undefined; onOpen: (vm: Vm) => void }) {
  return (
    <ul>
      {props.vms.map((vm) => (
        <li key={vm.id}>
          <button
            type="button"
            aria-current={vm.id === props.currentId}
            onClick={() => props.onOpen(vm)}
          >
            <span className={`demo-dot demo-dot-${vm.status.toLowerCase()}`} />
            {vm.name}
          </button>
        </li>
      ))}
    </ul>
  )
}

function Thumbnail(props: { name: string; onOpen: () => void; children: ReactNode }) {
  return (
    <figure className="demo-thumb">
      {props.children}
      <figcaption>
        <button type="button" onClick={props.onOpen}>
          Open {props.name}
        </button>
      </figcaption>
    </figure>
  )
}

function FullConsole(props: { config: DemoConfig; selected: Selection; mode: 'proxy' | 'direct' }) {
  const { config, selected, mode } = props
  const [status, setStatus] = useState<ConsoleStatus | null>(null)
  const common = {
    className: 'demo-console demo-console-full',
    onStateChange: setStatus,
  }
  return (
    <section className="demo-full" aria-label={`Console of ${selected.name}`}>
      {selected.cloud === 'cloudtower' ? (
        <CloudTowerConsole
          {...towerProps(config, selected.vmId, mode, selected.token)}
          // A direct link to a port where nothing listens: the cluster's console proxy is down.
          {...(selected.deadProxy && { mode: 'direct' as const, port: 9, secure: false })}
          {...common}
        />
      ) : (
        <EcsConsole {...ecsProps(config, selected.serverId)} {...common} />
      )}
      <p className="demo-status" role="status">
        {status ? describe(status) : 'idle'}
      </p>
    </section>
  )
}

function describe(status: ConsoleStatus): string {
  if (status.state === 'connected')
    return `connected${status.desktopName ? ` to ${status.desktopName}` : ''}`
  if (status.state === 'disconnected' && status.nextRetryAt) {
    return `connection lost, reconnecting (attempt ${status.attempt})…`
  }
  if (status.error) return `${status.state}: ${status.error.message}`
  return status.state
}

interface Faults {
  latencyMs: number
  failNext: number
  rejectTokens: boolean
  throttle: boolean
  vncPassword: string | null
}

function ChaosPanel({ api, vm }: { api: string; vm: { id: string; name: string } | null }) {
  const faults = useQuery({
    queryKey: ['faults'],
    queryFn: async () => (await (await fetch(`${api}/faults`)).json()) as Faults,
  })
  const [busy, setBusy] = useState(false)
  const send = async (patch: Record<string, unknown>) => {
    setBusy(true)
    try {
      await fetch(`${api}/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(patch),
      })
      await faults.refetch()
    } finally {
      setBusy(false)
    }
  }
  const f = faults.data
  return (
    <fieldset className="demo-chaos" disabled={busy || !f}>
      <legend>Chaos</legend>
      <label>
        API latency {f?.latencyMs ?? 0} ms
        <input
          type="range"
          min={0}
          max={3000}
          step={250}
          value={f?.latencyMs ?? 0}
          onChange={(e) => void send({ latencyMs: Number(e.target.value) })}
        />
      </label>
      <button type="button" onClick={() => void send({ dropConnections: true })}>
        Drop live connections
      </button>
      <button type="button" onClick={() => void send({ failNext: 3 })}>
        Next 3 API calls fail (503){f?.failNext ? ` · ${f.failNext} left` : ''}
      </button>
      <label>
        <input
          type="checkbox"
          checked={f?.rejectTokens ?? false}
          onChange={(e) => void send({ rejectTokens: e.target.checked })}
        />
        Console proxy rejects tokens
      </label>
      <label>
        <input
          type="checkbox"
          checked={f?.throttle ?? false}
          onChange={(e) => void send({ throttle: e.target.checked })}
        />
        Throttle the APIs (429)
      </label>
      <label>
        <input
          type="checkbox"
          checked={Boolean(f?.vncPassword)}
          onChange={(e) => void send({ vncPassword: e.target.checked ? 'chaos' : null })}
        />
        VNC password “chaos” on new sessions
      </label>
      <button type="button" onClick={() => void send({ reset: true })}>
        Reset
      </button>
      <PowerSwitch api={api} vm={vm} />
    </fieldset>
  )
}

/** Stops the open VM at once, under its live console (as an admin elsewhere would), or powers it on. */
function PowerSwitch({ api, vm }: { api: string; vm: { id: string; name: string } | null }) {
  const [note, setNote] = useState('')
  const power = async (state: 'stopped' | 'running') => {
    if (!vm) return
    const response = await fetch(`${api}/power`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: vm.id, state }),
    })
    setNote(response.ok ? `${vm.name}: ${state}` : `${vm.name}: HTTP ${response.status}`)
  }
  return (
    <>
      <button type="button" disabled={!vm} onClick={() => void power('stopped')}>
        Stop the open VM now{vm ? ` (${vm.name})` : ''}
      </button>
      <button type="button" disabled={!vm} onClick={() => void power('running')}>
        Power the open VM on
      </button>
      {note && <span>{note}</span>}
    </>
  )
}

const client = new QueryClient()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
)
