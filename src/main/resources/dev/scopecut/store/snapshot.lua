-- Reads a cut and all its votes in one step, so a rendering never mixes two moments. What is
-- read here will be shown, so any refresh a vote asked for is answered: the ask is cleared.
-- The cut is read before the ask is cleared, so the caller sees when the ask was made.
-- KEYS[1] cut hash, KEYS[2] votes hash
local cut = redis.call('HGETALL', KEYS[1])
redis.call('HDEL', KEYS[1], 'refreshAskedAt')
return { cut, redis.call('HGETALL', KEYS[2]) }
