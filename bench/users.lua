-- bench/run's case f: one API key acting as each of the users in BENCH_USERS (comma-separated ids)
-- in turn, request after request: as many Liberty Subjects as users, where cases b and c have one.
-- bench/run --subjects names thousands of users in a file instead: BENCH_USERS_FILE, one id a line.
local users = {}
for id in string.gmatch(os.getenv("BENCH_USERS") or "", "[^,]+") do
    users[#users + 1] = id
end
local file = os.getenv("BENCH_USERS_FILE")
if file then
    for id in io.lines(file) do
        if id ~= "" then users[#users + 1] = id end
    end
end
-- wrk's threads start at evenly spaced places in the list (BENCH_THREADS of them): together they go
-- through all of it in one pass.
local next_user = 0
local threads = 0

setup = function(thread)
    thread:set("thread_index", threads)
    threads = threads + 1
end

init = function()
    next_user = (thread_index or 0) * math.floor(#users / tonumber(os.getenv("BENCH_THREADS") or "1"))
end

request = function()
    next_user = next_user % #users + 1
    wrk.headers["x-meetergo-api-user-id"] = users[next_user]
    return wrk.format(nil)
end
