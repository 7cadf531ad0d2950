/** Credentials a VNC server may ask for; most ask only for a password. */
export interface VncCredentials {
  username?: string
  password?: string
  target?: string
}
