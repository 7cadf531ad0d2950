/**
 * The strings `<ConsoleViewer>` shows when its own code failed to load. They ship in the package
 * entry, not with the other strings in the lazy chunk, since that chunk is what failed.
 */
export const loadFailedLabels = {
  'en-US': {
    loadFailed: 'The console could not be loaded. Check the network, then retry.',
    retry: 'Retry',
  },
  'zh-CN': { loadFailed: '无法加载控制台。请检查网络后重试。', retry: '重试' },
} as const
