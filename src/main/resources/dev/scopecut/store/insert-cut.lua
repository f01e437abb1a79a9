-- Saves a new cut unless its id is taken, and indexes it as open in its channel and workspace,
-- with its jobs (applyJobs, from apply-jobs.lua).
-- KEYS[1] cut hash, KEYS[2] the channel's open-cut index, KEYS[3] the workspace's open-cut index,
-- KEYS[4] the workspace's jobs
-- ARGV[1] cut id, ARGV[2] created-at millis, ARGV[3] job changes, ARGV[4..] field, value, field, value...
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
applyJobs(KEYS[4], ARGV[3])
return 1
