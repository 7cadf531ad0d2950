import type { LinkOrigin, LinkScenario } from '../scenarios/linkProfiles.ts'
import { fmt } from './fmt.ts'
import type { LinkCell, summarizeLinks } from './summarizeLinks.ts'

const ORIGINS: { origin: LinkOrigin; label: string }[] = [
  { origin: 'cross', label: 'cross-origin (CORS preflight)' },
  { origin: 'same', label: 'same-origin (`endpoint="/tower"`)' },
  { origin: 'h2', label: 'same-origin, HTTP/2 + TLS' },
]
const SCENARIOS: { scenario: LinkScenario; label: string }[] = [
  { scenario: 'bare', label: 'eager bare' },
  { scenario: 'cold', label: 'ours cold' },
  { scenario: 'preload', label: 'ours after preloadConsole()' },
  { scenario: 'gateway', label: 'GatewayConsole cold' },
]

const markdown = (rows: string[][]) =>
  [
    `| ${rows[0]?.join(' | ')} |`,
    `| ${rows[0]?.map(() => '---').join(' | ')} |`,
    ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
const failed = (cell: LinkCell) => (cell.failures > 0 ? ` (${cell.failures} failed)` : '')

/**
 * Two tables: navigation → first frame per link and endpoint, ours against eager bare; and where
 * each scenario spends its time (medians of each mark, ms since navigation start).
 */
export function linkTables({ profiles, cell }: ReturnType<typeof summarizeLinks>): string {
  const { ms, medP90 } = fmt
  const head = [
    'link',
    'endpoint',
    'eager bare, navigation → frame',
    'ours cold, navigation → frame',
    'ours / bare',
    'ours after `preloadConsole()`, mount → frame',
    "bare's own connect, request → frame",
    'GatewayConsole cold, navigation → frame',
    'gateway / bare',
  ]
  const rows = [head]
  for (const profile of profiles) {
    for (const { origin, label } of ORIGINS) {
      const bare = cell(profile.name, origin, 'bare')
      const cold = cell(profile.name, origin, 'cold')
      const preload = cell(profile.name, origin, 'preload')
      const gateway = cell(profile.name, origin, 'gateway')
      if (!bare || !cold || !preload) continue
      rows.push([
        profile.name === 'loopback'
          ? 'loopback'
          : `${profile.rttMs} ms RTT, ${profile.mbitPerS} Mbit/s`,
        label,
        medP90(bare.frame) + failed(bare),
        medP90(cold.frame) + failed(cold),
        ratio(cold.frame.median, bare.frame.median),
        `${medP90(preload.mountToFrame)}${failed(preload)} (${ratio(preload.mountToFrame.median, bare.connect.median)})`,
        medP90(bare.connect),
        gateway ? medP90(gateway.frame) + failed(gateway) : '–',
        gateway ? ratio(gateway.frame.median, bare.frame.median) : '',
      ])
    }
  }
  const timeline = [
    [
      'link',
      'endpoint',
      'scenario',
      'mount',
      'request sent',
      'answered',
      'code loaded',
      'socket created',
      'socket open',
      'RFB greeting',
      'first frame',
      'mount → frame',
      'vs bare',
    ],
  ]
  for (const profile of profiles) {
    for (const { origin } of ORIGINS) {
      const bare = cell(profile.name, origin, 'bare')
      for (const { scenario, label } of SCENARIOS) {
        const c = cell(profile.name, origin, scenario)
        if (!c || !bare) continue
        const { at } = c
        timeline.push([
          profile.name,
          origin,
          label,
          ms(at.mount),
          ms(at.requestSent),
          ms(at.requestAnswered),
          ms(at.codeLoaded),
          ms(at.socketCreated),
          ms(at.socketOpen),
          ms(at.greeting),
          ms(at.frame),
          medP90(c.mountToFrame),
          scenario === 'preload'
            ? `${ratio(c.mountToFrame.median, bare.connect.median)} of bare's connect`
            : ratio(c.frame.median, bare.frame.median),
        ])
      }
    }
  }
  return `${markdown(rows)}\n\n${markdown(timeline)}`
}
