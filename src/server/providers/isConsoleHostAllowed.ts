/**
 * Whether the gateway may open a console socket to `host` (a URL's hostname, no port). Patterns
 * are host names or IP addresses compared exactly, or `*.example.com`, which matches any name
 * under example.com (not example.com itself). Case does not matter.
 */
export function isConsoleHostAllowed(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/\.$/, '')
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase().replace(/\.$/, '')
    return p.startsWith('*.') ? name.endsWith(p.slice(1)) && name.length > p.length - 1 : name === p
  })
}
