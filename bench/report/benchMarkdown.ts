import { CONFIG } from '../lib/CONFIG.ts'
import { machineLine, type Machine } from '../lib/describeMachine.ts'
import { LINK_SCREEN } from '../scenarios/linkProfiles.ts'
import { fmt } from './fmt.ts'

/** How the link profiles were simulated and sampled. */
export const LINK_NOTE = () =>
  `Links (${CONFIG.links.join(', ')}): every connection the page makes (the page and its chunks, the API, the websocket, the gateway) crosses a delaying TCP proxy; each piece read (≤ 16 KiB) leaves when the link is free, takes its serialization time at the cap (one bandwidth per direction, shared by all connections) and arrives half the round trip later; a new connection's first bytes leave one round trip after it was accepted (SYN / SYN-ACK); no slow start, no loss; HTTP/1.1 without TLS, except the HTTP/2 rows (TLS 1.3 and HTTP/2 to the page's origin, self-signed; websockets over HTTP/1.1). The VM's screen is ${LINK_SCREEN.width}×${LINK_SCREEN.height} (Raw: ${(LINK_SCREEN.width * LINK_SCREEN.height * 4) / 1024} KB for the first frame, about a compressed desktop). ${CONFIG.linkReps} page loads per scenario and link, interleaved, each in a fresh browser context (cold HTTP cache, no open connections); times from navigation start, medians (and p90), production build.`

/** The printed report: the table, the goals met or missed, and how the numbers were taken. */
export function benchMarkdown(
  table: string,
  goals: readonly { name: string; goal: string; measured: string; met: boolean }[],
  machine: Machine,
): string {
  const goalList = goals
    .map(
      (goal) =>
        `- ${fmt.mark(goal.met)} ${goal.name}: goal ${goal.goal}, measured ${goal.measured}`,
    )
    .join('\n')
  const notes = [
    `Machine: ${machineLine(machine)}.`,
    `${machine.cores} cores shared by Chromium and one Node process (fake cloud, VNC servers, Vite proxy, Playwright); other work may have run at the same time (see the load average), so compare ratios, not absolute times.`,
    `Samples: first frame ${CONFIG.reps} per variant on fresh pages, bare and ours interleaved (production build); keys ${CONFIG.keys} per variant; ${CONFIG.reconnects} drops; ${CONFIG.gridReps}× ${CONFIG.seconds} s per grid; StrictMode and commits in the development build.`,
    'First frame = the first noVNC flip (drawImage onto the visible canvas) that shows the marker the VNC server paints; the same hook for every variant.',
    LINK_NOTE(),
  ]
  return `${table}\n\n${goalList}\n\n${notes.map((note) => `_${note}_`).join('\n\n')}\n`
}
