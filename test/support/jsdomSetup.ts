import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { installBrowserStubs } from './installBrowserStubs.js'

installBrowserStubs()
afterEach(() => cleanup())
