'use client'
import { GatewayConsole } from 'react-vm-console'

// A VM of the fake cloud; a portal passes the VM its user picked.
const VM_ID = 'vm-ubuntu-01'

export default function Page() {
  return (
    <main style={{ padding: 16 }}>
      <h1>VM console</h1>
      <div style={{ height: 600 }}>
        <GatewayConsole gateway="/api/consoles" provider="cloudtower" vmId={VM_ID} />
      </div>
    </main>
  )
}
