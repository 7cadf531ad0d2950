// The one console gateway of this app, for the route handler (POST) and the server (websockets).
// Created on the first request, not at import: `next build` evaluates route modules with no
// secrets in the environment.
import { sharedConsoleGateway } from 'react-vm-console/server'

export const gateway = sharedConsoleGateway(() => {
  const endpoint = process.env.CLOUDTOWER_ENDPOINT
  const token = process.env.CLOUDTOWER_TOKEN
  if (!endpoint || !token) throw new Error('Set CLOUDTOWER_ENDPOINT and CLOUDTOWER_TOKEN.')
  return {
    path: '/api/consoles',
    // Your portal's session check goes here: return { user } for the signed-in user, or false.
    authorize: () => ({ user: 'example-user' }),
    providers: { cloudtower: { endpoint, token } },
  }
})
