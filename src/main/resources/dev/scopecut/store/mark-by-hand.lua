-- Marks a reminder asked for by hand, unless one of the same cut was marked within the
-- interval before now: the caller that gets -1 sends it; anyone else hears when the last one was.
-- Times are the app's own (its clock may run ahead of Redis's in tests); the expiry only
-- tidies up.
-- KEYS[1] when the cut's latest reminder by hand was marked
-- ARGV[1] now, epoch millis, ARGV[2] the interval, millis
local now = tonumber(ARGV[1])
local last = redis.call('GET', KEYS[1])
if last and now - tonumber(last) < tonumber(ARGV[2]) then
  return tonumber(last)
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return -1
