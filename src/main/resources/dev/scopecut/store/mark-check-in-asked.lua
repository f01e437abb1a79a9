-- Marks a cut's check-in as asked for one day, only while it is pending and only once: the
-- caller that gets 1 sends the direct message, anyone else sends nothing.
-- Why at most once per day asked: the job queue gives the job to one claimant at a time, and
-- this check and mark are one step taken before the message is sent, so a claimant whose lease
-- lapsed after sending (the job runs again) finds the day marked. A send Slack certainly did not
-- take (a 429) takes the mark back (HDEL), so the retry can send.
-- KEYS[1] cut hash
-- ARGV[1] the day asked, ISO
local cut = redis.call('HMGET', KEYS[1], 'status', 'checkIn', 'checkInAnswer', 'checkInAsked')
if cut[1] ~= 'CLOSED' or not cut[2] or cut[3] or cut[4] == ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'checkInAsked', ARGV[1])
return 1
