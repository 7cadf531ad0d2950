/** What the relay knows of one side's liveness between two heartbeats. */
export interface PeerWatch {
  /** A frame (message, ping or pong) came from the peer. */
  heard(): void
  /** The relay stopped reading the peer (backpressure). */
  paused(): void
  /** A message for the peer was queued; returns its number for `sent`. */
  queued(): number
  /** Queued message `seq` left the process (ws's send callback). */
  sent(seq: number): void
  /** At a heartbeat: whether the peer showed life since the last one. Starts the next interval. */
  check(pausedNow: boolean): boolean
}

/**
 * Liveness of one relayed peer, judged at each heartbeat. A peer is alive when, since the last
 * heartbeat, it sent anything (its pong, or a message), or took a message that was already
 * waiting for it then (a message behind a full socket buffer only leaves when the peer reads: a
 * slow reader is alive, one that vanished is not). A peer the relay stopped reading cannot be
 * heard (its bytes, pongs too, wait unread: that is backpressure), so it is spared while nothing
 * waits for it; the other side, which it waits for, must keep taking data meanwhile.
 */
export function watchPeer(): PeerWatch {
  let heardSince = true // the relay's start counts as contact
  let pausedSince = false
  let queuedSeq = 0
  let sentSeq = 0
  let waitingAtTick = false
  let sentAtTick = 0
  return {
    heard() {
      heardSince = true
    },
    paused() {
      pausedSince = true
    },
    queued: () => ++queuedSeq,
    sent(seq) {
      if (seq > sentSeq) sentSeq = seq
    },
    check(pausedNow) {
      const tookData = waitingAtTick && sentSeq > sentAtTick
      const spared = (pausedSince || pausedNow) && !waitingAtTick
      const alive = heardSince || tookData || spared
      heardSince = false
      pausedSince = pausedNow
      waitingAtTick = queuedSeq > sentSeq
      sentAtTick = sentSeq
      return alive
    },
  }
}
