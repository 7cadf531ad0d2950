// POST /api/consoles/power: a power action, when `authorize` grants it by name.
import { gateway } from '../../../../gateway.ts'

export const POST = (request: Request) => gateway.fetch(request)
