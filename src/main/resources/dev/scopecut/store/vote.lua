-- Records or changes one voter's choices on one or more items of a cut (a click carries one, the
-- ballot of a large cut up to every item), each by the same rules: only on an open cut that has
-- the item and, when the cut has chosen voters, only from one of them; the last choice given for
-- an item wins. All of them in this one step, so a ballot is recorded whole or not at all.
-- A change also asks for a refresh of the cut's message, unless one was already asked for
-- since the cut was last read for showing (snapshot.lua clears the ask) and the ask is
-- younger than ARGV[3]: a flood of votes then schedules one refresh, not one per vote. The ask's
-- job changes (ARGV[4]) are made with it (applyJobs, from apply-jobs.lua).
-- A change on a cut set to close when everyone has voted also says whether everyone who may
-- vote has now voted on every item. With chosen voters, only they can vote, so that is when
-- the votes hash holds voters x items fields. On a cut open to the whole channel, everyone is
-- the channel's members when the cut started ('members', stored by set-members.lua; without
-- it the cut does not close early), counted by everyMemberVoted below. (Said on every change
-- while the cut is open, not only on the completing vote, so that a close that failed is
-- tried again by the next change.)
-- Returns { '1' when the caller must schedule a refresh else '0',
--           '1' when everyone has voted on every item of a close-early cut else '0',
--           then for each vote given: its outcome, its item's text ('' when not found) }.
-- KEYS[1] cut hash, KEYS[2] votes hash, KEYS[3] the workspace's jobs
-- ARGV[1] voter, ARGV[2] now millis, ARGV[3] millis after which an unanswered ask is asked again,
-- ARGV[4] the ask's job changes, then ARGV[5], ARGV[6], ... each vote's item id and choice (S or D)
-- everyMemberVoted(members, itemIds, votes) comes from every-member-voted.lua.

local cut = redis.call('HMGET', KEYS[1], 'status', 'refreshAskedAt', 'voters', 'closeWhenAllVoted', 'itemIds',
  'members')
local voter = ARGV[1]
local count = (#ARGV - 4) / 2
local fields = {}
for i = 1, count do
  fields[i] = 'item:' .. ARGV[3 + 2 * i]
end
local texts = {}
if count > 0 then
  texts = redis.call('HMGET', KEYS[1], unpack(fields))
end
local voters = cut[3] or ''
local mayVote = voters == '' or string.find(',' .. voters .. ',', ',' .. voter .. ',', 1, true)
local result = { '0', '0' }
local changed = 0
for i = 1, count do
  local text = texts[i]
  local outcome
  if not cut[1] or not text then
    outcome = 'NOT_FOUND'
  elseif cut[1] ~= 'OPEN' then
    outcome = 'NOT_OPEN'
  elseif not mayVote then
    outcome = 'NOT_A_VOTER'
  else
    local field = ARGV[3 + 2 * i] .. ':' .. voter
    local previous = redis.call('HGET', KEYS[2], field)
    if previous == ARGV[4 + 2 * i] then
      outcome = 'UNCHANGED'
    else
      redis.call('HSET', KEYS[2], field, ARGV[4 + 2 * i])
      changed = changed + 1
      outcome = previous and 'CHANGED' or 'RECORDED'
    end
  end
  result[#result + 1] = outcome
  result[#result + 1] = text or ''
end
if changed == 0 then
  return result
end
redis.call('HINCRBY', KEYS[1], 'version', changed)
-- The oldest change the message does not show yet, for the refresh lag metric.
redis.call('HSETNX', KEYS[1], 'unshownSince', ARGV[2])
if not cut[2] or tonumber(ARGV[2]) - tonumber(cut[2]) > tonumber(ARGV[3]) then
  redis.call('HSET', KEYS[1], 'refreshAskedAt', ARGV[2])
  applyJobs(KEYS[3], ARGV[4])
  result[1] = '1'
end
if cut[4] == '1' and voters ~= '' then
  local _, voterCommas = string.gsub(voters, ',', '')
  local _, itemCommas = string.gsub(cut[5] or ',', ',', '')
  if redis.call('HLEN', KEYS[2]) >= (voterCommas + 1) * (itemCommas - 1) then
    result[2] = '1'
  end
elseif cut[4] == '1' and (cut[6] or '') ~= '' then
  if everyMemberVoted(cut[6], cut[5] or ',', KEYS[2]) then
    result[2] = '1'
  end
end
return result
