import { expect, it } from 'vitest'
import { parseEcsAction } from './parseEcsAction.ts'

const servers = [{ id: 'a' }, { id: 'b' }]

it('reads the three documented batch actions and their types', () => {
  expect(parseEcsAction({ 'os-start': { servers } })).toEqual({
    action: 'start',
    serverIds: ['a', 'b'],
  })
  expect(parseEcsAction({ 'os-stop': { servers } })).toMatchObject({ action: 'shutdown' })
  expect(parseEcsAction({ 'os-stop': { type: 'SOFT', servers } })).toMatchObject({
    action: 'shutdown',
  })
  expect(parseEcsAction({ 'os-stop': { type: 'HARD', servers } })).toMatchObject({
    action: 'poweroff',
  })
  expect(parseEcsAction({ reboot: { type: 'SOFT', servers } })).toMatchObject({
    action: 'restart',
  })
  expect(parseEcsAction({ reboot: { type: 'HARD', servers } })).toMatchObject({
    action: 'forceRestart',
  })
})

it('refuses what the documents do not allow', () => {
  for (const body of [
    null,
    [],
    {},
    { 'os-start': { servers }, reboot: { type: 'SOFT', servers } },
    { 'os-resume': { servers } },
    { 'os-start': [] },
    { 'os-start': { servers: [] } },
    { 'os-start': { servers: [{ id: '' }] } },
    { 'os-start': { servers: ['a'] } },
    { 'os-stop': { type: 'soft', servers } },
    { reboot: { servers } },
    { reboot: { type: 'WARM', servers } },
  ]) {
    expect(parseEcsAction(body)).toHaveProperty('error')
  }
})
