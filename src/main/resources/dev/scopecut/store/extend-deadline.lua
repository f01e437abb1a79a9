-- Moves an open cut's deadline later, counts the change and appends the edit to the cut's
-- history, keeping its latest ARGV[3] entries, and changes the cut's jobs with it (its CLOSE and
-- REMIND jobs move; applyJobs, from apply-jobs.lua).
-- Returns the new deadline in millis, or -1 (and nothing changed) when the cut is not open.
-- KEYS[1] cut hash, KEYS[2] history list, KEYS[3] the workspace's jobs
-- ARGV[1] extension millis, ARGV[2] history entry, ARGV[3] history length kept, ARGV[4] job changes
local cut = redis.call('HMGET', KEYS[1], 'status', 'deadline')
if cut[1] ~= 'OPEN' then
  return -1
end
local deadline = tonumber(cut[2]) + tonumber(ARGV[1])
redis.call('HSET', KEYS[1], 'deadline', string.format('%d', deadline))
redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[3]), -1)
applyJobs(KEYS[3], ARGV[4])
return deadline
