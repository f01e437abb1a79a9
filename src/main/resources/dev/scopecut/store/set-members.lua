-- Stores who may vote on a cut open to the whole channel (its human members when it started,
-- comma-joined), only while the cut exists and is open: never creates a stray hash for a cut
-- that has expired, and never changes who counted on a cut already decided.
-- Job changes are made with them (applyJobs, from apply-jobs.lua). Returns 1 when stored, else 0.
-- KEYS[1] cut hash, KEYS[2] the workspace's jobs
-- ARGV[1] the members, comma-joined, ARGV[2] job changes
if redis.call('HGET', KEYS[1], 'status') ~= 'OPEN' then
  return 0
end
redis.call('HSET', KEYS[1], 'members', ARGV[1])
applyJobs(KEYS[2], ARGV[2])
return 1
