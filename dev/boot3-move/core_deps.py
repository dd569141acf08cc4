"""Gives core the dependencies of the old autoconfigure pom that are not Spring Boot (plus spring-context),
and gives the Boot 3.5 core-tests module core's optional ones (test scope), so that dependencies added on main
(e.g. reactive-streams by the bots branch) follow the move. Usage: core_deps.py OLD_AUTOCONFIGURE_POM CORE_POM CORE_TESTS_POM"""
import re, sys
old, core, core_tests = sys.argv[1:4]
text = open(old, encoding='utf-8').read()
deps = text[text.index('<dependencies>'):text.index('</dependencies>')]
blocks = re.findall(r'(?:[ \t]*<!--[^\n]*-->\n)?[ \t]*<dependency>.*?</dependency>\n', deps, flags=re.S)
keep, optional_nonboot = [], []
for b in blocks:
    group = re.search(r'<groupId>(.*?)</groupId>', b).group(1)
    artifact = re.search(r'<artifactId>(.*?)</artifactId>', b).group(1)
    test = '<scope>test</scope>' in b
    if group == 'org.springframework.boot' and not test:
        continue   # Boot itself, its processors: wiring only
    keep.append(b)
    if '<optional>true</optional>' in b and group != 'org.springframework.boot':
        optional_nonboot.append((group, artifact))
context = '''    <dependency>
      <groupId>org.springframework</groupId>
      <artifactId>spring-context</artifactId>
    </dependency>
'''
c = open(core, encoding='utf-8').read()
c = c.replace('@@CORE_DEPENDENCIES@@', '  <dependencies>\n' + context + ''.join(keep) + '  </dependencies>')
open(core, 'w', encoding='utf-8').write(c)
t = open(core_tests, encoding='utf-8').read()
extra = ''.join('''    <dependency>
      <groupId>%s</groupId>
      <artifactId>%s</artifactId>
      <scope>test</scope>
    </dependency>
''' % ga for ga in optional_nonboot if ga[1] not in t)
t = t.replace('  <dependencies>\n', '  <dependencies>\n' + extra, 1)
open(core_tests, 'w', encoding='utf-8').write(t)
