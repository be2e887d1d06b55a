"""bench/cluster's measuring side: HAProxy's admin socket, the revocation probe, the timelines and the
report. Standard library only (the benchmark installs nothing from PyPI).

    cluster.py hap SOCKET COMMAND...          one admin-socket command, its answer on stdout
    cluster.py state SOCKET SERVER            a server's status and current sessions ("UP 3")
    cluster.py watch SOCKET OUT               every 50 ms, each server's status into OUT on a change
    cluster.py revoke LB OWNER_PAT PORT...    revocation through one server, refused by every one
    cluster.py report WORK STAMP QUICK        results, charts, docs/benchmark.md; exits 1 on a failed check
"""
import http.client
import json
import re
import pathlib
import socket
import statistics
import sys
import threading
import time
import wrk_output
from html import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent
SERVERS = ["s1", "s2", "s3"]


def hap(sock, command):
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(sock)
        s.sendall((command + "\n").encode())
        return s.makefile().read()


def stat(sock):
    """{server: (status, current sessions)} of the api_auth backend, from `show stat`."""
    lines = hap(sock, "show stat").splitlines()
    header = lines[0].lstrip("# ").split(",")
    out = {}
    for line in lines[1:]:
        row = dict(zip(header, line.split(",")))
        if row.get("pxname") == "api_auth" and row.get("svname") in SERVERS:
            out[row["svname"]] = (row["status"], int(row["scur"] or 0))
    return out


def watch(sock, out):
    last = None
    with open(out, "a") as f:
        while True:
            try:
                now = {k: v[0] for k, v in stat(sock).items()}
            except OSError:
                return
            if now != last:
                f.write(f"{time.time() * 1000:.0f}\t" + "\t".join(now.get(s, "?") for s in SERVERS) + "\n")
                f.flush()
                last = now
            time.sleep(0.05)


