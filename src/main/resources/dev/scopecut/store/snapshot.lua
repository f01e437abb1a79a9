-- Reads a cut and all its votes in one step, so a rendering never mixes two moments. What is
-- read here will be shown, so any refresh a vote asked for is answered: the ask is cleared.
-- KEYS[1] cut hash, KEYS[2] votes hash
redis.call('HDEL', KEYS[1], 'refreshAskedAt')
return { redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]) }
