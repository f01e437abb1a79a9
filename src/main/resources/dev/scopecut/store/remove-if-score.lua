-- Removes a member of a sorted set only while it has the score given: a job of the single queue
-- of earlier versions leaves it once moved, unless an instance of those versions took it since.
-- KEYS[1] the sorted set, ARGV[1] member, ARGV[2] score
local current = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not current or tonumber(current) ~= tonumber(ARGV[2]) then
  return 0
end
return redis.call('ZREM', KEYS[1], ARGV[1])
