-- Marks one user's reminder of one slot, only while the cut is open, only once, and only
-- when the user had no reminder of the cut lately: the caller that gets MARKED sends it,
-- anyone else sends nothing.
-- Why at most once per user and slot: the open check and the mark's SET NX are one step, taken
-- before the message is sent, and only the caller that set the mark sends. A crash between
-- marking and sending loses that one reminder (at most once, by choice: a missed nudge costs
-- less than a repeated one); a send Slack certainly did not take (a 429, Slack not reached)
-- takes its mark back, so the retry can send, while a post answered with a 5xx keeps it: it
-- may have gone. The user's latest reminder of the cut is read and set in the same step, so of
-- two reminders racing for one person (two slots held until one morning) one is marked and the
-- other sees it as lately.
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
