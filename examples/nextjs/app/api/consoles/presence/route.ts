// POST /api/consoles/presence: the other users with a console open on this VM.
import { gateway } from '../../../../gateway.ts'

export const POST = (request: Request) => gateway.fetch(request)
