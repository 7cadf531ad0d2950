import { useEffect, useState } from 'react'
import { useConsoleViewer } from '../../src/index.js'

const LABELS = {
  'en-US': {
    idle: 'Idle',
    fetching: 'Fetching console credentials…',
    connecting: 'Connecting…',
    connected: 'Connected',
    disconnected: 'Disconnected',
    error: 'Error',
    retry: (seconds: number, attempt: number) =>
      `Reconnecting in ${seconds} s (attempt ${attempt})`,
    credentials: 'The VNC server asks for a password',
  },
  'zh-CN': {
    idle: '空闲',
    fetching: '正在获取控制台凭据…',
    connecting: '正在连接…',
    connected: '已连接',
    disconnected: '已断开',
    error: '错误',
    retry: (seconds: number, attempt: number) => `${seconds} 秒后重新连接（第 ${attempt} 次）`,
    credentials: 'VNC 服务器要求输入密码',
  },
} as const

/**
 * A story-side overlay over `useConsoleViewer()`: state, error kind and message, and the
 * reconnect countdown. It shows what an app builds on the status; the library's own toolbar and
 * overlay (issue 5) get their stories when they land.
 */
export function StatusPanel({ locale = 'en-US' }: { locale?: 'en-US' | 'zh-CN' }) {
  const { status } = useConsoleViewer()
  const labels = LABELS[locale]
  const now = useNow(status.nextRetryAt !== undefined)
  const seconds =
    status.nextRetryAt === undefined
      ? undefined
      : Math.max(0, Math.ceil((status.nextRetryAt - now) / 1000))
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="status-panel"
      style={{
        position: 'absolute',
        left: 8,
        bottom: 8,
        maxWidth: 'calc(100% - 16px)',
        padding: '6px 10px',
        borderRadius: 4,
        background: 'rgba(0, 0, 0, 0.8)',
        color: '#ffffff',
        fontSize: 13,
        lineHeight: 1.5,
      }}
    >
      <strong>{labels[status.state]}</strong>
      {status.desktopName ? <span> · {status.desktopName}</span> : null}
      {seconds !== undefined ? (
        <div data-testid="countdown">{labels.retry(seconds, status.attempt)}</div>
      ) : null}
      {status.credentialsRequired ? <div>{labels.credentials}</div> : null}
      {status.error ? (
        <div data-testid="error">
          <code>{status.error.kind}</code>
          {status.error.code ? <code> {status.error.code}</code> : null}
          {status.error.status ? <code> HTTP {status.error.status}</code> : null}:{' '}
          {status.error.message}
        </div>
      ) : null}
    </div>
  )
}

function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!ticking) return
    const tick = () => setNow(Date.now())
    const first = setTimeout(tick, 0)
    const timer = setInterval(tick, 250)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [ticking])
  return now
}
