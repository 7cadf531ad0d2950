// POST /api/consoles: the browser asks for a console and gets a single-use websocket ticket.
// No `runtime` export: route handlers run on Node by default, and the segment option conflicts
// with cacheComponents.
import { gateway } from '../../../gateway.ts'

export const POST = (request: Request) => gateway.fetch(request)
