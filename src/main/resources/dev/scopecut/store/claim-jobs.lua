-- Claims due jobs by pushing their time to the end of a lease: no other instance sees them due
-- until then, and a claimant that dies leaves them to fall due again.
-- KEYS[1] jobs sorted set
-- ARGV[1] now millis, ARGV[2] lease-end millis, ARGV[3] most jobs to claim
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
for _, job in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', ARGV[2], job)
end
return due
