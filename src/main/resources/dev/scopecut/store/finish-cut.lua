-- Moves an open cut to CLOSED or CANCELLED once, drops it from its channel's open index and
-- starts the retention clock on every key of the cut.
-- KEYS[1] cut hash, KEYS[2] votes hash, KEYS[3] the channel's open-cut index, KEYS[4] edit history
-- ARGV[1] new status, ARGV[2] closed-at millis, ARGV[3] retention seconds, ARGV[4] cut id
if redis.call('HGET', KEYS[1], 'status') ~= 'OPEN' then
  return 0
end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'closedAt', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('ZREM', KEYS[3], ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[4], ARGV[3])
return 1
