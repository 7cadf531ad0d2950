import { describe, expect, it } from 'vitest'
import { rovingFocusTarget } from './rovingFocusTarget.js'

const items = ['a', 'b', 'c']

describe('rovingFocusTarget', () => {
  it('moves a toolbar with Left/Right, wrapping, and Home/End', () => {
    expect(rovingFocusTarget('ArrowRight', 'horizontal', items, 'a')).toBe('b')
    expect(rovingFocusTarget('ArrowRight', 'horizontal', items, 'c')).toBe('a')
    expect(rovingFocusTarget('ArrowLeft', 'horizontal', items, 'a')).toBe('c')
    expect(rovingFocusTarget('Home', 'horizontal', items, 'c')).toBe('a')
    expect(rovingFocusTarget('End', 'horizontal', items, 'a')).toBe('c')
  })
  it('lets a toolbar ignore Up/Down, which a menu uses', () => {
    expect(rovingFocusTarget('ArrowDown', 'horizontal', items, 'a')).toBeUndefined()
    expect(rovingFocusTarget('ArrowDown', 'both', items, 'a')).toBe('b')
    expect(rovingFocusTarget('ArrowUp', 'both', items, 'a')).toBe('c')
    expect(rovingFocusTarget('ArrowRight', 'both', items, 'b')).toBe('c')
  })
  it('ignores other keys, a current element that is no item, and empty lists', () => {
    expect(rovingFocusTarget('Enter', 'both', items, 'a')).toBeUndefined()
    expect(rovingFocusTarget('ArrowRight', 'horizontal', items, 'x')).toBeUndefined()
    expect(rovingFocusTarget('Home', 'both', [], 'x')).toBeUndefined()
  })
})
