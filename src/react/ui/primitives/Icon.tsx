// Small stroke icons (24-unit grid, currentColor), decorative: every control has a text name.
const PATHS = {
  keyboard: 'M3 6h18v12H3zM7 10h.01M11 10h.01M15 10h.01M7 14h10',
  keys: 'M4 7h6v6H4zM14 7h6v6h-6zM9 17h6',
  type: 'M4 7V5h16v2M12 5v14M9 19h6',
  clipboard: 'M9 4h6v3H9zM7 5H5v16h14V5h-2',
  paste: 'M9 4h6v3H9zM7 5H5v16h14V5h-2M12 10v7M9 14l3 3 3-3',
  display: 'M3 5h18v11H3zM8 20h8M12 16v4',
  camera: 'M4 8h4l2-3h4l2 3h4v11H4zM12 16a3 3 0 1 0 0-6 3 3 0 0 0 0 6',
  expand: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  shrink: 'M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  power: 'M12 3v9M6.3 7.5a8 8 0 1 0 11.4 0',
  refresh: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  close: 'M6 6l12 12M18 6 6 18',
  chevron: 'M7 10l5 5 5-5',
  people:
    'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6M3 20a6 6 0 0 1 12 0M16 5a3 3 0 0 1 0 6M21 20a6 6 0 0 0-4-5',
} as const

export type IconName = keyof typeof PATHS

/** A decorative icon; hidden from assistive technology. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      data-rvc-icon=""
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
