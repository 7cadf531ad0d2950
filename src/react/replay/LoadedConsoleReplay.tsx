'use client'
import {
  useEffect,
  useId,
  useMemo,
  useReducer,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react'
import type { VncScreenHandle } from 'react-vnc'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { formatLabel } from '../../i18n/formatLabel.js'
import { vncScreenLoader } from '../loaders/vncScreenLoader.js'
import type {
  ConsoleReplayProps,
  ConsoleReplaySpeed,
  ConsoleReplayState,
} from './ConsoleReplayProps.js'
import { formatReplayTime } from './formatReplayTime.js'
import { loadRecordingSource } from './loadRecordingSource.js'
import { planReplay } from './planReplay.js'
import type { Recording } from './Recording.js'
import { readRecording } from './readRecording.js'
import { ReplayPlayer } from './ReplayPlayer.js'
import { replayErrorMessage } from './replayErrorMessage.js'
import { resolveReplayLabels } from './resolveReplayLabels.js'

const SPEEDS: readonly ConsoleReplaySpeed[] = [1, 2, 4, 8]
/** What Left/Right move by. */
const STEP_MS = 5_000
/** How often the time shown moves while playing. */
const CLOCK_MS = 250

const COLUMN: CSSProperties = { display: 'flex', flexDirection: 'column', minHeight: 0 }
// No pointer reaches react-vnc's element: it would move the page's focus to its canvas (and
// there is nothing to click in a recording). The controls keep the keyboard.
const VIEWPORT: CSSProperties = {
  flex: '1 1 0',
  minHeight: 0,
  position: 'relative',
  pointerEvents: 'none',
}
const FILL: CSSProperties = { width: '100%', height: '100%' }
const HIDDEN: CSSProperties = { display: 'none' }

interface Loaded {
  src: ConsoleReplayProps['src']
  attempt: number
  player: ReplayPlayer
  recording: Recording
}

interface Failed {
  src: ConsoleReplayProps['src']
  attempt: number
  error: ConsoleError
}

/** The replay itself, in its own chunk (see ConsoleReplay). */
export function LoadedConsoleReplay(props: ConsoleReplayProps) {
  const {
    src,
    autoPlay: _autoPlay,
    defaultSpeed: _defaultSpeed,
    fetchInit: _fetchInit,
    locale,
    labels: custom,
    onError: _onError,
    onStateChange: _onStateChange,
    onKeyDown,
    style,
    ...rest
  } = props
  const labels = useMemo(() => resolveReplayLabels(locale, custom), [locale, custom])
  const [loaded, setLoaded] = useState<Loaded>()
  const [failed, setFailed] = useState<Failed>()
  const [attempt, setAttempt] = useState(0)
  const [screenKey, setScreenKey] = useState(0)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const screen = useRef<VncScreenHandle | null>(null)
  const hintId = useId()
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })

  useEffect(() => {
    const controller = new AbortController()
    let player: ReplayPlayer | undefined
    const fail = (error: ConsoleError) => {
      if (controller.signal.aborted) return
      player?.dispose()
      setFailed({ src, attempt, error })
      latest.current.onError?.(error)
    }
    const load = async () => {
      const [bytes] = await Promise.all([
        loadRecordingSource(src, controller.signal, latest.current.fetchInit),
        vncScreenLoader.load().catch((cause: unknown) => {
          throw new ConsoleError({
            kind: 'network',
            provider: 'vnc',
            code: 'replay_code',
            message: 'The replay could not load its code. Check the network, then retry.',
            cause,
          })
        }),
      ])
      const recording = readRecording(bytes)
      const plan = planReplay(recording)
      if (controller.signal.aborted) return
      const { autoPlay = true, defaultSpeed = 1 } = latest.current
      player = new ReplayPlayer(plan, {
        speed: defaultSpeed,
        autoPlay,
        onChange: rerender,
        onRestart: () => setScreenKey((key) => key + 1),
        onError: (cause) => fail(playbackError(cause)),
        backlog: () => backlogOf(screen.current),
      })
      setLoaded({ src, attempt, player, recording })
    }
    load().catch((cause: unknown) => {
      fail(
        ConsoleError.is(cause)
          ? cause
          : new ConsoleError({
              kind: 'invalid_input',
              provider: 'vnc',
              code: 'not_a_recording',
              message: 'This file is not a console recording.',
              cause,
            }),
      )
    })
    return () => {
      controller.abort()
      player?.dispose()
    }
  }, [src, attempt])

  const current = loaded?.src === src && loaded.attempt === attempt ? loaded : undefined
  const error = failed?.src === src && failed.attempt === attempt ? failed.error : undefined
  const player = error ? undefined : current?.player
  const state = error ? 'error' : player ? player.state : 'loading'

  // Once per change of state, whatever the handler's identity (and StrictMode's second effect run).
  const reported = useRef<ConsoleReplayState>(undefined)
  useEffect(() => {
    if (reported.current === state) return
    reported.current = state
    latest.current.onStateChange?.(state)
  }, [state])

  useEffect(() => {
    if (state !== 'playing') return
    const clock = setInterval(rerender, CLOCK_MS)
    return () => clearInterval(clock)
  }, [state])

  const VncScreen = vncScreenLoader.current
  const position = player?.position() ?? 0
  const duration = player?.durationMs ?? 0
  const elapsed = formatReplayTime(position)
  const total = formatReplayTime(duration)
  const timeText = formatLabel(labels.replayTime, { elapsed, total })
  const session = current?.recording.session
  const name =
    session?.user && session.vmId
      ? formatLabel(labels.replayNamed, { user: session.user, vm: session.vmId })
      : labels.replay

  const toggle = () => {
    if (!player) return
    if (player.state === 'playing') player.pause()
    else player.play()
  }
  const changeSpeed = (step: 1 | -1) => {
    if (!player) return
    const index = SPEEDS.indexOf(player.speed as ConsoleReplaySpeed)
    const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, index + step))]!
    player.setSpeed(next)
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event)
    if (event.defaultPrevented || !player || event.altKey || event.ctrlKey || event.metaKey) return
    const target = event.target as HTMLElement
    // The slider and the buttons keep their own keys (a button's Space is its click).
    const slider = target instanceof HTMLInputElement
    const button = target instanceof HTMLButtonElement
    switch (event.key) {
      case ' ':
        if (button) return
        toggle()
        break
      case 'ArrowLeft':
      case 'ArrowRight':
        if (slider) return
        player.seek(player.position() + (event.key === 'ArrowLeft' ? -STEP_MS : STEP_MS))
        break
      case 'Home':
      case 'End':
        if (slider) return
        player.seek(event.key === 'Home' ? 0 : player.durationMs)
        break
      case 'ArrowUp':
      case 'ArrowDown':
        if (slider) return
        changeSpeed(event.key === 'ArrowUp' ? 1 : -1)
        break
      default:
        return
    }
    event.preventDefault()
  }

  const note =
    current && !current.recording.complete
      ? formatLabel(labels.replayIncomplete, {
          reason: reasonText(current.recording.reason, labels),
        })
      : undefined

  return (
    <div
      {...rest}
      style={{ ...COLUMN, ...style }}
      data-rvc-console=""
      data-rvc-replay=""
      data-state={state}
      data-speed={player?.speed}
      data-error-kind={error?.kind}
      aria-busy={state === 'loading'}
      role="region"
      aria-label={name}
      aria-describedby={hintId}
      tabIndex={0}
      onKeyDown={handleKeyDown}
    >
      <div data-rvc-toolbar="" role="group" aria-label={labels.replayControls}>
        <button
          type="button"
          data-rvc-button=""
          data-rvc-replay-toggle=""
          disabled={!player}
          onClick={toggle}
        >
          {state === 'playing'
            ? labels.replayPause
            : state === 'ended'
              ? labels.replayPlayAgain
              : labels.replayPlay}
        </button>
        <div data-rvc-toolbar-group="" role="group" aria-label={labels.replaySpeed}>
          {SPEEDS.map((speed) => (
            <button
              key={speed}
              type="button"
              data-rvc-button=""
              data-size="small"
              data-rvc-replay-speed={speed}
              aria-pressed={player?.speed === speed}
              disabled={!player}
              onClick={() => player?.setSpeed(speed)}
            >
              {formatLabel(labels.replaySpeedValue, { speed })}
            </button>
          ))}
        </div>
        <input
          type="range"
          data-rvc-replay-seek=""
          min={0}
          max={duration}
          step={100}
          value={position}
          disabled={!player}
          aria-label={labels.replayPosition}
          aria-valuetext={timeText}
          onChange={(event) => player?.seek(Number(event.currentTarget.value))}
        />
        <span data-rvc-replay-time="">
          {elapsed} / {total}
        </span>
        {state === 'ended' ? <span data-rvc-replay-ended="">{labels.replayEnded}</span> : null}
        {note ? (
          <span data-rvc-replay-note="" role="note">
            {note}
          </span>
        ) : null}
      </div>
      <div data-rvc-viewport="" style={VIEWPORT}>
        {player && VncScreen ? (
          <VncScreen
            key={screenKey}
            ref={screen}
            websocket={player.socket}
            viewOnly
            scaleViewport
            focusOnClick={false}
            retryDuration={0}
            style={FILL}
            onDisconnect={(event: CustomEvent<{ clean: boolean }>) => {
              // An unclean end is noVNC failing on the stream; unmounts and seeks are clean.
              if (!event.detail.clean) player.dispose()
              if (!event.detail.clean) setFailed({ src, attempt, error: playbackError(event) })
            }}
          />
        ) : null}
        {state === 'loading' ? (
          <div data-rvc-overlay="" data-state="loading" role="status">
            {labels.replayLoading}
          </div>
        ) : null}
        {error ? (
          <div data-rvc-overlay="" data-state="error" data-kind="error">
            <div data-rvc-overlay-card="" role="alert">
              <p data-rvc-overlay-title="">{replayErrorMessage(error, labels)}</p>
              {error.code === 'recording_fetch' || error.code === 'replay_code' ? (
                <div data-rvc-actions="">
                  <button
                    type="button"
                    data-rvc-button=""
                    data-variant="primary"
                    onClick={() => setAttempt((n) => n + 1)}
                  >
                    {labels.retry}
                  </button>
                </div>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>
      <div id={hintId} style={HIDDEN}>
        {labels.replayKeyboardHint}
      </div>
    </div>
  )
}

function playbackError(cause: unknown): ConsoleError {
  return new ConsoleError({
    kind: 'invalid_input',
    provider: 'vnc',
    code: 'recording_playback',
    message: 'The recording could not be played: its console stream is damaged.',
    cause,
  })
}

function reasonText(
  reason: string | undefined,
  labels: ReturnType<typeof resolveReplayLabels>,
): string {
  switch (reason) {
    case 'size cap':
      return labels.replayReasonSizeCap
    case 'sink failed':
      return labels.replayReasonSinkFailed
    case 'sink too slow':
      return labels.replayReasonSinkTooSlow
    default:
      return labels.replayReasonCutOff
  }
}

/** Bytes noVNC has received and not yet processed (its receive queue; 0 if it cannot be read). */
function backlogOf(handle: VncScreenHandle | null): number {
  const sock = (handle?.rfb as unknown as { _sock?: { _rQlen?: unknown; _rQi?: unknown } } | null)
    ?._sock
  const length = sock?._rQlen
  const index = sock?._rQi
  return typeof length === 'number' && typeof index === 'number' ? length - index : 0
}
