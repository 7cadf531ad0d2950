import { describe, expect, it } from 'vitest'
import { recordingFileName } from './recordingFileName.js'

describe('recordingFileName', () => {
  it('keeps a random id as it is', () => {
    expect(recordingFileName('3f2a-9c_1B')).toBe('3f2a-9c_1B.rvcrec')
  })

  it('never lets an id leave the directory or hide the file', () => {
    expect(recordingFileName('../../etc/passwd')).toBe('______etc_passwd.rvcrec')
    expect(recordingFileName('.hidden')).toBe('_hidden.rvcrec')
    expect(recordingFileName('a\\b\0c d')).toBe('a_b_c_d.rvcrec')
    expect(recordingFileName('')).toBe('session.rvcrec')
  })

  it('bounds the length', () => {
    expect(recordingFileName('x'.repeat(500))).toBe(`${'x'.repeat(100)}.rvcrec`)
  })
})
