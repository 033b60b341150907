/**
 * Redis holds what the instances of one site share when REDIS_URL is set (`payload.kv`, the
 * comment rate limit). Every key starts with REDIS_KEY_PREFIX (default `newsroom:`), so several
 * sites or test runs can share one server.
 */
export const redisKeyPrefix = (env: Record<string, string | undefined> = process.env) =>
  env.REDIS_KEY_PREFIX?.trim() || 'newsroom:'
