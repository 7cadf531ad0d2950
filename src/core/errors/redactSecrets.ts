const TOKEN_PARAM = /([?&;](?:token|raw_token|password|auth_token)=)[^&\s"'#]+/gi

/**
 * Removes secrets from text meant for people: every known secret (plain and URL-encoded) and any
 * `token=` query value. Used on every message built from upstream text.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text
  for (const secret of secrets) {
    // Very short values would redact ordinary words; real tokens are long.
    if (secret && secret.length > 3) {
      for (const form of [secret, encodeURIComponent(secret)]) out = out.replaceAll(form, '***')
    }
  }
  return out.replace(TOKEN_PARAM, '$1***')
}
