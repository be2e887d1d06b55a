"""bench/run's report: medians per case, the ratios and targets, bench/results/<time>-<db>.md, the
table in docs/benchmark.md (between the bench markers; a full run only: a quick run writes under
bench/results/ alone), and last the machine-readable ratios line."""
import pathlib
import re
import statistics
import sys

import charts

summary, stamp, quick, threads, connections, duration, rounds, warm = sys.argv[1:9]
root = pathlib.Path(__file__).resolve().parent.parent
rows = [line.split("\t") for line in pathlib.Path(summary).read_text().splitlines() if line.strip()]

SHORT = {"baseline": "a. baseline", "pat": "b. PAT", "apikey": "c. API key", "jwt": "d. mpJwt", "floor": "e. floor",
         "users": "f. key, 16 users", "gw_limit": "g. gateway limit", "gw_floor": "h. gateway floor",
         "gw_pat": "i. gateway PAT", "gw_apikey": "j. gateway API key"}
CASES = [("baseline", "a. baseline: same lookup and JSON, no authentication"),
         ("pat", "b. GET /v4/user/me, PAT"),
         ("apikey", "c. GET /v4/user/me, API key + x-meetergo-api-user-id"),
         ("jwt", "d. same work behind Liberty mpJwt (RS256)"),
         ("floor", "e. floor: trivial mechanism, one fixed token, no cache key (a JAAS login per request)"),
         ("users", "f. as c, acting as 16 users in turn (16 Subjects instead of one)"),
         ("gw_limit", "g. nginx straight to a static upstream: the gateway's limit"),
         ("gw_floor", "h. nginx asking a trivial always-200 endpoint of the same Liberty: the gateway's floor"),
         ("gw_pat", "i. nginx asking api-auth's /gateway/check, PAT"),
         ("gw_apikey", "j. nginx asking api-auth's /gateway/check, API key + x-meetergo-api-user-id")]
# The targets: authenticated close to unauthenticated, and clearly ahead of mpJwt. The floor
# stays as the cost of Liberty's default path; f against c is the cost of many Subjects against one.
RATIOS = [("pat/baseline", "pat", "baseline", 0.85), ("apikey/baseline", "apikey", "baseline", 0.85),
          ("pat/jwt", "pat", "jwt", 1.15), ("apikey/jwt", "apikey", "jwt", 1.15),
          ("pat/floor", "pat", "floor", None), ("apikey/floor", "apikey", "floor", None),
          ("floor/baseline", "floor", "baseline", None), ("users/apikey", "users", "apikey", None),
          # The gateway's check close to a trivial one on the same server; against the limit,
          # what asking a Java service costs at all.
          ("gateway/floor:pat", "gw_pat", "gw_floor", 0.90), ("gateway/floor:apikey", "gw_apikey", "gw_floor", 0.90),
          ("gateway/limit:pat", "gw_pat", "gw_limit", None), ("gateway/limit:apikey", "gw_apikey", "gw_limit", None)]

dbs = list(dict.fromkeys(r[0] for r in rows))
medians = {}
spread = {}
for db in dbs:
    for case, _ in CASES:
        runs = [r for r in rows if r[0] == db and r[1] == case]
        medians[db, case] = tuple(statistics.median(float(r[i]) for r in runs) for i in (3, 4, 5, 6))
        spread[db, case] = (min(float(r[3]) for r in runs), max(float(r[3]) for r in runs))

mode = "quick" if quick == "1" else "full"
# db -> (seconds, passes) of bench/run's measured warm-up
warmed = {w[0]: (int(w[1]), int(w[2])) for w in (line.split("\t") for line in pathlib.Path(warm).read_text().splitlines()
                                                 if line.strip())}
