/** Where a CloudTower console link points. */
export type CloudTowerLinkTarget =
  | {
      /** Straight to the cluster: `ws[s]://cluster_ip/websockify/?uuid&token=raw_token&host`. */
      mode: 'direct'
      /** Default: follows the page (http → ws, otherwise wss). */
      secure?: boolean
      /** A port on cluster_ip, for clusters (or a local fake) whose proxy is not on 80/443. */
      port?: number
    }
  | {
      /** Through the management platform: `ws[s]://endpoint/websockify/?token&host&uuid`. */
      mode: 'proxy'
      /** The CloudTower address (`https://tower.example.com`) or a same-origin path (`/tower`). */
      endpoint: string
      /** Default: follows the endpoint (https → wss). */
      secure?: boolean
    }
