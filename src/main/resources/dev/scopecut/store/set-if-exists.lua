-- Sets one field of an existing hash; never creates a stray hash for a cut that has expired.
-- KEYS[1] hash, ARGV[1] field, ARGV[2] value
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
