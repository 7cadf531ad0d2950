/** The `vnc` answer of CloudTower's GraphQL API: one-time credentials for one VM console. */
export interface CloudTowerVnc {
  vm_uuid: string
  host_ip: string
  cluster_ip: string
  /** 32 hex digits, used by the direct link to the cluster. */
  raw_token: string
  /** Base64 (may contain `+ / =`), used by the link through the management platform's proxy. */
  token: string
}
