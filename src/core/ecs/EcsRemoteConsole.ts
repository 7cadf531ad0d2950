/** The `remote_console` answer of Huawei Cloud ECS: a console page URL holding a one-time token. */
export interface EcsRemoteConsole {
  type: string
  protocol: string
  /** e.g. `https://host:8002/vnc_auto.html?token=…&lang=EN&tLength=70` (a page, not a websocket). */
  url: string
}
