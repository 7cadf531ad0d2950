import { expect, it } from 'vitest'
import { screenshotFileName } from './screenshotFileName.js'

it('names the file after the desktop and the time, safely', () => {
  const date = new Date(2025, 0, 2, 3, 4, 5)
  expect(screenshotFileName('web-01', date)).toBe('web-01-20250102-030405.png')
  expect(screenshotFileName('QEMU (ubuntu/22.04)', date)).toBe(
    'QEMU-ubuntu-22.04-20250102-030405.png',
  )
  expect(screenshotFileName('数据库', date)).toBe('数据库-20250102-030405.png')
  expect(screenshotFileName(undefined, date)).toBe('console-20250102-030405.png')
  expect(screenshotFileName('../..', date)).toBe('..-..-20250102-030405.png')
})
