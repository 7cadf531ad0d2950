// Each kind: [retryable, final, retryHelps, httpStatus]. Tuples, not objects: this table ships in
// the 3 kB core. Read it only through the named readers of `errorKinds` below.
const TABLE = {
  unauthorized: [0, 1, 0, 401],
  forbidden: [0, 1, 0, 403],
  not_found: [0, 1, 0, 404],
  // A busy VM (409) can open a console once it has settled.
  conflict: [0, 0, 1, 409],
  rate_limited: [1, 0, 1, 429],
  server: [1, 0, 1, 502],
  network: [1, 0, 1, 502],
  timeout: [1, 0, 1, 504],
  aborted: [0, 0, 0, 503],
  // A garbled answer may come out right the second time, but not by retrying on its own.
  invalid_response: [0, 1, 1, 502],
  invalid_input: [0, 1, 0, 400],
  // Refused VNC credentials: a Retry asks for them again.
  vnc_security: [0, 1, 1, 502],
  vnc_disconnected: [1, 0, 1, 502],
} as const satisfies Record<string, readonly [0 | 1, 0 | 1, 0 | 1, number]>

/** What went wrong, as a value every caller can switch on: the keys of the one table of kinds. */
export type ConsoleErrorKind = keyof typeof TABLE

// A kind from another copy of the package, or from a gateway's JSON, may be unknown here; own keys
// only, or `toString` would be a kind.
const row = (kind: string) =>
  Object.hasOwn(TABLE, kind) ? (TABLE as Record<string, readonly number[]>)[kind] : undefined

/**
 * How the library treats each error kind, in one place: every list of kinds and every rule about
 * them derives from it.
 */
export const errorKinds = {
  /** Whether `kind` is one of ours (for kinds read from JSON). */
  has: (kind: unknown): kind is ConsoleErrorKind => typeof kind === 'string' && !!row(kind),
  /** Transient: asking again may work (ConsoleError's default `retryable`). */
  retryable: (kind: ConsoleErrorKind): boolean => row(kind)?.[0] === 1,
  /** A console stops here, whatever a getUrl or gateway claims (no automatic retry). */
  final: (kind: ConsoleErrorKind): boolean => row(kind)?.[1] === 1,
  /** Whether a Retry button can help with `error`, without the app changing anything first. */
  retryHelps: (error: { kind: ConsoleErrorKind; retryable: boolean }): boolean =>
    error.retryable || row(error.kind)?.[2] === 1,
  /** The HTTP status the gateway answers the browser for an error of this kind. */
  httpStatus: (kind: ConsoleErrorKind): number => row(kind)?.[3] ?? 500,
}
