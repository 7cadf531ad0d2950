/** Shortens upstream text quoted in a message, so a huge error body cannot flood a UI or a log. */
export function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
