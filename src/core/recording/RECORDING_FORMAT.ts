/**
 * The recording format (README "Recording format"), defined once: the server's writer and the
 * replay's reader both use it. A pure module (no Node built-ins) so the browser build can too.
 *
 * Layout, big-endian: magic "RVCREC" (6 bytes), version (uint16), header length (uint32), the
 * header (UTF-8 JSON: the RecordedSession), then frames: direction (uint8), ms since the start
 * (uint32), payload length (uint32), payload. The `end` frame's payload is JSON
 * `{"complete":boolean,"reason"?:string}`; a recording without one was cut off.
 */
export const RECORDING_FORMAT = {
  magic: [0x52, 0x56, 0x43, 0x52, 0x45, 0x43] as const,
  version: 1,
  /** magic + version + header length. */
  preambleLength: 12,
  /** direction + ms + payload length. */
  frameHeaderLength: 9,
  direction: { server: 0, client: 1, end: 2 } as const,
}
