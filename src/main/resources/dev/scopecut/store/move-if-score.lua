-- Moves a member of a sorted set to a new score only while it has the score read, so that a job
-- someone else took or moved meanwhile is left to them. Holds a job of the single queue of earlier
-- versions ('scopecut:jobs') for its move into its workspace's queue, as an instance of those
-- versions holds a job it claimed (to the end of a lease); hands back a job this instance holds
-- whose run found Redis away (from the end of its lease to a few seconds from now). Returns 1 when
-- moved.
-- KEYS[1] the sorted set
-- ARGV[1] member, ARGV[2] its score as read, ARGV[3] the new score
local current = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not current or tonumber(current) ~= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], 'XX', ARGV[3], ARGV[1])
return 1
