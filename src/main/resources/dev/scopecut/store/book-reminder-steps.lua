-- Books free steps of a workspace's reminder grid: one reminder a step, whichever cut or
-- instance books it, so all of the workspace's reminders stay paced together.
-- Why they stay paced: each step booked is added with ZADD NX and a step already there is
-- skipped, in one step, so two instances booking at once never get the same step. Bookings a
-- day before the first step wanted are over (nothing is booked further ahead) and are dropped.
-- KEYS[1] the workspace's booked steps (zset, member and score the step number)
-- ARGV[1] the first step wanted, ARGV[2] the step before which bookings are over,
-- ARGV[3] how many steps, ARGV[4] a step in millis, ARGV[5] how long a booking is kept
-- after its step, millis
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[2])
local step = tonumber(ARGV[1])
local wanted = tonumber(ARGV[3])
local booked = {}
while #booked < wanted do
  if redis.call('ZADD', KEYS[1], 'NX', step, step) == 1 then
    booked[#booked + 1] = step
  end
  step = step + 1
end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[1], tonumber(last[2]) * tonumber(ARGV[4]) + tonumber(ARGV[5]))
return booked
