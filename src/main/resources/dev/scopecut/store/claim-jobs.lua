-- Claims due jobs by pushing their time to the end of a lease: no other instance sees them due
-- until then, and a claimant that dies leaves them to fall due again.
-- KEYS[1] jobs sorted set
-- ARGV[1] now millis, ARGV[2] lease-end millis, ARGV[3] most jobs to claim
-- Returns { job, its due time (millis), job, due time, ... }.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[3])
for i = 1, #due, 2 do
  redis.call('ZADD', KEYS[1], 'XX', ARGV[2], due[i])
end
return due
