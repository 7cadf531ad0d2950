/**
 * How long a relay's websocket waits for its peer's answer to a close frame (ours, or ws's own
 * after a protocol error or an oversized message) before cutting it off. ws alone waits 30 s.
 */
export const CLOSE_GRACE_MS = 2_000
