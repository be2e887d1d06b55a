"""Top frames of a JFR recording: where the per-request time goes (jfr print --events jdk.ExecutionSample)."""
import collections
import re
import subprocess
import sys

recording, title = sys.argv[1], sys.argv[2]
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", recording],
                      capture_output=True, text=True, check=True).stdout
samples = [block for block in text.split("jdk.ExecutionSample") if "stackTrace" in block]
top_self = collections.Counter()
inclusive = collections.Counter()
for block in samples:
    frames = re.findall(r"^\s+([\w$.<>]+\.[\w$<>]+)\(", block, re.M)
    if not frames:
        continue
    top_self[frames[0]] += 1
    for frame in set(frames):
        if frame.startswith("com.meetergo.") or frame.startswith("bench."):
            inclusive[frame] += 1
total = max(1, len(samples))
print(f"### {title}: {len(samples)} execution samples\n")
print("| top frames (self) | share |\n|---|---:|")
for frame, n in top_self.most_common(15):
    print(f"| `{frame}` | {100 * n / total:.1f} % |")
print("\n| application frames (inclusive) | share |\n|---|---:|")
for frame, n in inclusive.most_common(15):
    print(f"| `{frame}` | {100 * n / total:.1f} % |")
