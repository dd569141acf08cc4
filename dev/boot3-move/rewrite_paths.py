"""After the moves: paths of moved files quoted in documents and tests (snippet markers, benchmark commands)
follow their files. Reads the staged renames (git mv) from `git diff --cached -M --name-status`."""
import re, subprocess, pathlib
out = subprocess.run(['git', 'diff', '--cached', '-M', '--name-status'], capture_output=True, text=True, check=True).stdout
renames = {}
for line in out.splitlines():
    parts = line.split('\t')
    if parts[0].startswith('R') and len(parts) == 3:
        renames[parts[1]] = parts[2]
moved_classes = {pathlib.Path(old).stem for old, new in renames.items()
                 if new.startswith('wxwork-spring-boot-core/')}
files = subprocess.run(['git', 'ls-files', '*.md', '*.java'], capture_output=True, text=True, check=True).stdout.split()
files += [n for n in renames.values() if n.endswith(('.md', '.java'))]
changed = []
for f in sorted(set(files)):
    p = pathlib.Path(f)
    if not p.exists():
        continue
    s = p.read_text(encoding='utf-8')
    t = s
    for old, new in renames.items():
        t = t.replace(old, new)
    # benchmark commands: a line running a benchmark class that moved to core builds and runs core's test classes
    lines = t.split('\n')
    for i, line in enumerate(lines):
        if 'org.openjdk.jmh.Main' in line or 'Benchmark' in line and 'java -cp' in line:
            names = set(re.findall(r'\b([A-Z]\w*Benchmark)\b', line))
            if names and names <= moved_classes:
                lines[i] = line.replace('wxwork-spring-boot-autoconfigure', 'wxwork-spring-boot-core')
    t = '\n'.join(lines)
    if t != s:
        p.write_text(t, encoding='utf-8')
        changed.append(f)
print('== paths rewritten in: ' + (', '.join(changed) if changed else 'nothing'))
