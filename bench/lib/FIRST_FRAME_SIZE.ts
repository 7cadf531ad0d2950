/** The console size of every single-console scenario. */
export const FIRST_FRAME_SIZE = { width: 640, height: 480 }
