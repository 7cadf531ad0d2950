// POST /api/consoles/state: the VM's power state and the power actions this user may take.
import { gateway } from '../../../../gateway.ts'

export const POST = (request: Request) => gateway.fetch(request)
