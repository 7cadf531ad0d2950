/**
 * The strings of `<GatewayConsole>`'s presence indicator and observer note, in en-US and zh-CN.
 * They ship with `<GatewayConsole>`, not in the viewer's chunk that every console loads; its
 * `labels` prop overrides them like any other string.
 */
export const presenceLabels = {
  'en-US': {
    alsoOnConsole: 'Also on this console: {names}',
    /** Joins the names in `alsoOnConsole`. */
    nameSeparator: ', ',
    /** More names than the button shows. */
    moreNames: '{names} +{count}',
    viewerObserving: '{name} (observing)',
    viewerSince: 'since {time}',
    observing: 'Observing: view only',
  },
  'zh-CN': {
    alsoOnConsole: '同时在此控制台：{names}',
    nameSeparator: '、',
    moreNames: '{names} 等另外 {count} 人',
    viewerObserving: '{name}（观察）',
    viewerSince: '{time} 起',
    observing: '观察模式：仅查看',
  },
} as const
