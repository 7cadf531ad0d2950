// The contract between the bench page (main.tsx, in Chromium) and the runner (run.ts, in Node).
// Types only: the runner imports this file with `import type`, so Node never loads it.

/**
 * What is mounted:
 * - `bare`: react-vnc's own bundled noVNC `RFB`, driven directly with a ready URL (the baseline);
 * - `viewer`: `<ConsoleViewer url>` with a ready URL;
 * - `viewer-geturl`: `<ConsoleViewer getUrl>` fetching its own credentials;
 * - `cloudtower`: `<CloudTowerConsole>` (credential fetch + link + lazy chunk + connect);
 * - `vncscreen`: react-vnc's `<VncScreen url>` alone (only to show what the viewer avoids).
 */
export type ConsoleKind = 'bare' | 'viewer' | 'viewer-geturl' | 'cloudtower' | 'vncscreen'

export interface BenchReconnectPolicy {
  maxAttempts: number
  baseDelayMs: number
  jitter: number
}

export interface MountSpec {
  kind: ConsoleKind
  vmId: string
  width: number
  height: number
  /** Wrap in <StrictMode> (only does anything in a development build). */
  strict?: boolean
  /** Count React commits with <Profiler> (development build only). */
  profile?: boolean
  reconnect?: BenchReconnectPolicy
  /** Wait for the first painted frame (default true); false returns right after mounting. */
  waitFrame?: boolean
}

export interface MountResult {
  id: number
  /** Mount → first painted frame, ms (null when not waited for). */
  firstFrameMs: number | null
  /** The untimed credential fetch that made the ready URL (bare, viewer, vncscreen), ms. */
  urlFetchMs: number | null
  /** Mount → the console's websocket was created, ms (null when none was). */
  socketMs: number | null
  /** Mount → the console's own credential request started / was answered, ms (null: none). */
  fetchStartMs: number | null
  fetchEndMs: number | null
}

export interface PageCounters {
  /** Console websockets (`/websockify`) created since the page loaded. */
  socketsCreated: number
  /** Console websockets not yet closed. */
  socketsOpen: number
  /** Credential requests the page's code made (not the harness's own). */
  apiFetches: number
  /** React commits seen by <Profiler> since the last reset. */
  commits: number
  /** Long tasks (≥ 50 ms) since the last reset. */
  longTasks: number
}

export interface ReconnectSample {
  /** Fault request sent → the page's socket closed, ms. */
  closeMs: number
  /** Fault request sent → next painted frame on a new canvas, ms. */
  frameMs: number
  /** The new socket's URL (so its token) differs from the dropped one. */
  freshUrl: boolean
}

export interface StartVmSample {
  /** Start VM clicked → the console's root says `connected`, ms. */
  connectedMs: number
  /** Start VM clicked → first painted frame from the server, ms. */
  frameMs: number
}

export interface ChurnResult {
  cycles: number
  socketsCreated: number
  socketsOpenAfter: number
  /** Elements left in the document by unmounted consoles (canvases). */
  canvasesLeft: number
  /** Queries left in the app's QueryClient cache (credentials must not be kept). */
  queriesLeft: number
}

export interface BenchApi {
  setup(config: { endpoint: string; token: string }): void
  /** Loads react-vnc's chunk and takes its RFB class (opens no socket); ms the import took. */
  preload(): Promise<number>
  /** Whether react-vnc's chunk has been loaded in this page. */
  loaded(): boolean
  /** One credential fetch through the proxy, as the console makes it: ms. */
  apiRoundTrip(vmId: string): Promise<number>
  mount(spec: MountSpec): Promise<MountResult>
  /** Mounts `specs` together (a dashboard grid) and waits for every first frame. */
  mountGrid(specs: MountSpec[], columns: number): Promise<MountResult[]>
  unmount(id: number): Promise<void>
  unmountAll(): Promise<void>
  counters(): PageCounters
  resetCounters(): void
  /** Frames painted per mounted console since the last reset, in mount order. */
  frames(): number[]
  /** Gives the console's canvas the keyboard; true when it has it. */
  focus(id: number): boolean
  /** Drops every console connection at the fake cloud and times the way back. */
  reconnectOnce(id: number): Promise<ReconnectSample>
  /** Waits for the stopped console's Start VM button, clicks it, and times the way to a frame. */
  startVm(id: number): Promise<StartVmSample>
  /** `cycles` mounts and unmounts; every other one is unmounted before it connects. */
  churn(spec: MountSpec, cycles: number): Promise<ChurnResult>
  /** How often a mount effect runs under <StrictMode>: 2 in a development build, 1 in production. */
  strictEffectRuns(): Promise<number>
  /** Full GC (Chromium runs with --expose-gc). */
  gc(): void
}

declare global {
  interface Window {
    bench?: BenchApi
    gc?: () => void
  }
}
