/** What a cloud answers to a power action: the task (CloudTower) or job (ECS) to follow. */
export interface PowerActionResult {
  /** CloudTower's `task_id` or ECS's `job_id`; null when CloudTower did it synchronously. */
  taskId: string | null
}
