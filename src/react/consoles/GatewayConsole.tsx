'use client'
import { lazy, Suspense, useEffect, useState } from 'react'
import type { ConsoleLabels } from '../../i18n/ConsoleLabels.js'
import type { GatewayConsoleLabels } from '../../i18n/GatewayConsoleLabels.js'
import { presenceLabels } from '../../i18n/presenceLabels.js'
import { useGatewayPresence } from './useGatewayPresence.js'
import { ConsoleViewer } from '../lazy/ConsoleViewer.js'
import type { ConsoleViewerProps } from '../types.js'
import { gatewayConsoleOptions } from '../urls/gatewayConsoleOptions.js'
import { gatewayVmPower } from './gatewayVmPower.js'
import { fetchGatewayVmState } from '../urls/fetchGatewayVmState.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'

// Loaded the first time someone else is on the VM: a console alone never pays for it.
const ConsolePresenceIndicator = lazy(() =>
  import('../ui/toolbar/ConsolePresenceIndicator.js').then((module) => ({
    default: module.ConsolePresenceIndicator,
  })),
)

interface GatewayConsoleCommon extends Omit<
  ConsoleViewerProps,
  'url' | 'getUrl' | 'connectionKey' | 'labels'
> {
  /** Replaces any built-in string, `<GatewayConsole>`'s own (presence, observer note) too. */
  labels?: Partial<ConsoleLabels & GatewayConsoleLabels>
  /** Where `createConsoleGateway` is mounted: `/consoles` or an absolute URL. */
  gateway: string
  /** Extra request headers for the gateway, e.g. a CSRF token. */
  headers?: Record<string, string>
  requestCredentials?: RequestCredentials
  fetch?: typeof fetch
}

export type GatewayConsoleProps = GatewayConsoleCommon &
  (
    | { provider: 'cloudtower'; vmId: string | undefined; serverId?: never }
    | { provider: 'ecs'; serverId: string | undefined; vmId?: never }
  )

/**
 * A VM console through the portal's own `react-vm-console/server` gateway: no cloud secret in the
 * browser, a fresh single-use ticket for every connection attempt, the usual viewer and toolbar.
 * While connected it shows who else is on the VM ("Also on this console: alice, bob", polled
 * every second while the page is visible); a console the gateway granted in `observe` mode is
 * view only and says so.
 */
export function GatewayConsole(props: GatewayConsoleProps) {
  const { gateway, provider, vmId, serverId, headers, requestCredentials, fetch, ...viewer } = props
  const target =
    provider === 'cloudtower'
      ? vmId
        ? { provider, vmId }
        : undefined
      : serverId
        ? { provider, serverId }
        : undefined
  // The mode of this console's last answer; another console starts in control until it answers.
  const [granted, setGranted] = useState<{ key: string | undefined; mode: 'control' | 'observe' }>()
  const key = target && JSON.stringify([gateway, target])
  const mode = granted && granted.key === key ? granted.mode : 'control'
  const { getUrl, connectionKey } = gatewayConsoleOptions({
    gateway,
    target,
    headers,
    requestCredentials,
    fetch,
    onMode: (answered) => setGranted({ key, mode: answered }),
  })
  const [connected, setConnected] = useState(false)
  const viewers = useGatewayPresence(
    connectionKey,
    target && { gateway, target, headers, requestCredentials, fetch },
    connected,
  )
  const text = {
    ...presenceLabels[viewer.locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US'],
    ...viewer.labels,
  }
  const observing =
    mode === 'observe' ? (
      <span data-rvc-observing="" role="note">
        {text.observing}
      </span>
    ) : null
  // The power actions this user may take, as the gateway's authorize decided: asked beside the
  // first connection (not before it), and again with every state read.
  const [actions, setActions] = useState<{ key: string; list: VmPowerAction[] }>()
  const asked = useGatewayActions(
    connectionKey,
    target && { gateway, target, headers, requestCredentials, fetch },
    setActions,
  )
  const vmPower = target
    ? gatewayVmPower(
        { gateway, target, headers, requestCredentials, fetch },
        actions && actions.key === asked ? actions.list : [],
        (list) => setActions({ key: asked ?? '', list }),
      )
    : undefined
  return (
    <ConsoleViewer
      data-provider={provider}
      data-gateway=""
      data-mode={mode}
      toolbar
      overlay
      {...viewer}
      // The gateway drops an observer's input anyway; the viewer says so and sends none.
      viewOnly={mode === 'observe' || viewer.viewOnly}
      toolbarEnd={
        <>
          {viewer.toolbarEnd}
          {observing}
          {viewers.length > 0 ? (
            <Suspense fallback={null}>
              <ConsolePresenceIndicator
                viewers={viewers}
                labels={text}
                locale={viewer.locale ?? 'en-US'}
              />
            </Suspense>
          ) : null}
        </>
      }
      onStateChange={(status) => {
        setConnected(status.state === 'connected')
        viewer.onStateChange?.(status)
      }}
      vmPower={vmPower}
      getUrl={getUrl}
      connectionKey={connectionKey}
    >
      {viewer.toolbar === false ? observing : null}
      {viewer.children}
    </ConsoleViewer>
  )
}

/** Reads the gateway's allowed actions once per console (`key`); returns the key they are for. */
function useGatewayActions(
  key: string | undefined,
  args: Parameters<typeof fetchGatewayVmState>[0] | undefined,
  set: (value: { key: string; list: VmPowerAction[] }) => void,
): string | undefined {
  const ready = key !== undefined && args !== undefined
  useEffect(() => {
    if (!ready || !args) return
    const abort = new AbortController()
    fetchGatewayVmState({ ...args, signal: abort.signal }).then(
      (answer) => set({ key, list: answer.actions }),
      // No state: no power actions; the console itself reports what went wrong.
      () => {},
    )
    return () => abort.abort()
    // Once per console: the args' identities change every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ready])
  return key
}
