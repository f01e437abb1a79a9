-- Moves a workspace's entry in a shard of the due index to what its queue said after a claim
-- (or removes it, ARGV[3] empty), only while the entry still says what the claimant read: an
-- entry lowered meanwhile, for a job scheduled since, keeps its earlier time. The claimant then
-- reads the queue again and lowers the entry for any job scheduled between its claim and this.
-- KEYS[1] the due-index shard
-- ARGV[1] workspace, ARGV[2] the entry's due millis as read, ARGV[3] the new due millis or ''
local current = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not current or tonumber(current) ~= tonumber(ARGV[2]) then
  return 0
end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
else
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
end
return 1
