-- Answers a closed cut's check-in, or moves its next ask a week on ("Not yet"), and changes the
-- cut's jobs with it (applyJobs, from apply-jobs.lua).
-- Why nothing is written out of turn: the facilitator check, the pending check (closed, with a
-- check-in, not answered) and the write are one step on the cut's slot, so of two answers racing
-- (two clicks, two instances) one is recorded and the other finds it answered; a second "Not
-- yet" to the same ask finds the day already moved, and not yet asked, and changes nothing.
-- KEYS[1] cut hash, KEYS[2] votes hash, KEYS[3] edit history, KEYS[4] the workspace's jobs
-- ARGV[1] user, ARGV[2] LEARNED, NOT_LEARNED or NOT_YET, ARGV[3] job changes;
-- LEARNED and NOT_LEARNED: ARGV[4] what was learned, ARGV[5] when, epoch millis;
-- NOT_YET: ARGV[4] the day asked as read, ARGV[5] the next day, ARGV[6] the least time to live
-- of the cut's keys, seconds
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'NO_SUCH_CUT'
end
local cut = redis.call('HMGET', KEYS[1], 'facilitator', 'status', 'checkIn', 'checkInOn', 'checkInAnswer',
  'checkInAsked')
if cut[1] ~= ARGV[1] then
  return 'NOT_FACILITATOR'
end
if cut[2] ~= 'CLOSED' or not cut[3] or cut[5] then
  return 'NOT_PENDING'
end
if ARGV[2] == 'NOT_YET' then
  local on = cut[4] or cut[3]
  if on ~= ARGV[4] or cut[6] ~= on then
    return 'ALREADY_POSTPONED'
  end
  redis.call('HSET', KEYS[1], 'checkInOn', ARGV[5])
  redis.call('HINCRBY', KEYS[1], 'checkInPostponed', 1)
  local keep = tonumber(ARGV[6])
  for i = 1, 3 do
    local ttl = redis.call('TTL', KEYS[i])
    if ttl >= 0 and ttl < keep then
      redis.call('EXPIRE', KEYS[i], keep)
    end
  end
else
  redis.call('HSET', KEYS[1], 'checkInAnswer', ARGV[2], 'checkInText', ARGV[4], 'checkInAt', ARGV[5])
end
applyJobs(KEYS[4], ARGV[3])
return 'DONE'
