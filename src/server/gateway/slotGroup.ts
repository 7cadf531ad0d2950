/** The store's group for one user's console slots and request window. */
export function slotGroup(user: string): string {
  return `user:${user}`
}
