import { describe, expect, it } from 'vitest'
import { font5x7 } from './font5x7.ts'

/** Renders a glyph as 7 strings of '#' and '.' so a test reads like the character. */
function picture(char: string): string[] {
  const rows: string[] = []
  for (let row = 0; row < font5x7.height; row++) {
    let line = ''
    for (let column = 0; column < font5x7.width; column++)
      line += font5x7.isSet(char.charCodeAt(0), column, row) ? '#' : '.'
    rows.push(line)
  }
  return rows
}

describe('font5x7', () => {
  it('covers every printable ASCII character with 5 columns', () => {
    for (let code = 0x20; code <= 0x7e; code++) expect(font5x7.glyph(code)).toHaveLength(5)
  })

  it('draws recognisable letters', () => {
    expect(picture('H')).toEqual(['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'])
    expect(picture('1')).toEqual(['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'])
  })

  it('draws a blank space and falls back to ? for unprintable codes', () => {
    expect(picture(' ').join('')).not.toContain('#')
    expect(font5x7.glyph(0x7f)).toEqual(font5x7.glyph(0x3f))
    expect(font5x7.glyph(0x263a)).toEqual(font5x7.glyph(0x3f))
  })
})
