type Handler = ((event: unknown) => void) | null

/**
 * A WebSocket as noVNC needs one (its raw-channel check: send, close, binaryType, onerror,
 * onmessage, onopen, protocol, readyState), always open, that delivers what the replay gives it
 * and drops what noVNC sends. noVNC sets `binaryType` when an RFB client attaches, so each new
 * client (StrictMode's second mount, a seek backwards) is heard and replayed to from the start.
 */
export class ReplaySocket {
  readyState = 1
  protocol = ''
  #onmessage: Handler = null
  #onopen: Handler = null
  #onclose: Handler = null
  #onerror: Handler = null
  #attached = false
  readonly #onAttach: () => void

  constructor(onAttach: () => void) {
    this.#onAttach = onAttach
  }

  get binaryType(): string {
    return 'arraybuffer'
  }
  set binaryType(_: string) {
    this.#attached = true
    this.#onAttach()
  }
  get onmessage(): Handler {
    return this.#onmessage
  }
  set onmessage(handler: Handler) {
    this.#onmessage = handler
  }
  get onopen(): Handler {
    return this.#onopen
  }
  set onopen(handler: Handler) {
    this.#onopen = handler
  }
  get onclose(): Handler {
    return this.#onclose
  }
  set onclose(handler: Handler) {
    this.#onclose = handler
  }
  get onerror(): Handler {
    return this.#onerror
  }
  set onerror(handler: Handler) {
    this.#onerror = handler
  }

  /** Whether an RFB client is attached (between its attach and its close). */
  get attached(): boolean {
    return this.#attached
  }

  /** noVNC's client messages: a recording cannot answer them. */
  send(): void {}

  /** The client closed: it hears its close event later, as from a real socket. */
  close(): void {
    const onclose = this.#onclose
    this.#attached = false
    queueMicrotask(() => onclose?.({ code: 1000, reason: '', wasClean: true }))
  }

  /** Hands one recorded server message to the attached client. */
  deliver(data: Uint8Array): void {
    if (!this.#attached) return
    const copy = new Uint8Array(data.length)
    copy.set(data)
    this.#onmessage?.({ data: copy.buffer })
  }
}
