-- Saves a new cut unless its id is taken, and indexes it as open in its channel and workspace.
-- KEYS[1] cut hash, KEYS[2] the channel's open-cut index, KEYS[3] the workspace's open-cut index
-- ARGV[1] cut id, ARGV[2] created-at millis, ARGV[3..] field, value, field, value...
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
return 1
