const MESSAGES: Record<string, { 'en-US': string; 'zh-CN': string }> = {
  LOAD_TOKEN_FAILED: {
    'en-US': 'Failed to load the login token. Please log in again.',
    'zh-CN': '加载登录令牌失败，请重新登录。',
  },
  LOGIN_FAILED: {
    'en-US': 'Incorrect username or password.',
    'zh-CN': '用户名或密码错误。',
  },
  USER_NOT_FOUND: { 'en-US': 'The user does not exist.', 'zh-CN': '用户不存在。' },
  PERMISSION_DENIED: {
    'en-US': 'You do not have permission to perform this operation.',
    'zh-CN': '您没有执行此操作的权限。',
  },
  VM_NOT_FOUND: { 'en-US': 'The virtual machine does not exist.', 'zh-CN': '虚拟机不存在。' },
  VM_NOT_RUNNING: { 'en-US': 'The virtual machine is not running.', 'zh-CN': '虚拟机未运行。' },
  GRAPHQL_VALIDATION_FAILED: {
    'en-US': 'The request is not a GraphQL operation this server supports.',
    'zh-CN': '请求不是本服务支持的 GraphQL 操作。',
  },
  TOO_MANY_REQUESTS: {
    'en-US': 'Too many requests. Please try again later.',
    'zh-CN': '请求过于频繁，请稍后再试。',
  },
  INTERNAL_SERVER_ERROR: {
    'en-US': 'Internal server error.',
    'zh-CN': '服务器内部错误。',
  },
}

/** An error message in the language that `content-language` asks for (English otherwise). */
export function cloudTowerMessage(code: string, language: string | undefined): string {
  const messages = MESSAGES[code] ?? MESSAGES.INTERNAL_SERVER_ERROR
  const zh = language?.toLowerCase().startsWith('zh') ?? false
  return (zh ? messages?.['zh-CN'] : messages?.['en-US']) ?? code
}