tables = []
lines_out = {}
for db in dbs:
    seconds, passes = warmed[db]
    setup = (f"{mode} run {stamp}: wrk -t{threads} -c{connections}, {rounds} interleaved rounds of {duration} s per case "
             "(in turn A..J and J..A) "
             f"after {seconds} s of warm-up ({passes} passes over the cases"
             + (", a fixed number: quick" if quick == "1" else ", until throughput stopped climbing") + "); "
             "medians of the rounds; Open Liberty 26.0.0.3, 2 cores, wrk on the same machine")
    out = [f"**{db}** — {setup}", "",
           "| case | req/s | rounds: req/s | p50 ms | p99 ms | server CPU µs/request |",
           "|---|---:|---:|---:|---:|---:|"]
    for case, label in CASES:
        rps, p50, p99, cpu = medians[db, case]
        low, high = spread[db, case]
        out.append(f"| {label} | {rps:,.0f} | {low:,.0f}–{high:,.0f} | {p50:.2f} | {p99:.2f} | {cpu:.0f} |")
    out += ["", "| ratio (req/s) | value | target |", "|---|---:|---|"]
    values = []
    for name, num, den, target in RATIOS:
        value = medians[db, num][0] / medians[db, den][0]
        values.append(f"{name}={value:.2f}")
        verdict = "" if target is None else (f"≥ {target:.2f} " + ("met" if value >= target else "**missed**"))
        out.append(f"| {name} | {value:.2f} | {verdict} |")
    for name, num, den, target in RATIOS:
        if target is not None and den == "baseline":
            value = medians[db, den][3] / medians[db, num][3]
            out.append(f"| {name}, by server CPU per request (baseline's µs / case's µs) | {value:.2f} | |")
    for case in ("pat", "apikey"):
        budget = medians[db, "floor"][2] + 0.5
        met = medians[db, case][2] <= budget
        out.append(f"| p99 {case} ≤ p99 floor + 0.5 ms | {medians[db, case][2]:.2f} ms | ≤ {budget:.2f} ms "
                   + ("met" if met else "**missed**") + " |")
    lines_out[db] = "ratios: " + " ".join(values)
    # The chart of every round, beside the table: docs/benchmark-<db>.svg and one kept with the results.
    svg = charts.rounds_svg(db, f"{mode} run {stamp}, {rounds} rounds of {duration} s per case",
                            {case: [(float(r[3]), float(r[6])) for r in rows if r[0] == db and r[1] == case]
                             for case, _ in CASES}, SHORT)
    if quick != "1":  # the docs hold full runs alone; a quick run is for trying the script
        (root / "docs" / f"benchmark-{db}.svg").write_text(svg)
    (root / "bench" / "results" / f"{stamp}-{db}.svg").write_text(svg)
    out += ["", f"![{db}: requests/s and server CPU µs per request of each case, every round]"
            f"(benchmark-{db}.svg)"]
    text = "\n".join(out) + "\n"
    tables.append(text)
    results = root / "bench" / "results" / f"{stamp}-{db}.md"
    profile = pathlib.Path(summary).parent / f"profile-{db}.md"
    profile_text = "\n## Where the time goes\n\n" + profile.read_text() if profile.exists() else ""
    results.write_text(f"# bench/run, {db}\n\n{text.replace(f'(benchmark-{db}.svg)', f'({stamp}-{db}.svg)')}"
                       f"\n```\n{lines_out[db]}\n```\n{profile_text}")
    print()
    print(text)

# Per database: 1k against 1M stored credentials, and the sweep's rate.
scale_file = pathlib.Path(summary).parent / "scale.tsv"
sweep_file = pathlib.Path(summary).parent / "sweep.tsv"
scale = [line.split("\t") for line in scale_file.read_text().splitlines() if line.strip()] if scale_file.exists() else []
sweeps = dict(line.split("\t", 1) for line in sweep_file.read_text().splitlines() if line.strip()) \
    if sweep_file.exists() else {}
memory_file = pathlib.Path(summary).parent / "memory.tsv"
memory = [line.split("\t") for line in memory_file.read_text().splitlines() if line.strip()] \
    if memory_file.exists() else []
