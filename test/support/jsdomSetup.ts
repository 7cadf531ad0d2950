import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'
import { installBrowserStubs } from './installBrowserStubs.js'

installBrowserStubs()
// Real sockets and a real RFB server: on a busy 2-core CI machine 1 s (the default) is too tight.
configure({ asyncUtilTimeout: 5_000 })
afterEach(() => cleanup())
