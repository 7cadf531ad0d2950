import { useId, type ComponentPropsWithRef } from 'react'
import { composeHandlers } from '../primitives/composeHandlers.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import { useFocusWhenLost } from '../primitives/useFocusWhenLost.js'

export type ConsoleCredentialsFormProps = ComponentPropsWithRef<'form'>

/**
 * Asks for what the VNC server wants (password, and username/target when asked) and sends it.
 * The fields are uncontrolled on purpose: React mirrors a controlled input's value into its
 * `value` attribute, which would put the password in the DOM while it is typed.
 */
export function ConsoleCredentialsForm(props: ConsoleCredentialsFormProps) {
  const { onSubmit, ...rest } = props
  const { handle } = useConsoleViewer()
  const { labels, credentialTypes } = useConsoleControls()
  const titleId = useId()
  const first = useFocusWhenLost<HTMLInputElement>()
  const wantsUsername = credentialTypes.includes('username')
  const wantsTarget = credentialTypes.includes('target')
  return (
    <form
      data-rvc-credentials=""
      aria-labelledby={titleId}
      {...rest}
      onSubmit={composeHandlers(onSubmit, (event) => {
        event.preventDefault()
        const form = event.currentTarget
        const field = (name: string) => String(new FormData(form).get(name) ?? '')
        handle.sendCredentials({
          ...(wantsUsername ? { username: field('username') } : {}),
          ...(wantsTarget ? { target: field('target') } : {}),
          password: field('password'),
        })
        form.reset()
      })}
    >
      <p id={titleId} data-rvc-overlay-title="">
        {labels.credentialsTitle}
      </p>
      {wantsUsername ? (
        <label data-rvc-field="">
          <span>{labels.username}</span>
          <input ref={first} name="username" autoComplete="username" />
        </label>
      ) : null}
      {wantsTarget ? (
        <label data-rvc-field="">
          <span>{labels.target}</span>
          <input name="target" />
        </label>
      ) : null}
      <label data-rvc-field="">
        <span>{labels.password}</span>
        <input
          ref={wantsUsername ? undefined : first}
          name="password"
          type="password"
          autoComplete="off"
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
