import { asRecord } from './asRecord.js'
import {
  ConsoleError,
  type ConsoleErrorKind,
  type ConsoleErrorProvider,
} from '../errors/ConsoleError.js'
import { kindForStatus } from '../errors/kindForStatus.js'
import { providerName } from '../errors/providerName.js'
import { redactSecrets } from '../errors/redactSecrets.js'
import type { JsonResponse } from './requestJson.js'
import { truncate } from '../errors/truncate.js'

/**
 * The error for an answer that does not bring a usable console: its kind (from the provider's error
 * code when `kindOfCode` knows it, else the status, else what the body says), a message that says what it means and what to
 * do, then the provider's own words, redacted and cut short.
 *
 * `answer` is the value where the console should be: `null` there means no such VM (GraphQL).
 * `subject` is what was asked about (`VM "web-01"`, `job "ff80…"`), `what` names what was asked for, in the message ("console", "VM state", "power action"…).
 */
export function responseError(
  provider: ConsoleErrorProvider,
  response: JsonResponse,
  secrets: readonly (string | undefined)[],
  kindOfCode: (code: string) => ConsoleErrorKind | undefined = () => undefined,
  subject: string,
  answer?: unknown,
  what = 'console',
): ConsoleError {
  const { status, ok } = response
  const name = providerName(provider)
  const body = asRecord(response.json)
  const errors = Array.isArray(body?.errors) ? body.errors.map(asRecord) : []
  // CloudTower: GraphQL `errors[]`, `code` at the top level of each. Huawei: `{"error":{"code",
  // "message"}}` (ECS) or `{"error_code","error_msg"}` (its API gateway).
  const first =
    errors.find((e) => typeof e?.code === 'string') ?? errors[0] ?? asRecord(body?.error) ?? body
  const rawCode = first?.code ?? first?.error_code
  const code = typeof rawCode === 'string' ? rawCode : undefined
  const upstream = first?.message ?? first?.error_msg
  const kind =
    (code && kindOfCode(code)) ||
    (ok && body
      ? answer === null
        ? 'not_found'
        : errors.length > 0 && !answer
          ? 'server'
          : 'invalid_response'
      : kindForStatus(status))
  const explanation = response.html
    ? `sent an HTML page (HTTP ${status}), not its API. Check the endpoint.`
    : ((
        {
          unauthorized: 'refused the token. Sign in again.',
          forbidden: `denied this account access to the ${what}.`,
          // Huawei's API gateway says not found (APIGW.0101) for a wrong endpoint or region.
          not_found: `has no ${subject} or no ${what} for it. Check the VM and the endpoint.`,
          rate_limited: 'is throttling requests. Try again soon.',
          conflict: 'is busy with this VM (another task holds it). Try again shortly.',
          invalid_input: 'rejected the request as invalid.',
          invalid_response: `answered HTTP ${status} without a ${what}. Check the endpoint.`,
          server:
            status > 499
              ? `failed with HTTP ${status}. Try again later.`
              : `could not provide the ${what}.`,
        } as Partial<Record<ConsoleErrorKind, string>>
      )[kind] ?? `answered HTTP ${status}.`)
  return new ConsoleError({
    kind,
    provider,
    status,
    // An HTML page is not the API at all (a wrong endpoint), whatever its status says.
    code: code ?? (response.html ? 'html_page' : undefined),
    // An error in a 2xx answer (an unknown GraphQL error) is no hiccup: a retry gets the same.
    retryable: ok && kind === 'server' ? false : undefined,
    // Redact before cutting: a token cut in half would no longer match and would leak its start.
    message: truncate(
      redactSecrets(
        typeof upstream === 'string' && upstream
          ? `${name} ${explanation} (${name}: ${upstream})`
          : `${name} ${explanation}`,
        secrets,
      ),
      400,
    ),
  })
}