def call(port, method, path, token, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Authorization": f"Bearer {token}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    answer = conn.getresponse()
    data = answer.read()
    conn.close()
    return answer.status, data


def revoke(lb_port, owner, ports, trials):
    """Each trial: a new PAT, used once on every server (each has it in its verification cache) and
    through HAProxy; then pollers ask every server and HAProxy again and again while the PAT is
    revoked through the first server. Per target: the time from the revocation's answer to the first
    answer 401 (after which the poller stops), and the last 200 it saw after that answer."""
    targets = [("lb", lb_port)] + [(f"s{i + 1}", p) for i, p in enumerate(ports)]
    rows = []
    for trial in range(1, trials + 1):
        status, data = call(lb_port, "POST", "/v4/personal-access-token", owner, {"name": f"revocation {trial}"})
        if status != 201:
            sys.exit(f"creating the trial's PAT answered {status}: {data[:200]!r}")
        created = json.loads(data)
        token, token_id = created["token"], created["id"]
        for name, port in targets:
            status, _ = call(port, "GET", "/v4/user/me", token)
            if status != 200:
                sys.exit(f"the new PAT was refused by {name} before its revocation ({status})")
        seen = {name: [] for name, _ in targets}
        stop = threading.Event()

        def poll(name, port):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            deadline = time.monotonic() + 10
            while not stop.is_set() and time.monotonic() < deadline:
                sent = time.monotonic()
                conn.request("GET", "/v4/user/me", headers={"Authorization": f"Bearer {token}"})
                answer = conn.getresponse()
                answer.read()
                seen[name].append((sent, answer.status))
                if answer.status == 401:
                    return
                time.sleep(0.002)

        threads = [threading.Thread(target=poll, args=t) for t in targets]
        for t in threads:
            t.start()
        time.sleep(0.3)
        status, data = call(ports[0], "DELETE", f"/v4/personal-access-token/{token_id}", owner)
        acked = time.monotonic()
        if status not in (200, 204):
            stop.set()
            sys.exit(f"revoking the trial's PAT answered {status}: {data[:200]!r}")
        for t in threads:
            t.join()
        for name, _ in targets:
            refused = [sent for sent, st in seen[name] if st == 401]
            others = [(sent, st) for sent, st in seen[name] if st not in (200, 401)]
            if others:
                sys.exit(f"{name} answered {others[0][1]} during the trial")
            late_ok = [sent for sent, st in seen[name] if st == 200 and sent >= acked]
            first_401 = (refused[0] - acked) * 1000 if refused else None
            rows.append((trial, name, first_401, (late_ok[-1] - acked) * 1000 if late_ok else None,
                         len(seen[name])))
        line = ", ".join(f"{n} {'never' if r[2] is None else f'{max(r[2], 0):.0f} ms'}"
                         for n, r in zip([t[0] for t in targets], rows[-len(targets):]))
        print(f"   trial {trial}: refused after the revocation's answer by {line}", flush=True)
    return rows


# ---------------------------------------------------------------- timelines and report

def log_requests(path, since_line):
    """HAProxy's request lines (log-format "%Ts.%ms %ST %s %rc %Ta") after line since_line:
    (accepted at s, status, server, retries, total ms)."""
    out = []
    with open(path) as f:
        for number, line in enumerate(f):
            if number < since_line:
                continue
            parts = line.split()
            if len(parts) == 5 and parts[0].replace(".", "", 1).isdigit():
                accepted = float(parts[0])
                out.append((accepted, int(parts[1]), parts[2], int(parts[3].lstrip("+")), int(parts[4])))
    return out


def events(path):
    return [(int(l.split("\t")[0]) / 1000, l.split("\t")[1].strip())
            for l in pathlib.Path(path).read_text().splitlines() if l.strip()]


def states(path):
    rows = []
    for l in pathlib.Path(path).read_text().splitlines():
        parts = l.split("\t")
        rows.append((int(parts[0]) / 1000, dict(zip(SERVERS, parts[1:]))))
    return rows


def first_state(rows, server, status, after):
    for t, st in rows:
        if t >= after and st.get(server, "").startswith(status):
            return t
    return None


COLOURS = {"s1": "#2f6fde", "s2": "#1b998b", "s3": "#e09f3e"}


def timeline_svg(title, requests, start, end, marks, bucket=0.25):
    """Requests/s completed per 250 ms (all, and per server) and errors, with the events marked."""
    width, height, left, top, plot_h = 860, 330, 60, 40, 220
    n = int((end - start) / bucket)  # whole buckets only: the last, cut short, would look like a fall
    total = [0] * n
    per = {s: [0] * n for s in SERVERS}
    errors = [0] * n
    for accepted, status, server, _, ta in requests:
        i = int((accepted + ta / 1000 - start) / bucket)
        if 0 <= i < n:
            total[i] += 1
            if server in per:
                per[server][i] += 1
            if status >= 500:
                errors[i] += 1
    most = max(max(total) / bucket, 1)
    step = 10 ** (len(str(int(most))) - 1)
    top_value = ((int(most / step) + 1) * step)
    sx = (width - left - 20) / (end - start)
    sy = plot_h / top_value

    def x(t):
        return left + (t - start) * sx

    def y(v):
        return top + plot_h - v * sy

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'font-family="sans-serif" role="img"><title>{escape(title)}</title>',
           '<style>.h{font-size:13px;font-weight:bold}.t{font-size:10px;fill:#666}.m{font-size:10px;fill:#b00}'
           '.g{stroke:#ddd}.k{font-size:11px}</style><rect width="100%" height="100%" fill="#fff"/>',
           f'<text x="{left}" y="18" class="h">{escape(title)}</text>']
    for i in range(6):
        v = top_value * i / 5
        out.append(f'<line x1="{left}" y1="{y(v):.1f}" x2="{width - 20}" y2="{y(v):.1f}" class="g"/>'
                   f'<text x="{left - 6}" y="{y(v) + 3:.1f}" class="t" text-anchor="end">{v:,.0f}</text>')
    seconds = int(end - start)
    tick = 10 if seconds <= 120 else 30
    for s in range(0, seconds + 1, tick):
        out.append(f'<text x="{x(start + s):.1f}" y="{top + plot_h + 14}" class="t" text-anchor="middle">{s} s</text>')

    def path(values, colour, width_px, opacity=1.0):
        points = " ".join(f"{x(start + (i + 0.5) * bucket):.1f},{y(v / bucket):.1f}" for i, v in enumerate(values))
        return (f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="{width_px}" '
                f'stroke-opacity="{opacity}"/>')

    for s in SERVERS:
        out.append(path(per[s], COLOURS[s], 1, 0.9))
    out.append(path(total, "#111", 1.6))
    for i, e in enumerate(errors):
        if e:
            out.append(f'<rect x="{x(start + i * bucket):.1f}" y="{y(e / bucket):.1f}" width="{max(bucket * sx, 2):.1f}" '
                       f'height="{e / bucket * sy:.1f}" fill="#d00"><title>{e} failed</title></rect>')
    for row, (t, label) in enumerate(marks):
        out.append(f'<line x1="{x(t):.1f}" y1="{top}" x2="{x(t):.1f}" y2="{top + plot_h}" stroke="#b00" '
                   f'stroke-dasharray="3,3"/><text x="{x(t) + 3:.1f}" y="{top + 10 + (row % 6) * 11}" class="m">'
                   f'{escape(label)}</text>')
    legend = [("all (req/s)", "#111")] + [(f"{s}", COLOURS[s]) for s in SERVERS] + [("5xx from HAProxy", "#d00")]
    lx = left
    for label, colour in legend:
        out.append(f'<rect x="{lx}" y="{height - 40}" width="14" height="4" fill="{colour}"/>'
                   f'<text x="{lx + 18}" y="{height - 35}" class="k">{escape(label)}</text>')
        lx += 110
    out.append(f'<text x="{left}" y="{height - 12}" class="t">requests completed per 250 ms, as req/s, from '
               f'HAProxy\'s log; dashed: the events bench/cluster recorded</text></svg>')
    return "\n".join(out) + "\n"


