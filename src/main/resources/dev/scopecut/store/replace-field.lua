-- Replaces a field that is still there: a late write never brings back one deleted meanwhile
-- (an uninstalled workspace's bot).
-- KEYS[1] hash, ARGV[1] field, ARGV[2] value
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
