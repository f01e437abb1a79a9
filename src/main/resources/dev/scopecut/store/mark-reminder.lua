-- Marks one user's reminder of one slot, only while the cut is open, only once, and only
-- when the user had no reminder of the cut lately: the caller that gets MARKED sends it,
-- anyone else sends nothing.
-- KEYS[1] cut hash, KEYS[2] the reminder's mark, KEYS[3] when the user's latest reminder of
-- the cut was marked
-- ARGV[1] when the mark expires, ARGV[2] now, epoch millis, ARGV[3] how long "lately" lasts, millis
if redis.call('HGET', KEYS[1], 'status') ~= 'OPEN' then
  return 'NOT_OPEN'
end
local now = tonumber(ARGV[2])
local latest = redis.call('GET', KEYS[3])
if latest and now - tonumber(latest) < tonumber(ARGV[3]) then
  return 'REMINDED_LATELY'
end
if not redis.call('SET', KEYS[2], '1', 'NX', 'PXAT', ARGV[1]) then
  return 'ALREADY_MARKED'
end
redis.call('SET', KEYS[3], ARGV[2], 'PXAT', now + tonumber(ARGV[3]))
return 'MARKED'