def wrk_figures(path):
    f = wrk_output.parse(pathlib.Path(path).read_text())
    return f.requests, f.non2xx, f.socket_errors, f.rps


def report(work, stamp, quick):
    work = pathlib.Path(work)
    checks = []
    md = [f"# bench/cluster, {stamp}{' (quick)' if quick == '1' else ''}", "",
          "Three Liberty servers of the shipped WAR on one PostgreSQL behind HAProxy "
          "([bench/haproxy.cfg](../haproxy.cfg)), driven by wrk through HAProxy (2 threads, 16 connections) "
          "on the same 2 cores. Produced by `bench/cluster`.", ""]

    # throughput with 1, 2 and 3 servers
    rows = [l.split("\t") for l in (work / "throughput.tsv").read_text().splitlines() if l.strip()]
    idle = dict(l.split("\t") for l in (work / "idle.tsv").read_text().splitlines() if l.strip())
    md += ["## Throughput with 1, 2 and 3 servers", "",
           "| servers | req/s (median) | p50 ms | p99 ms | server CPU µs/req (servers in rotation) | HAProxy CPU µs/req | "
           "PostgreSQL CPU µs/req | database transactions per 1,000 requests |", "|---|---|---|---|---|---|---|---|"]
    table = {}
    for servers in dict.fromkeys(r[0] for r in rows):
        mine = [r for r in rows if r[0] == servers]
        med = [statistics.median(float(r[i]) for r in mine) for i in range(2, 9)]
        table[servers] = med
        md.append(f"| {servers} | {med[0]:,.0f} | {med[1]:.2f} | {med[2]:.2f} | {med[3]:.0f} | {med[4]:.0f} | "
                  f"{med[5]:.0f} | {med[6]:.1f} |")
    md += ["", f"Rounds per row: {len(rows) // max(1, len(table))}, interleaved, "
           f"after {idle['warm_seconds']} s of warm-up ({idle['warm_passes']} passes of 10 s on each server, until "
           "its throughput stopped climbing). `direct` is wrk straight at one server, without HAProxy. The "
           "servers out of rotation are in maintenance, idle; their CPU is not counted. Database transactions are PostgreSQL's count for the benchmark's "
           "database over the round (read 11 s after it ends, when every backend has reported), less what "
           "the idle servers do in that time.", "",
           "**Idle, per server** (3 servers, no requests, "
           f"{idle['seconds']} s): {float(idle['xacts_per_server_s']):.1f} database transactions/s (the change "
           f"poll every 250 ms and the readiness checks), {float(idle['cpu_pct_per_server']):.2f} % of one core; "
           f"PostgreSQL {float(idle['pg_cpu_pct']):.2f} % of one core for all three.", "",
           "Every request of this case makes one database transaction of its own: `GET /v4/user/me` reads "
           "the user by primary key (the bench/run baseline does the same lookup with no authentication). "
           "Authentication adds none to a warm request: the credential comes from the server's verification "
           "cache, kept in step by the change poll.", "",
           f"The revocation, kill and rolling-restart steps below run wrk at a steady rate "
           f"([bench/paced.lua](../paced.lua): {idle['pace_ms']} ms between a connection's requests, at most "
           f"{int(idle['offered']):,} req/s), about half of what three servers served at saturation: a "
           "saturating load on 2 shared cores starves a starting server (a first try took 156 s to start "
           "one), which is the machine's limit, not the restart's.", ""]

    # revocation
    rev = [l.split("\t") for l in (work / "revocation.tsv").read_text().splitlines() if l.strip()]
    md += ["## Revocation through one server, refused by every server", "",
           "A new PAT is used on every server (each has it in its verification cache) and through HAProxy; "
           "pollers then ask each server and HAProxy in a loop while the PAT is revoked through s1, under "
           "the load of wrk through HAProxy. Time from the revocation's answer to each target's first 401 "
           "(negative: refused before the answer had reached the client):", "",
           "| target | trials | first 401, median ms | first 401, worst ms | last 200 after the answer, worst ms |",
           "|---|---|---|---|---|"]
    worst_all = 0
    for name in ["lb"] + SERVERS:
        mine = [r for r in rev if r[1] == name]
        firsts = [float(r[2]) for r in mine if r[2] != "None"]
        lates = [float(r[3]) for r in mine if r[3] != "None"]
        never = len(mine) - len(firsts)
        worst = max(firsts) if firsts else float("inf")
        worst_all = max(worst_all, worst if not never else float("inf"))
        md.append(f"| {'HAProxy' if name == 'lb' else name} | {len(mine)} | "
                  f"{statistics.median(firsts) if firsts else float('nan'):.0f} | {worst:.0f}"
                  f"{f' ({never} never)' if never else ''} | {max(lates) if lates else 0:.0f} |")
    checks.append(("revocation refused by every server and through HAProxy within 1 s", worst_all <= 1000,
                   f"worst {worst_all:.0f} ms"))
    md.append("")

    # kill
    ev = events(work / "events.tsv")
    st = states(work / "states.tsv")
    start_kill = next(t for t, l in ev if l == "kill load start")
    end_kill = next(t for t, l in ev if l == "kill load end")
    killed_at = next(t for t, l in ev if l == "SIGKILL s3")
    reqs = log_requests(work / "haproxy.log", int(next(l for t, l in ev if l.startswith("log line kill")).split()[-1]))
    reqs = [r for r in reqs if start_kill - 1 <= r[0] <= end_kill + 1]
    down = first_state(st, "s3", "DOWN", killed_at)
    # HAProxy's own failures are its 5xx answers (502, 503, 504: no server, a server that failed);
    # a 400 with no server is wrk closing connections with a request half sent when it stops.
    failed = [r for r in reqs if r[1] >= 500]
    retried = [r for r in reqs if r[3] > 0 and r[0] >= killed_at - 1]
    last_s3 = max((r[0] + r[4] / 1000 for r in reqs if r[2] == "s3"), default=None)
    requests, non2xx, sock_errors, rps = wrk_figures(work / "kill-wrk.txt")
    kill_failed = non2xx + sock_errors
    md += ["## One server killed (SIGKILL) under load", "",
           "![the kill's timeline](cluster-kill.svg)", "",
           f"- wrk through HAProxy: {requests:,} requests, {rps:,.0f} req/s, **{kill_failed} failed** "
           f"({non2xx} non-2xx, {sock_errors} socket errors); HAProxy answered {len(failed)} with a 5xx.",
           f"- Sent again to another server by HAProxy (in flight on s3, or sent to it before it was out): "
           f"{len(retried)}.",
           f"- HAProxy marked s3 DOWN {((down - killed_at) * 1000) if down else float('nan'):.0f} ms after the kill "
           f"(2 failed checks, 500 ms apart, 250 ms once one failed); the last answer s3 gave completed "
           f"{abs(last_s3 - killed_at) * 1000 if last_s3 else float('nan'):.0f} ms "
           f"{'after' if last_s3 and last_s3 > killed_at else 'before'} the kill.", ""]
    checks.append(("a killed server fails at most the 16 requests wrk can have in flight",
                   kill_failed + len(failed) <= 16, f"{kill_failed} failed, {len(failed)} 5xx from HAProxy"))
    svg = timeline_svg("One of three servers killed with SIGKILL under load (wrk through HAProxy)", reqs,
                       start_kill, end_kill,
                       [(killed_at, "SIGKILL s3")] + ([(down, "HAProxy: s3 DOWN")] if down else []))
    (work / "cluster-kill.svg").write_text(svg)

    # rolling restart
    start_roll = next(t for t, l in ev if l == "rolling load start")
    end_roll = next(t for t, l in ev if l == "rolling load end")
    roll_reqs = log_requests(work / "haproxy.log",
                             int(next(l for t, l in ev if l.startswith("log line rolling")).split()[-1]))
    roll_reqs = [r for r in roll_reqs if start_roll - 1 <= r[0] <= end_roll + 1]
    marks = [(t, l) for t, l in ev if l.split()[0] in ("drain", "stopped", "ready", "UP")]
    requests, non2xx, sock_errors, rps = wrk_figures(work / "rolling-wrk.txt")
    roll_5xx = len([r for r in roll_reqs if r[1] >= 500])
    roll_failed = non2xx + sock_errors
    steps = []
    for s in SERVERS:
        t = {l.split()[0]: tt for tt, l in ev if l.split()[-1] == s}
        first = next(float(l.split()[-1]) for _, l in ev if l.startswith(f"first {s} "))
        t = {l.split()[0]: tt for tt, l in ev if l.split()[-1] == s}
        steps.append(f"{s}: no request in flight {t['drained'] - t['drain']:.1f} s after the drain, stopped "
                     f"{t['stopped'] - t['drained']:.1f} s later, started and ready {t['ready'] - t['stopped']:.1f} s "
                     f"after that; its first request took {first * 1000:,.0f} ms; warmed on its own "
                     f"{t['warmed'] - t['ready']:.1f} s, UP in HAProxy {t['UP'] - t['warmed']:.1f} s later")
    md += ["## Rolling restart of all three under load", "",
           "![the rolling restart's timeline](cluster-rolling.svg)", "",
           "Each server in turn: `set server api_auth/sN state drain` on HAProxy's admin socket, wait until it "
           "has no request in flight, `server stop` (Liberty's graceful stop), start, wait for "
           "`/health/ready`, warm it with requests of its own (wrk, 4 connections, straight at it), "
           "`set server … state ready`, wait until HAProxy has it UP, 5 s, next. Without the warming, a "
           "first run had 9 requests of 145,477 time out in wrk (2 s): a server just back answered its first "
           "requests in 1.5–2.5 s.", "",
           f"- wrk through HAProxy: {requests:,} requests, {rps:,.0f} req/s, **{roll_failed} failed** "
           f"({non2xx} non-2xx, {sock_errors} socket errors); HAProxy answered {roll_5xx} with a 5xx.",
           *[f"- {s}" for s in steps], ""]
    checks.append(("rolling restart of all three servers: zero failed requests", roll_failed + roll_5xx == 0,
                   f"{roll_failed} failed, {roll_5xx} 5xx from HAProxy"))
    svg = timeline_svg("Rolling restart of three servers under load (wrk through HAProxy)", roll_reqs,
                       start_roll, end_roll, marks)
    (work / "cluster-rolling.svg").write_text(svg)

    md += ["## Checks", ""] + [f"- {'met' if ok else '**FAILED**'}: {name} ({detail})" for name, ok, detail in checks]
    text = "\n".join(md) + "\n"
    results = ROOT / "bench" / "results"
    (results / f"{stamp}-cluster.md").write_text(text)
    for name in ("cluster-kill.svg", "cluster-rolling.svg"):
        (results / f"{stamp}-{name}").write_text((work / name).read_text())
        (ROOT / "docs" / f"benchmark-{name}").write_text((work / name).read_text())
    (results / f"{stamp}-cluster.md").write_text(
        text.replace("](cluster-kill.svg)", f"]({stamp}-cluster-kill.svg)")
            .replace("](cluster-rolling.svg)", f"]({stamp}-cluster-rolling.svg)"))
    page = ROOT / "docs" / "benchmark.md"
    body = page.read_text()
    begin, finish = "<!-- cluster:start -->", "<!-- cluster:end -->"
    section = "\n".join(text.split("\n")[4:]).replace("](../haproxy.cfg)", "](../bench/haproxy.cfg)") \
        .replace("](../paced.lua)", "](../bench/paced.lua)") \
        .replace("](cluster-kill.svg)", "](benchmark-cluster-kill.svg)") \
        .replace("](cluster-rolling.svg)", "](benchmark-cluster-rolling.svg)").replace("\n## ", "\n### ")
    section = f"Last run: [{stamp}](../bench/results/{stamp}-cluster.md).\n\n" + section
    if begin in body:
        body = body[:body.index(begin) + len(begin)] + "\n" + section + body[body.index(finish):]
        page.write_text(body)
    print(text)
    failed = [name for name, ok, _ in checks if not ok]
    if failed:
        print("bench/cluster: failed checks: " + "; ".join(failed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "hap":
        print(hap(sys.argv[2], " ".join(sys.argv[3:])), end="")
    elif command == "state":
        status, current = stat(sys.argv[2])[sys.argv[3]]
        print(status.replace(" ", "_"), current)
    elif command == "watch":
        watch(sys.argv[2], sys.argv[3])
    elif command == "revoke":
        lb, owner, ports, out, trials = int(sys.argv[2]), sys.argv[3], [int(p) for p in sys.argv[4:7]], sys.argv[7], \
            int(sys.argv[8])
        with open(out, "a") as f:
            for row in revoke(lb, owner, ports, trials):
                f.write("\t".join("None" if v is None else (f"{v:.1f}" if isinstance(v, float) else str(v))
                                  for v in row) + "\n")
    elif command == "report":
        report(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
