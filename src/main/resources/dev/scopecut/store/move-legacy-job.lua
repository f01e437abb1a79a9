-- Adds one job of the single queue of earlier versions to its workspace's queue, once: the move
-- is remembered as "member@lease-end" in the workspace's moved set, so a move repeated after a
-- crash before the job left the single queue (which then still holds it at that lease end) adds
-- nothing, even once the job has run. A job the workspace's queue already has keeps its time.
-- KEYS[1] the workspace's jobs, KEYS[2] the workspace's moved set
-- ARGV[1] member, ARGV[2] due millis, ARGV[3] the single queue's time for it as read,
-- ARGV[4] the lease end it is held to now, ARGV[5] how long the moved set is kept, seconds
-- Returns 1 when added, else 0.
if redis.call('SISMEMBER', KEYS[2], ARGV[1] .. '@' .. ARGV[3]) == 1 then
  redis.call('SADD', KEYS[2], ARGV[1] .. '@' .. ARGV[4])
  return 0
end
redis.call('SADD', KEYS[2], ARGV[1] .. '@' .. ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[5])
return redis.call('ZADD', KEYS[1], 'NX', ARGV[2], ARGV[1])
