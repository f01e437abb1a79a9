-- Records that the cut's message now shows the snapshot of version ARGV[2], read before the
-- update was sent. The oldest unshown change is forgotten only while the version is still
-- that one: a vote landing between the snapshot and this keeps it, so the next refresh
-- measures that vote's lag. Never creates a cut that is gone.
-- KEYS[1] cut hash, ARGV[1] shownAt (epoch ms), ARGV[2] the version shown
if redis.call('HEXISTS', KEYS[1], 'status') == 0 then
  return 0
end
redis.call('HSET', KEYS[1], 'shownAt', ARGV[1])
if redis.call('HGET', KEYS[1], 'version') == ARGV[2] then
  redis.call('HDEL', KEYS[1], 'unshownSince')
  return 1
end
return 2
