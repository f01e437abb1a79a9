-- Claims a workspace's due jobs by pushing their time to the end of a lease: no other instance
-- sees them due until then, and a claimant that dies leaves them to fall due again.
-- Returns { the jobs claimed, the earliest due time left in the queue after the claim, millis,
-- or '' when it is empty }: what the workspace's entry in the due index should say now.
-- KEYS[1] the workspace's jobs
-- ARGV[1] now millis, ARGV[2] lease-end millis, ARGV[3] most jobs to claim
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
for _, job in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', ARGV[2], job)
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return { due, first[2] or '' }
