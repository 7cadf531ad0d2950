import { describe, expect, it } from 'vitest'
import { TypedEmitter } from './TypedEmitter.ts'

type Events = { say: [string, number]; done: [] }

describe('TypedEmitter', () => {
  it('calls listeners in order with the arguments, and says whether there was one', () => {
    const emitter = new TypedEmitter<Events>()
    const heard: string[] = []
    expect(emitter.emit('say', 'nobody', 0)).toBe(false)
    emitter.on('say', (text, n) => heard.push(`a ${text} ${n}`))
    emitter.on('say', (text) => heard.push(`b ${text}`))
    expect(emitter.emit('say', 'hi', 1)).toBe(true)
    expect(heard).toEqual(['a hi 1', 'b hi'])
  })

  it('runs a once listener one time, and off removes on and once listeners alike', () => {
    const emitter = new TypedEmitter<Events>()
    let once = 0
    let on = 0
    let removed = 0
    const onceRemoved = () => removed++
    const onRemoved = () => removed++
    emitter.once('done', () => once++)
    emitter.on('done', () => on++)
    emitter.once('done', onceRemoved).off('done', onceRemoved)
    emitter.on('done', onRemoved).off('done', onRemoved)
    emitter.emit('done')
    emitter.emit('done')
    expect({ once, on, removed }).toEqual({ once: 1, on: 2, removed: 0 })
  })

  it('lets a listener remove another during emit without skipping it this time (a copy runs)', () => {
    const emitter = new TypedEmitter<Events>()
    const heard: string[] = []
    const second = () => heard.push('second')
    emitter.on('done', () => {
      heard.push('first')
      emitter.off('done', second)
    })
    emitter.on('done', second)
    emitter.emit('done')
    emitter.emit('done')
    expect(heard).toEqual(['first', 'second', 'first'])
  })

  it('passes a throwing listener’s error to the caller of emit', () => {
    const emitter = new TypedEmitter<Events>()
    emitter.on('done', () => {
      throw new Error('boom')
    })
    expect(() => emitter.emit('done')).toThrow('boom')
  })
})
