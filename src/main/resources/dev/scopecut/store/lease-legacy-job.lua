-- Holds one job of the single queue of earlier versions ('scopecut:jobs') for the move into its
-- workspace's queue, as an instance of those versions holds a job it claimed: its time goes to the
-- end of a lease, only while it is still the time read, so a job such an instance claimed or moved
-- meanwhile is left to it. Returns 1 when held.
-- KEYS[1] the single queue
-- ARGV[1] member, ARGV[2] its due millis as read, ARGV[3] lease-end millis
local current = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not current or tonumber(current) ~= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], 'XX', ARGV[3], ARGV[1])
return 1
