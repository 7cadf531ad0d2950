import { expect, it } from 'vitest'
import { enUSLabels } from './enUSLabels.js'
import { vmStateText } from './vmStateText.js'
import { zhCNLabels } from './zhCNLabels.js'

it('names a VM that is off or on its way, and leaves running and unknown to the connection', () => {
  expect(vmStateText('stopped', enUSLabels)).toBe('This VM is stopped')
  expect(vmStateText('stopped', zhCNLabels)).toBe('此虚拟机已关机')
  expect(vmStateText('restarting', enUSLabels)).toBe('Restarting…')
  expect(vmStateText('starting', zhCNLabels)).toBe('正在开机…')
  expect(vmStateText('running', enUSLabels)).toBeUndefined()
  expect(vmStateText('unknown', enUSLabels)).toBeUndefined()
  expect(vmStateText(undefined, enUSLabels)).toBeUndefined()
})
