-- Marks one user's reminder of one slot, only while the cut is open and only once: the caller
-- that gets MARKED sends it, anyone else sends nothing.
-- KEYS[1] cut hash, KEYS[2] the reminder's mark
-- ARGV[1] when the mark expires, epoch millis
if redis.call('HGET', KEYS[1], 'status') ~= 'OPEN' then
  return 'NOT_OPEN'
end
if not redis.call('SET', KEYS[2], '1', 'NX', 'PXAT', ARGV[1]) then
  return 'ALREADY_MARKED'
end
return 'MARKED'
