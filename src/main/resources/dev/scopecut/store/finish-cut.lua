-- Moves an open cut to CLOSED or CANCELLED once, drops it from its channel's, workspace's and
-- facilitator's open indexes, lists a closed one among the workspace's latest decisions (keeping
-- the latest ARGV[5]) and starts the retention clock on every key of the cut; changes its jobs
-- with it (applyJobs, from apply-jobs.lua).
-- KEYS[1] cut hash, KEYS[2] votes hash, KEYS[3] the channel's open-cut index, KEYS[4] edit history,
-- KEYS[5] the workspace's open-cut index, KEYS[6] the workspace's closed-cut index,
-- KEYS[7] the facilitator's open-cut index, KEYS[8] the workspace's jobs
-- ARGV[1] new status, ARGV[2] closed-at millis, ARGV[3] retention seconds, ARGV[4] cut id,
-- ARGV[5] how many closed cuts the workspace's index keeps, ARGV[6] job changes
if redis.call('HGET', KEYS[1], 'status') ~= 'OPEN' then
  return 0
end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'closedAt', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('ZREM', KEYS[3], ARGV[4])
redis.call('ZREM', KEYS[5], ARGV[4])
redis.call('ZREM', KEYS[7], ARGV[4])
if ARGV[1] == 'CLOSED' then
  redis.call('ZADD', KEYS[6], ARGV[2], ARGV[4])
  redis.call('ZREMRANGEBYRANK', KEYS[6], 0, -tonumber(ARGV[5]) - 1)
end
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[4], ARGV[3])
applyJobs(KEYS[8], ARGV[6])
return 1
