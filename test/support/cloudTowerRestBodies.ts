// Bodies of CloudTower's REST API as its OpenAPI spec documents them
// (smartxworks/cloudtower-api-doc-tauri, cloudtower-api-doc/static/specs/4.6.0-swagger.json).

/** A `Vm` of `/v2/api/get-vms`, cut to the fields we read and a few of the required others. */
export const cloudTowerVm = (status: string, extra: Record<string, unknown> = {}) => ({
  id: 'cl2k0mpoy1ggh0958x7exlpyi',
  local_id: '6b5c1e6f-4bd3-4c28-9d54-3a7c8e8f3a11',
  name: 'web-01',
  status,
  in_recycle_bin: false,
  vcpu: 2,
  memory: 4294967296,
  ...extra,
})

/** `ErrorBody`: `message`, `status` and `path` required; `code` is an `ErrorCode`. */
export const cloudTowerErrorBody = (status: number, message: string, code?: string) => ({
  ...(code ? { code } : {}),
  message,
  status,
  path: '/v2/api/start-vm',
})
