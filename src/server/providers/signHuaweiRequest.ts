import { createHash, createHmac } from 'node:crypto'

export interface HuaweiSignInput {
  method: string
  /** The full request URL; its path and query are signed. */
  url: string
  /** Headers to send. Every one is signed except `content-type` and names with `_`, as Huawei's SDK does. */
  headers: Readonly<Record<string, string>>
  body?: string
  accessKey: string
  secretKey: string
  /** Default now. Ignored when `headers` already holds `X-Sdk-Date`. */
  date?: Date
}

export interface HuaweiSignature {
  /** `X-Sdk-Date` and `Authorization` to add to the request. */
  headers: { 'X-Sdk-Date': string; Authorization: string }
  /** For tests and debugging only: the canonical request that was hashed. */
  canonicalRequest: string
}

const ALGORITHM = 'SDK-HMAC-SHA256'

/**
 * Huawei Cloud's AK/SK request signing (SDK-HMAC-SHA256), as in the official Go SDK
 * (`core/auth/signer`): the canonical URI always ends in `/`, values are escaped with RFC 3986
 * unreserved characters kept, and the key is the secret itself (no derived key).
 */
export function signHuaweiRequest(input: HuaweiSignInput): HuaweiSignature {
  if (!input.accessKey || !input.secretKey) throw new Error('AK/SK signing needs both keys.')
  const url = new URL(input.url)
  const headers = new Map<string, string>()
  for (const [name, value] of Object.entries(input.headers)) headers.set(name.toLowerCase(), value)
  const sdkDate = headers.get('x-sdk-date') ?? formatSdkDate(input.date ?? new Date())
  headers.set('x-sdk-date', sdkDate)

  const signed = [...headers.keys()]
    .filter((name) => !name.startsWith('content-type') && !name.includes('_'))
    .sort()
  const canonicalHeaders = signed.map((name) => `${name}:${headers.get(name)?.trim()}\n`).join('')
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    canonicalHeaders,
    signed.join(';'),
    sha256Hex(input.body ?? ''),
  ].join('\n')
  const stringToSign = `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`
  const signature = createHmac('sha256', input.secretKey).update(stringToSign).digest('hex')
  return {
    headers: {
      'X-Sdk-Date': sdkDate,
      Authorization: `${ALGORITHM} Access=${input.accessKey}, SignedHeaders=${signed.join(';')}, Signature=${signature}`,
    },
    canonicalRequest,
  }
}

/** `20060102T150405Z` */
function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d{3}/g, '')
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex')

// Go's escape(): everything but A-Z a-z 0-9 - _ . ~ becomes %XX of its UTF-8 bytes.
function escape(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

function canonicalUri(pathname: string): string {
  // URL keeps the path percent-encoded; sign each segment's decoded value, escaped once.
  const path = pathname
    .split('/')
    .map((segment) => escape(safeDecode(segment)))
    .join('/')
  return path.endsWith('/') ? path : `${path}/`
}

function canonicalQuery(params: URLSearchParams): string {
  const keys = [...new Set(params.keys())].sort()
  return keys
    .flatMap((key) =>
      params
        .getAll(key)
        .sort()
        .map((value) => `${escape(key)}=${escape(value)}`),
    )
    .join('&')
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
