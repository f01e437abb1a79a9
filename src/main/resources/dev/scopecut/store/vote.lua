-- Records or changes one vote, only on an open cut that has the item and, when the cut has
-- chosen voters, only from one of them; counts the change.
-- A change also asks for a refresh of the cut's message, unless one was already asked for
-- since the cut was last read for showing (snapshot.lua clears the ask) and the ask is
-- younger than ARGV[5]: a flood of votes then schedules one refresh, not one per vote. The ask's
-- job changes (ARGV[6]) are made with it (applyJobs, from apply-jobs.lua).
-- A change on a cut set to close when everyone has voted also says whether everyone who may
-- vote has now voted on every item. With chosen voters, only they can vote, so that is when
-- the votes hash holds voters x items fields. On a cut open to the whole channel, everyone is
-- the channel's members when the cut started ('members', stored by set-members.lua; without
-- it the cut does not close early), counted by everyMemberVoted below. (Said on every change
-- while the cut is open, not only on the completing vote, so that a close that failed is
-- tried again by the next change.)
-- Returns { outcome, item text, '1' when the caller must schedule a refresh else '0',
--           '1' when everyone has voted on every item of a close-early cut else '0' }.
-- KEYS[1] cut hash, KEYS[2] votes hash, KEYS[3] the workspace's jobs
-- ARGV[1] item id, ARGV[2] voter, ARGV[3] choice (S or D), ARGV[4] now millis,
-- ARGV[5] millis after which an unanswered ask is asked again, ARGV[6] the ask's job changes
-- everyMemberVoted(members, itemIds, votes) comes from every-member-voted.lua.

local cut = redis.call('HMGET', KEYS[1], 'status', 'item:' .. ARGV[1], 'refreshAskedAt', 'voters',
  'closeWhenAllVoted', 'itemIds', 'members')
if not cut[1] or not cut[2] then
  return { 'NOT_FOUND', '', '0', '0' }
end
if cut[1] ~= 'OPEN' then
  return { 'NOT_OPEN', cut[2], '0', '0' }
end
local voters = cut[4] or ''
if voters ~= '' and not string.find(',' .. voters .. ',', ',' .. ARGV[2] .. ',', 1, true) then
  return { 'NOT_A_VOTER', cut[2], '0', '0' }
end
local field = ARGV[1] .. ':' .. ARGV[2]
local previous = redis.call('HGET', KEYS[2], field)
if previous == ARGV[3] then
  return { 'UNCHANGED', cut[2], '0', '0' }
end
redis.call('HSET', KEYS[2], field, ARGV[3])
redis.call('HINCRBY', KEYS[1], 'version', 1)
-- The oldest change the message does not show yet, for the refresh lag metric.
redis.call('HSETNX', KEYS[1], 'unshownSince', ARGV[4])
local ask = '0'
if not cut[3] or tonumber(ARGV[4]) - tonumber(cut[3]) > tonumber(ARGV[5]) then
  redis.call('HSET', KEYS[1], 'refreshAskedAt', ARGV[4])
  applyJobs(KEYS[3], ARGV[6])
  ask = '1'
end
local everyone = '0'
if cut[5] == '1' and voters ~= '' then
  local _, voterCommas = string.gsub(voters, ',', '')
  local _, itemCommas = string.gsub(cut[6] or ',', ',', '')
  if redis.call('HLEN', KEYS[2]) >= (voterCommas + 1) * (itemCommas - 1) then
    everyone = '1'
  end
elseif cut[5] == '1' and (cut[7] or '') ~= '' then
  if everyMemberVoted(cut[7], cut[6] or ',', KEYS[2]) then
    everyone = '1'
  end
end
if previous then
  return { 'CHANGED', cut[2], ask, everyone }
end
return { 'RECORDED', cut[2], ask, everyone }
