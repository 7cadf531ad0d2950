'use client'
import { useEffect, useRef, useSyncExternalStore } from 'react'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { loadFailedLabels } from '../../i18n/loadFailedLabels.js'
import type { ConsoleReplayProps } from './ConsoleReplayProps.js'
import { replayLoader } from './replayLoader.js'
import { LoadFailedNotice } from '../loaders/LoadFailedNotice.js'
import { useLoadFailure } from '../loaders/useLoadFailure.js'

const notLoaded = () => undefined
const loaded = () => replayLoader.current

/**
 * Plays a session recording (the gateway's `record` option) through noVNC: play/pause, speed
 * 1×/2×/4×/8×, seek, elapsed and total time, keyboard accessible; its state on the root as
 * `data-state` (`loading | playing | paused | ended | error`). Its code and noVNC load on first
 * mount, in their own chunks; until then (and on the server) it renders its root alone.
 */
export function ConsoleReplay(props: ConsoleReplayProps) {
  const chunk = useSyncExternalStore(replayLoader.subscribe, loaded, notLoaded)
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })

  const { failure, retry } = useLoadFailure(
    chunk !== undefined,
    () => replayLoader.load(),
    (cause) => {
      const error = new ConsoleError({
        kind: 'network',
        provider: 'vnc',
        code: 'replay_code',
        message: 'The replay could not load its code. Check the network, then retry.',
        cause,
      })
      latest.current.onError?.(error)
      return error
    },
  )

  if (chunk) return <chunk.LoadedConsoleReplay {...props} />
  const {
    src: _src,
    autoPlay: _autoPlay,
    defaultSpeed: _defaultSpeed,
    fetchInit: _fetchInit,
    locale,
    labels,
    onError: _onError,
    onStateChange: _onStateChange,
    ...rest
  } = props
  const text = locale?.toLowerCase().startsWith('zh')
    ? loadFailedLabels['zh-CN']
    : loadFailedLabels['en-US']
  return (
    <div
      {...rest}
      data-rvc-console=""
      data-rvc-replay=""
      data-state={failure ? 'error' : 'loading'}
      data-error-kind={failure?.kind}
      aria-busy={!failure}
    >
      {failure ? (
        <LoadFailedNotice
          title={labels?.errorReplayCode ?? text.loadFailed}
          retry={labels?.retry ?? text.retry}
          onRetry={retry}
        />
      ) : null}
    </div>
  )
}
