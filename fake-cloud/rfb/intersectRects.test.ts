import { expect, it } from 'vitest'
import { intersectRects } from './intersectRects.ts'

const screen = { x: 0, y: 0, width: 16, height: 8 }

it('clips a rectangle to another', () => {
  expect(intersectRects({ x: 10, y: 4, width: 20, height: 20 }, screen)).toEqual({
    x: 10,
    y: 4,
    width: 6,
    height: 4,
  })
})

it('has no overlap for rectangles that only touch or lie apart', () => {
  expect(intersectRects({ x: 16, y: 0, width: 4, height: 4 }, screen)).toBeUndefined()
  expect(intersectRects({ x: 0, y: 20, width: 4, height: 4 }, screen)).toBeUndefined()
})
