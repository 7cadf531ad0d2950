// Bodies of Huawei Cloud ECS as its API reference documents them: "Querying Details About an ECS"
// (GET /v1/{project_id}/cloudservers/{server_id}), "Querying Job Execution Status"
// (GET /v1/{project_id}/jobs/{job_id}), and the error shapes of ECS and its API gateway.

/** `{ server }` of the server details, cut to the fields we read and a few others. */
export const ecsServer = (status: string, taskState: string | null = null) => ({
  server: {
    id: '47bc79ae-df61-4ade-9197-283a74e5d70e',
    name: 'ecs-web-01',
    status,
    'OS-EXT-STS:vm_state': status === 'SHUTOFF' ? 'stopped' : 'active',
    'OS-EXT-STS:task_state': taskState,
    'OS-EXT-STS:power_state': status === 'SHUTOFF' ? 4 : 1,
    updated: '2026-12-07T03:00:00Z',
  },
})

/** A batch job with its one sub-job (one server). */
export const ecsJob = (
  status: string,
  failure: { error_code?: string; fail_reason?: string; onSubJob?: boolean } = {},
) => {
  const { onSubJob, ...reason } = failure
  return {
    status,
    job_id: 'ff80808288d41e1b018990260955686a',
    job_type: 'batchStartServers',
    begin_time: '2026-12-07T03:00:00.000Z',
    end_time: status === 'SUCCESS' || status === 'FAIL' ? '2026-12-07T03:00:20.000Z' : '',
    ...(onSubJob ? { error_code: null, fail_reason: null } : reason),
    entities: {
      sub_jobs_total: 1,
      sub_jobs: [
        {
          status,
          job_id: 'ff80808288d41e1b018990260955686b',
          job_type: 'startServer',
          entities: { server_id: '47bc79ae-df61-4ade-9197-283a74e5d70e' },
          ...(onSubJob ? reason : {}),
        },
      ],
    },
  }
}

/** The documented error shapes: ECS's own, and its API gateway's. */
export const ecsErrors = [
  [
    404,
    { error: { code: 'Ecs.0114', message: 'Instance does not exist.' } },
    'not_found',
    'Ecs.0114',
  ],
  [
    404,
    { error: { code: 'Ecs.0614', message: 'The ECS does not exist.' } },
    'not_found',
    'Ecs.0614',
  ],
  [
    403,
    { error: { code: 'Ecs.0003', message: 'You are not authorized.' } },
    'forbidden',
    'Ecs.0003',
  ],
  [
    400,
    { error: { code: 'Ecs.0005', message: 'Invalid parameter.' } },
    'invalid_input',
    'Ecs.0005',
  ],
  [
    401,
    { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' },
    'unauthorized',
    'APIGW.0301',
  ],
  [
    404,
    { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published' },
    'not_found',
    'APIGW.0101',
  ],
  [
    429,
    { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' },
    'rate_limited',
    'APIGW.0308',
  ],
  [500, { error: { code: 'Ecs.0000', message: 'System error.' } }, 'server', 'Ecs.0000'],
] as const
