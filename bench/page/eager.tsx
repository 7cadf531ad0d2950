// "Eager bare": what a hand-written integration does. noVNC is in the main bundle (react-vnc's
// copy, imported statically), the page fetches the credentials with fetch as soon as its script
// runs, and connects. Parameters come in the query string (bench/scenarios/linkProfiles.ts).
import { pageMarks } from './pageMarks.ts'
import { buildCloudTowerVncUrl, fetchCloudTowerVnc } from 'react-vm-console/core'
import { VncScreen } from 'react-vnc'
import { VIEW_DEFAULTS } from '../../src/react/session/viewDefaults.js'
import { takeRfbClass } from './takeRfbClass.tsx'

const params = new URLSearchParams(location.search)
const endpoint = params.get('endpoint') ?? ''
const token = params.get('token') ?? ''
const vmId = params.get('vm') ?? ''

pageMarks.mount = performance.now()
const credentials = fetchCloudTowerVnc({ endpoint, token, vmId })
const RFB = takeRfbClass(VncScreen)
credentials
  .then((vnc) => {
    const url = buildCloudTowerVncUrl(vnc, { mode: 'proxy', endpoint })
    const stage = document.getElementById('stage') as HTMLDivElement
    Object.assign(new RFB(stage, url, { wsProtocols: ['binary'] }), VIEW_DEFAULTS)
  })
  .catch((error: unknown) => (pageMarks.error = String(error)))
