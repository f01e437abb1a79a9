-- Hands back the jobs of a claim whose answer never came (the command timed out, yet the master
-- may have run it late): every job of the workspace's queue scored exactly that claim's lease end
-- falls due again. Scores are milliseconds, so only a claim of the same workspace at the same
-- millisecond could share that lease end.
-- Returns how many jobs were handed back.
-- KEYS[1] the workspace's jobs
-- ARGV[1] the claim's lease-end millis, ARGV[2] when they fall due again, millis
local held = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
for i = 1, #held do
  redis.call('ZADD', KEYS[1], 'XX', ARGV[2], held[i])
end
return #held
