-- bench/cluster's paced load: each connection waits PACE_MS milliseconds before its next request,
-- so that wrk offers a steady rate below what the servers can serve (a rolling restart under a
-- saturating load on 2 shared cores would measure the starving of the starting server, not the
-- restart).
local pace = tonumber(os.getenv("PACE_MS") or "10")
function delay()
    return pace
end
