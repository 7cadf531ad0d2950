// The contract between the link pages (eager.tsx, link.tsx) and the runner
// (bench/scenarios/linkProfiles.ts). Types only.

/**
 * Where one console load spent its time on a simulated link: ms since navigation start (the
 * page's `performance.now()`), each the first of its kind; absent when it did not happen.
 */
export interface LinkMarks {
  /** The console was asked for: eager bare's module started, or ours was rendered. */
  mount?: number
  /** The credential request (CloudTower `/api`, or the gateway's `POST /consoles`) was sent / answered. */
  requestSent?: number
  requestAnswered?: number
  /** The last script (main bundle or lazy chunk) that had arrived by the first frame, responseEnd. */
  codeLoaded?: number
  socketCreated?: number
  socketOpen?: number
  /** The first websocket message: the RFB greeting (ProtocolVersion). */
  greeting?: number
  /** The first painted frame that shows the server's marker. */
  frame?: number
  error?: string
  /** The page's own protocol (`http/1.1`, `h2`), from its navigation timing. */
  protocol?: string
}

declare global {
  interface Window {
    linkMarks?: LinkMarks
  }
}
