#!/usr/bin/env python3
"""Kind-agnostic precision and recall of secretlint's JSON output (and, with --auditor, of the auditor's
JSON report) against the corpus labels: a finding on a line labelled as a secret is a true positive,
any other finding a false positive; a labelled secret line without a finding is a false negative.

    bench/scripts/compare-secretlint.py CORPUS_DIR /tmp/secretlint-out.json [--auditor /tmp/auditor-scan.json]
"""
import json, sys, os, re, collections

corpus, slout = sys.argv[1], sys.argv[2]
auditor = sys.argv[sys.argv.index('--auditor') + 1] if '--auditor' in sys.argv else None
secret, decoy = {}, set()
for line in open(os.path.join(corpus, 'labels.tsv')):
    path, ln, kind, label = line.rstrip('\n').split('\t')
    if path == 'path':
        continue
    (secret.setdefault((path, int(ln)), kind) if label == 'secret' else decoy.add((path, int(ln))))

def near(k, labelled):
    """The tools report a multi-line secret on different lines (a PEM key: its BEGIN line or its first
    base64 line), so a report within one line of a label counts for it."""
    return next(((k[0], k[1] + d) for d in (0, -1, 1) if (k[0], k[1] + d) in labelled), None)

def score(name, found):
    tp = {near(k, secret) for k in found if near(k, secret)}
    fp = [k for k in found if not near(k, secret)]
    fn = [k for k in secret if k not in tp]
    per = collections.Counter(secret[k] for k in fn)
    p = len(tp) / max(1, len(tp) + len(fp)); r = len(tp) / max(1, len(secret))
    print(f"{name}: {len(found)} lines reported, TP {len(tp)}, FP {len(fp)} (on or next to decoy lines {sum(1 for k in fp if near(k, decoy))}),"
          f" FN {len(fn)}; precision {p:.3f}, recall {r:.3f}")
    print("  missed kinds:", ', '.join(f"{k} {v}" for k, v in per.most_common()))

found = set()
for f in json.load(open(slout)):
    rel = os.path.relpath(f['filePath'], corpus)
    for m in f.get('messages', []):
        found.add((rel, m['loc']['start']['line']))
score('secretlint', found)
if auditor:
    found = set()
    for f in json.load(open(auditor))['findings']:
        m = re.match(r'(.*):(\d+)$', f['subject'])
        if f['check'] == 'release.leaked-secrets' and f['status'] == 'FAIL' and m:
            found.add((os.path.relpath(os.path.join(corpus, m.group(1)), corpus) if not m.group(1).startswith('/') else os.path.relpath(m.group(1), corpus), int(m.group(2))))
    score('auditor', found)
