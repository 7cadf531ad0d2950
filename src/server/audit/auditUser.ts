/** The name audit events give a slot group's user: `authorize`'s `user`, or `address:{ip}`. */
export function auditUser(group: string): string {
  return group.startsWith('user:') ? group.slice('user:'.length) : group
}
