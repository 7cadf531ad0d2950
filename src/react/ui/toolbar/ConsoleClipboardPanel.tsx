import { useId, useRef, useState } from 'react'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import type { ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'
import { Panel } from '../primitives/Panel.js'
import { PanelActions } from '../primitives/PanelActions.js'
import { Popover } from '../primitives/Popover.js'

export type ConsoleClipboardPanelProps = Omit<ConsoleToolbarButtonProps, 'label'>

/**
 * The VM's clipboard both ways: what the VM last copied (ServerCutText), with a Copy button for
 * this computer's clipboard, and a box whose text is put on the VM's clipboard (ClientCutText).
 */
export function ConsoleClipboardPanel(props: ConsoleClipboardPanelProps) {
  const { status, handle } = useConsoleViewer()
  const { labels, clipboardText, settings } = useConsoleControls()
  const [outgoing, setOutgoing] = useState('')
  const [message, setMessage] = useState('')
  const ids = useId()
  const fromVm = useRef<HTMLTextAreaElement>(null)
  const connected = status.state === 'connected' && !settings.viewOnly

  const copy = async () => {
    const text = clipboardText ?? ''
    try {
      await navigator.clipboard.writeText(text)
    } catch {
      // No async clipboard (insecure context, old browser): select the text and copy it.
      fromVm.current?.select()
      document.execCommand?.('copy')
    }
    setMessage(labels.copied)
  }

  return (
    <Popover
      kind="dialog"
      icon="clipboard"
      label={labels.clipboard}
      title={labels.clipboardTitle}
      data-has-text={clipboardText ? '' : undefined}
      {...props}
    >
      {(close) => (
        <Panel name="clipboard" heading={labels.clipboardTitle}>
          <label data-rvc-field="" htmlFor={`${ids}-in`}>
            {labels.clipboardFromVm}
          </label>
          <textarea
            ref={fromVm}
            id={`${ids}-in`}
            rows={3}
            readOnly
            value={clipboardText ?? ''}
            placeholder={labels.clipboardEmpty}
          />
          <div data-rvc-actions="">
            <button
              type="button"
              data-rvc-button=""
              disabled={!clipboardText}
              onClick={() => void copy()}
            >
              {labels.copy}
            </button>
          </div>
          <label data-rvc-field="" htmlFor={`${ids}-out`}>
            {labels.clipboardToVm}
          </label>
          <textarea
            id={`${ids}-out`}
            rows={3}
            value={outgoing}
            onChange={(event) => setOutgoing(event.target.value)}
          />
          <p role="status" data-rvc-panel-status="">
            {message}
          </p>
          <PanelActions close={close}>
            <button
              type="button"
              data-rvc-button=""
              data-variant="primary"
              disabled={!connected || outgoing === ''}
              onClick={() => {
                handle.setServerClipboard(outgoing)
                setMessage(labels.sent)
              }}
            >
              {labels.send}
            </button>
          </PanelActions>
        </Panel>
      )}
    </Popover>
  )
}
