#!/usr/bin/env bash
cd "$(dirname "$0")/../.."
out=${1:-/tmp/bench-results.txt}
{
echo "=== start $(date -u)"; uptime; nproc; lscpu | grep -E "Model name|^CPU\(s\)|Thread|Core|L2|L3"; free -g | head -2; java -version 2>&1 | head -2
echo "secretlint $(cd /tmp/secretlint && npx secretlint --version) preset $(node -p "require('/tmp/secretlint/node_modules/@secretlint/secretlint-rule-preset-recommend/package.json').version") node $(node --version)"
echo "--- corpus $(date -u +%T)"; scripts/bench-scanner corpus /tmp/auditor-corpus 200 2>&1 | tail -1; du -sb /tmp/auditor-corpus
echo "--- accuracy (cold JVM, one pass) $(date -u +%T)"; uptime; scripts/bench-scanner accuracy /tmp/auditor-corpus 2>&1
echo "--- throughput (in memory, warm) $(date -u +%T)"; uptime; scripts/bench-scanner throughput /tmp/auditor-corpus 2>&1 | tail -6
./auditor --version > /dev/null 2>&1
for i in 1 2 3; do echo "--- command run $i $(date -u +%T)"; uptime; scripts/bench-scanner command /tmp/auditor-corpus 2>&1 | tail -3; done
echo "--- jmh $(date -u +%T)"; uptime; scripts/bench-scanner jmh -rf json -rff /tmp/jmh2.json 2>&1 | grep -E "^Iteration|ScanBenchmark|Result"
for i in 1 2 3; do echo "--- secretlint run $i $(date -u +%T)"; uptime; timeout 1800 scripts/bench-scanner secretlint /tmp/auditor-corpus 2>&1 | tail -1; done
echo "--- accuracy comparison (kind-agnostic, same corpus)"; python3 bench/scripts/compare-secretlint.py /tmp/auditor-corpus /tmp/secretlint-out.json --auditor /tmp/auditor-scan.json
echo "=== end $(date -u)"; uptime
} > $out 2>&1
