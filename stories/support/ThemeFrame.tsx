import type { ReactNode } from 'react'

const THEMES = {
  light: { background: '#ffffff', color: '#1b1f24', border: '#d0d7de' },
  dark: { background: '#0d1117', color: '#e6edf3', border: '#30363d' },
} as const

/**
 * The page around a story in the toolbar's theme. Until the library ships its own theme prop
 * (issue 5), this is where light/dark lives: `data-theme` and `color-scheme` are what its CSS
 * will read.
 */
export function ThemeFrame({ theme, children }: { theme: 'light' | 'dark'; children: ReactNode }) {
  const colours = THEMES[theme]
  return (
    <div
      data-theme={theme}
      style={{
        colorScheme: theme,
        background: colours.background,
        color: colours.color,
        padding: 12,
        borderRadius: 6,
        border: `1px solid ${colours.border}`,
        fontFamily: 'system-ui, sans-serif',
      }}
    >
      {children}
    </div>
  )
}
