-- Not a script of its own: Scripts puts this function before the scripts that change a cut's
-- jobs with the cut (insert-cut.lua, finish-cut.lua, vote.lua, set-members.lua, the edits), so
-- that a cut and its jobs change in one step on the workspace's slot.
-- The changes are one line each, "op TAB due-millis TAB member": S schedules (ZADD NX: a job
-- already waiting keeps its time), R reschedules (ZADD), C completes (ZREM, no due time).
local function applyJobs(jobs, changes)
  for op, due, member in string.gmatch(changes, '(%u)\t([^\t]*)\t([^\n]+)') do
    if op == 'S' then
      redis.call('ZADD', jobs, 'NX', due, member)
    elseif op == 'R' then
      redis.call('ZADD', jobs, due, member)
    else
      redis.call('ZREM', jobs, member)
    end
  end
end
