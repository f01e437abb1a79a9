-- Saves a new cut unless its id is taken or a limit on open cuts is reached, and indexes it as
-- open in its channel, its workspace and among its facilitator's, with its jobs (applyJobs, from
-- apply-jobs.lua): the counts and the insert are one step, so two starts at once cannot both
-- pass a limit. A cut started from a closed one carries its parent's id, title and its carried
-- items' deferral streaks among its fields, so its link is stored in this same step.
-- KEYS[1] cut hash, KEYS[2] the channel's open-cut index, KEYS[3] the workspace's open-cut index,
-- KEYS[4] the facilitator's open-cut index, KEYS[5] the workspace's jobs
-- ARGV[1] cut id, ARGV[2] created-at millis, ARGV[3] most open cuts a channel may have,
-- ARGV[4] most open cuts one facilitator may have, ARGV[5] job changes,
-- ARGV[6..] field, value, field, value...
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 'ID_TAKEN'
end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then
  return 'CHANNEL_FULL'
end
if redis.call('ZCARD', KEYS[4]) >= tonumber(ARGV[4]) then
  return 'FACILITATOR_FULL'
end
redis.call('HSET', KEYS[1], unpack(ARGV, 6))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
applyJobs(KEYS[5], ARGV[5])
return 'INSERTED'
