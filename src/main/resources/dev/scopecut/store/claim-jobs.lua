-- Claims a workspace's due jobs by pushing their time to the end of a lease: no other instance
-- sees them due until then, and a claimant that dies leaves them to fall due again.
-- Returns { { job, its due time (millis), job, due time, ... } claimed, the earliest due time
-- left in the queue after the claim, millis, or '' when it is empty }: the due times measure
-- lateness; the earliest is what the workspace's entry in the due index should say now.
-- KEYS[1] the workspace's jobs
-- ARGV[1] now millis, ARGV[2] lease-end millis, ARGV[3] most jobs to claim
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[3])
for i = 1, #due, 2 do
  redis.call('ZADD', KEYS[1], 'XX', ARGV[2], due[i])
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return { due, first[2] or '' }
