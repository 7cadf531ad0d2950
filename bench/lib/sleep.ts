/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) =>
  new Promise<void>((resolveSleep) => setTimeout(resolveSleep, ms))
