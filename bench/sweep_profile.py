"""Where the sweep's time goes, from async-profiler's collapsed stacks of the server taken while it
expired bench/run's 100,000 credentials: the server's CPU per swept credential by part (pick and
change, audit events, commit, ...) and the top frames, next to the CPU PostgreSQL's processes used
over the same time (on H2 the database runs inside the server, so its work is in the samples).

    python3 bench/sweep_profile.py <db> <collapsed> "expired=N in M ms" <server ticks> <postgres ticks> <ticks/s>
"""
import collections
import pathlib
import re
import sys

db, collapsed, total, server_ticks, postgres_ticks, hz = sys.argv[1:7]
expired = int(re.search(r"expired=(\d+)", total).group(1))
millis = int(re.search(r"in (\d+) ms", total).group(1))
server_s = int(server_ticks) / int(hz)
postgres_s = int(postgres_ticks) / int(hz)

# A sample belongs to the first part (in this order) that has a frame on its stack: a commit is
# counted as commit wherever it was called from.
PARTS = [
    ("commit (Liberty's transaction manager and the database's)", (
        "com/ibm/tx/jta/impl/TransactionImpl.commit", "com/ibm/tx/jta/impl/TranManagerImpl.commit",
        "com/ibm/ws/tx/jta/TranManagerSet.commit", "org/h2/engine/SessionLocal.commit",
        "org/postgresql/jdbc/PgConnection.commit")),
    ("pick and change: one UPDATE per batch (JpaCredentialSweepRepository.changeDue)", (
        "com/meetergo/apiauth/infrastructure/persistence/jpa/JpaCredentialSweepRepository.changeDue",)),
    ("audit events: one JDBC batch INSERT per batch (JpaAuditRepository.addAll)", (
        "com/meetergo/apiauth/infrastructure/persistence/jpa/JpaAuditRepository.addAll",)),
    ("sweep, the rest (claim, other steps, transactions' begin)", (
        "com/meetergo/apiauth/application/CredentialSweep.", "com/meetergo/apiauth/application/SweepBatches.")),
    ("H2's file store, writing the changed pages in its own threads", ("org/h2/mvstore/FileStore",)),
    ("Liberty's file monitors", ("com/ibm/ws/kernel/filemonitor/",)),
    ("JIT compiler threads", ("CompileBroker::compiler_thread_loop",)),
    ("GC threads", ("GangWorker::run", "ConcurrentGCThread::run", "WorkerThread::run")),
]
OTHER = "other (Liberty, idle threads)"

stacks = []
for line in pathlib.Path(collapsed).read_text().splitlines():
    stack, _, count = line.rpartition(" ")
    if stack:
        stacks.append((stack.split(";"), int(count)))
samples = sum(n for _, n in stacks) or 1


def part_of(frames):
    for name, prefixes in PARTS:
        if any(frame.startswith(prefixes) for frame in frames):
            return name
    return OTHER


parts = collections.Counter()
top = collections.Counter()
for frames, n in stacks:
    parts[part_of(frames)] += n
    top[frames[-1]] += n

per = 1_000_000 / max(expired, 1)
print(f"### {db}: where the sweep's time goes (async-profiler, cpu samples)\n")
print(f"{expired:,} credentials expired in {millis:,} ms ({expired / max(millis, 1) * 1000:,.0f}/s). Over the profiled "
      f"time (from the end of the seeding to the sweep's last batch) the server's JVM used {server_s:.1f} s of CPU "
      f"({server_s * per:.0f} µs per credential)"
      + (f" and PostgreSQL's processes {postgres_s:.1f} s ({postgres_s * per:.0f} µs per credential)"
         if db == "postgresql" else "; H2 runs inside it") + ".\n")
print("| part of the server's CPU | share of samples | µs per credential |\n|---|---:|---:|")
for name in [p for p, _ in PARTS] + [OTHER]:
    if parts[name]:
        print(f"| {name} | {100 * parts[name] / samples:.1f} % | {server_s * per * parts[name] / samples:.1f} |")
print(f"\nTop frames (self), µs per credential:\n\n| frame | µs | share |\n|---|---:|---:|")
for frame, n in top.most_common(12):
    print(f"| `{frame}` | {server_s * per * n / samples:.1f} | {100 * n / samples:.1f} % |")
