import type { FakeCloudInventory, FakeCloudTowerUser } from './types.ts'

/**
 * The user behind a raw `Authorization` header (CloudTower sends the session token itself, no
 * `Bearer`): a `login` session, else a user's ready-made `sessionToken`. GraphQL and REST alike.
 */
export function authenticateCloudTower(
  authorization: string | undefined,
  inventory: FakeCloudInventory,
  sessions: ReadonlyMap<string, string>,
): FakeCloudTowerUser | undefined {
  if (!authorization) return undefined
  const { users } = inventory.cloudTower
  const username = sessions.get(authorization)
  return users.find((user) =>
    username === undefined ? user.sessionToken === authorization : user.username === username,
  )
}
