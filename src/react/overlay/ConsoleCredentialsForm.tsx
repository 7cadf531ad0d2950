import { useId, useState, type ComponentPropsWithRef } from 'react'
import { composeHandlers } from '../composeHandlers.js'
import { useConsoleControls } from '../useConsoleControls.js'
import { useConsoleViewer } from '../useConsoleViewer.js'
import { useFocusWhenLost } from './useFocusWhenLost.js'

export type ConsoleCredentialsFormProps = ComponentPropsWithRef<'form'>

/** Asks for what the VNC server wants (password, and username/target when asked) and sends it. */
export function ConsoleCredentialsForm(props: ConsoleCredentialsFormProps) {
  const { onSubmit, ...rest } = props
  const { handle } = useConsoleViewer()
  const { labels, credentialTypes } = useConsoleControls()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const titleId = useId()
  const first = useFocusWhenLost<HTMLInputElement>()
  const wantsUsername = credentialTypes.includes('username')
  const wantsTarget = credentialTypes.includes('target')
  const [target, setTarget] = useState('')
  return (
    <form
      data-rvc-credentials=""
      aria-labelledby={titleId}
      {...rest}
      onSubmit={composeHandlers(onSubmit, (event) => {
        event.preventDefault()
        handle.sendCredentials({
          ...(wantsUsername ? { username } : {}),
          ...(wantsTarget ? { target } : {}),
          password,
        })
        setPassword('')
      })}
    >
      <p id={titleId} data-rvc-overlay-title="">
        {labels.credentialsTitle}
      </p>
      {wantsUsername ? (
        <label data-rvc-field="">
          <span>{labels.username}</span>
          <input
            ref={first}
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
      ) : null}
      {wantsTarget ? (
        <label data-rvc-field="">
          <span>Target</span>
          <input name="target" value={target} onChange={(e) => setTarget(e.target.value)} />
        </label>
      ) : null}
      <label data-rvc-field="">
        <span>{labels.password}</span>
        <input
          ref={wantsUsername ? undefined : first}
          name="password"
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <div data-rvc-actions="">
        <button type="submit" data-rvc-button="" data-variant="primary">
          {labels.submitCredentials}
        </button>
      </div>
    </form>
  )
}
