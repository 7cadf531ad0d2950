import type { ReactNode } from 'react'
import 'react-vm-console/styles.css'

export const metadata = { title: 'react-vm-console with Next.js' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ margin: 0, fontFamily: 'system-ui, sans-serif' }}>{children}</body>
    </html>
  )
}
