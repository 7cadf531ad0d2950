/** A modifier the toolbar holds for the next key (sent or typed). */
export type StickyModifier = 'ctrl' | 'alt' | 'super'
