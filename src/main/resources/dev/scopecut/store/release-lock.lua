-- Releases a lock only for the caller that holds it: after its lease lapsed, someone else may.
-- KEYS[1] the lock, ARGV[1] the holder's own value
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
return redis.call('DEL', KEYS[1])
