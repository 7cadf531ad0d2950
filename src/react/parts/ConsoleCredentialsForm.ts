import { lazyPart } from '../lazyPart.js'
import type { ConsoleCredentialsFormProps } from '../overlay/ConsoleCredentialsForm.js'

/**
 * Asks for what the VNC server wants (password, and username/target when asked) and sends it.
 * The fields are uncontrolled on purpose: React mirrors a controlled input's value into its
 * `value` attribute, which would put the password in the DOM while it is typed.
 */
export const ConsoleCredentialsForm =
  lazyPart<ConsoleCredentialsFormProps>('ConsoleCredentialsForm')
