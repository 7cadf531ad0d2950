import { expect, it } from 'vitest'
import { ecsSocketUrl } from '../support/console/ecsSocketUrl.js'

it("moves an ECS console page's token onto the socket Nova's proxy reads it from", () => {
  const page = 'https://nova.example.com:8002/vnc_auto.html?token=0fda3eca&lang=EN&tLength=70'
  expect(ecsSocketUrl(page)).toBe('wss://nova.example.com:8002/websockify?token=0fda3eca')
  expect(ecsSocketUrl(page, 'http://127.0.0.1:4000')).toBe(
    'ws://127.0.0.1:4000/websockify?token=0fda3eca',
  )
})
