#!/usr/bin/env python3
"""Splits a source tree into core (Spring Framework only) and wiring (needs Spring Boot).

Usage: classify.py ROOT [--seed-dir DIR ...] [--seed-file PATH ...] [--extra-wiring-fqn FQN ...]
Prints the wiring files (relative to ROOT), one per line. A file is wiring when it lies under a seed
dir, is a seed file, imports org.springframework.boot, or refers (by import, or by simple name in its
own package) to a wiring class; repeated until nothing changes.
"""
import os, re, sys

args = sys.argv[1:]
root = args.pop(0)
seed_dirs, seed_files, extra = [], [], set()
while args:
    flag, value = args.pop(0), args.pop(0)
    {'--seed-dir': seed_dirs, '--seed-file': seed_files}.get(flag, []).append(value)
    if flag == '--extra-wiring-fqn':
        extra.add(value)

files = {}
for d, _, names in os.walk(root):
    for n in names:
        if n.endswith('.java'):
            p = os.path.relpath(os.path.join(d, n), root)
            files[p] = open(os.path.join(d, n), encoding='utf-8').read()

def fqn(p):
    return p[:-5].replace('/', '.')

def pkg(p):
    return os.path.dirname(p).replace('/', '.')

def code(text):
    # drop comments and strings so that Javadoc mentions do not count
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    text = re.sub(r'//[^\n]*', '', text)
    return re.sub(r'"(?:\\.|[^"\\])*"', '""', text)

bodies = {p: code(t) for p, t in files.items()}
wiring = set()
for p, t in files.items():
    if any(p.startswith(s.rstrip('/') + '/') for s in seed_dirs) or p in seed_files \
            or re.search(r'^import\s+(static\s+)?org\.springframework\.boot\.', t, re.M):
        wiring.add(p)
changed = True
while changed:
    changed = False
    wfqns = {fqn(p) for p in wiring} | extra
    for p in files:
        if p in wiring:
            continue
        b = bodies[p]
        hit = any(re.search(r'^import\s+(static\s+)?' + re.escape(f) + r'\s*[;.]', files[p], re.M) for f in wfqns)
        if not hit:
            for w in wiring:
                if pkg(w) == pkg(p) and re.search(r'\b' + re.escape(os.path.basename(w)[:-5]) + r'\b', b):
                    hit = True
                    break
        if hit:
            wiring.add(p)
            changed = True
for p in sorted(wiring):
    print(p)
