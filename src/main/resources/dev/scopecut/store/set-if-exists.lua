-- Sets one field of a hash only while another field of it is there: a late write never brings
-- back what was deleted meanwhile (a cut that has expired, an uninstalled workspace's bot).
-- KEYS[1] hash, ARGV[1] the field that must be there, ARGV[2] field, ARGV[3] value
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
return 1
