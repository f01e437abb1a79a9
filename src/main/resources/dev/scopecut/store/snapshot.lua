-- Reads a cut and all its votes in one step, so a rendering never mixes two moments.
-- KEYS[1] cut hash, KEYS[2] votes hash
return { redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]) }
