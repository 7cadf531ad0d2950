import { formatLabel } from '../../../i18n/formatLabel.js'

/**
 * A readable name for a layout id such as `de-CH` or `fr-FR-nodeadkeys`, in the console's
 * language (Intl.DisplayNames, so no table of names ships); the id itself where Intl cannot help.
 */
export function keyboardLayoutName(
  layout: string,
  locale: string,
  labels: { layoutNoDeadKeys: string },
): string {
  const [language = '', region, ...variant] = layout.split('-')
  const tag = region ? `${language}-${region}` : language
  let name = tag
  try {
    name = new Intl.DisplayNames([locale, 'en'], { type: 'language' }).of(tag) ?? tag
  } catch {
    // An engine without DisplayNames, or a tag it refuses: the id is still unambiguous.
  }
  const rest = variant.join('-')
  if (!rest) return name
  return rest === 'nodeadkeys'
    ? formatLabel(labels.layoutNoDeadKeys, { name })
    : `${name} (${rest})`
}