for db in dbs:
    rows_db = [r for r in scale if r[0] == db]
    if not rows_db:
        continue
    def median_rps(size, case):
        values = [float(r[4]) for r in rows_db if r[1] == size and r[2] == case]
        return statistics.median(values) if values else None
    base_small, base_large = median_rps("1000", "baseline"), median_rps("1000000", "baseline")
    out = [f"**{db}, stored credentials** — cases b and c, interleaved with the baseline (a), the same rounds "
           "and length. The baseline reads no credential: its change is the machine's drift between the two "
           "sizes, and the target is judged on each case's change against it (its ratio to the baseline at "
           "1M over that at 1k).", "",
           "| case | 1k: req/s | 1M: req/s | change | change against the baseline | target |",
           "|---|---:|---:|---:|---:|---|"]
    if base_small and base_large:
        out.append(f"| baseline | {base_small:,.0f} | {base_large:,.0f} | {100 * (base_large / base_small - 1):+.1f} % "
                   "| | |")
    for case in ("pat", "apikey"):
        small, large = median_rps("1000", case), median_rps("1000000", case)
        change = large / small - 1
        # Runs before the baseline joined these rounds have no drift control: the raw change is judged.
        relative = (large / base_large) / (small / base_small) - 1 if base_small and base_large else change
        out.append(f"| {case} | {small:,.0f} | {large:,.0f} | {100 * change:+.1f} % | "
                   + (f"{100 * relative:+.1f} %" if base_small and base_large else "") + " | ≥ -5 % "
                   + ("met" if relative >= -0.05 else "**missed**") + " |")
    mem = [m for m in memory if m[0] == db]
    if mem:
        out += ["", "Memory of the server (`-Xms1g -Xmx1g`) once the rounds of each size are over, MiB: heap in "
                "use and committed, the live heap after a full GC (what the stored credentials and the caches "
                "hold), the resident set at its peak and now (the JVM's whole footprint; H2 runs inside it):", "",
                "| stored | heap in use | heap committed | live heap after GC | peak RSS | RSS |",
                "|---:|---:|---:|---:|---:|---:|"]
        for m in mem:
            out.append(f"| {int(m[1]):,} | " + " | ".join(f"{int(v):,}" for v in m[2:7]) + " |")
    if db in sweeps:
        line = sweeps[db].strip()
        expired = int(re.search(r"expired=(\d+)", line).group(1))
        millis = int(re.search(r"in (\d+) ms", line).group(1))
        rate = expired / max(millis, 1) * 1000
        out += ["", f"The sweep expired {expired:,} credentials in {millis:,} ms: {rate:,.0f} per second "
                f"(target ≥ 20,000/s: " + ("met" if rate >= 20000 else "**missed**") + ")."]
    text = "\n".join(out) + "\n"
    tables.append(text)
    print(text)
    results = root / "bench" / "results" / f"{stamp}-{db}.md"
    sweep_profile = pathlib.Path(summary).parent / f"profile-sweep-{db}.md"
    if results.exists():
        results.write_text(results.read_text() + "\n## Stored credentials and the sweep\n\n" + text
                           + ("\n" + sweep_profile.read_text() if sweep_profile.exists() else ""))

readme = root / "docs" / "benchmark.md"
body = readme.read_text()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
if quick != "1" and start in body and end in body:
    # A run of one database (--db) replaces that database's tables and keeps the other's.
    def sections(text):
        found = {}
        for chunk in re.split(r"(?m)^(?=\*\*(?:h2|postgresql)[,*])", text):
            head = re.match(r"\*\*(h2|postgresql)(, stored credentials)?\*\*", chunk)
            if head:
                found[head.group(1), bool(head.group(2))] = chunk.rstrip("\n") + "\n"
        return found
    kept = sections(body[body.index(start) + len(start):body.index(end)])
    kept.update(sections("\n".join(tables)))
    order = [(d, stored) for stored in (False, True) for d in ("h2", "postgresql")]
    block = start + "\n" + "\n".join(kept[k] for k in order if k in kept) + end
    body = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, body, flags=re.S)
    readme.write_text(body)

for db in dbs:
    print(f"{db}: {lines_out[db]}")
# The last line, machine-readable: the ratios of the last database run.
print(lines_out[dbs[-1]])
