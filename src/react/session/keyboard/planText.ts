import type { KeyboardLayout } from '../../../keys/KeyboardLayout.js'
import { loadKeyboardLayout } from '../../../keys/loadKeyboardLayout.js'
import { planTyping } from '../../../keys/planTyping.js'
import type { TypingPlan } from '../../../keys/TypingPlan.js'

/**
 * `text` planned on `layout` (its table loaded first). Its own module, imported when text is
 * first typed: the planner and the en-US table stay out of the viewer chunk.
 */
export async function planText(
  text: string,
  layout: KeyboardLayout,
  keysymFallback: boolean,
): Promise<TypingPlan> {
  return planTyping(text, await loadKeyboardLayout(layout), { keysymFallback })
}
