import { expect, it } from 'vitest'
import { namedKeys } from './namedKeys.js'

it('names every toolbar key once per alias, F1–F12 included', () => {
  expect(namedKeys.get('f1')).toEqual({ keysym: 0xffbe, code: 'F1' })
  expect(namedKeys.get('f12')).toEqual({ keysym: 0xffc9, code: 'F12' })
  expect(namedKeys.get('del')).toEqual(namedKeys.get('delete'))
  expect(namedKeys.get('win')).toEqual({ keysym: 0xffeb, code: 'MetaLeft' })
  for (const name of namedKeys.keys()) expect(name).toBe(name.toLowerCase())
})
