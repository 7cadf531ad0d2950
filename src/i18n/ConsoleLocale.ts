/** The built-in languages, matching CloudTower's `content-language` values. */
export type ConsoleLocale = 'en-US' | 'zh-CN'
