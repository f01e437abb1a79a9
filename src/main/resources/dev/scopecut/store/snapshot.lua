-- Reads a cut, all its votes and its latest edit in one step, so a rendering never mixes two
-- moments. What is read here will be shown, so any refresh a vote asked for is answered: the
-- ask is cleared.
-- Returns { the cut hash, the votes hash (as HGETALL gives them), the latest history entry or '' }.
-- KEYS[1] cut hash, KEYS[2] votes hash, KEYS[3] the cut's history list
redis.call('HDEL', KEYS[1], 'refreshAskedAt')
return { redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]), redis.call('LINDEX', KEYS[3], -1) or '' }
