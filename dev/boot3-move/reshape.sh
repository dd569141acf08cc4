#!/usr/bin/env bash
# Reshapes a checkout of wxwork-spring-boot main into:
#   wxwork-spring-boot-core              Spring Framework 6.2/7 only (agent, api, callback, client, crypto, token, redis, ...)
#   wxwork-spring-boot-autoconfigure     Boot 4 wiring: shared wiring in src/main/java, Boot-4-only files in src/main/boot4
#   wxwork-spring-boot-starter           Boot 4 starter (unchanged coordinates)
#   wxwork-sample-app                    Boot 4 sample (unchanged)
#   wxwork-spring-boot3/                 Boot 3.5 line (parent spring-boot-starter-parent 3.5.x):
#       wxwork-spring-boot3-autoconfigure  compiles the SAME shared wiring sources + its own src/main/java (Boot-3.5-only files)
#       wxwork-spring-boot3-starter
#       wxwork-spring-boot3-core-tests     (not deployed) core's own tests on Boot 3.5's dependencies
#       wxwork-spring-boot3-tests          (not deployed) a Boot 3.5 app with the shaded starter (send, callback, health)
# See PLAN.md next to this script.
# Run at the root of a checkout. Re-running on a reshaped tree does nothing.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
F="$HERE/files"
BOOT3_VERSION="${BOOT3_VERSION:-3.5.7}"
[ -f pom.xml ] && grep -q '<artifactId>wxwork-spring-boot-parent</artifactId>' pom.xml || { echo "not at the root of wxwork-spring-boot" >&2; exit 1; }
if [ -d wxwork-spring-boot-core ]; then echo "already reshaped (wxwork-spring-boot-core exists): nothing to do"; exit 0; fi
git diff --quiet && git diff --cached --quiet || { echo "the working tree has uncommitted changes; commit or stash first" >&2; exit 1; }

A=wxwork-spring-boot-autoconfigure
C=wxwork-spring-boot-core
B3=wxwork-spring-boot3
AM=$A/src/main/java
AT=$A/src/test/java

# 0. The spike derived these from known versions; if they changed since, the derived files need a look.
check() { # file sha1 what
	local got; got=$(sha1sum "$1" | cut -d' ' -f1)
	if [ "$got" != "$2" ]; then echo "WARNING: $1 changed since the spike ($3); compare it with $F and re-derive before merging" >&2; fi
}
check $AM/dev/wxwork/health/WxWorkHealthIndicator.java 9fac02783ad7eb83d72de68e3fda9c9b99b13ae6 "its logic now lives in files/core/dev/wxwork/health/WxWorkHealthReport.java"
check $AM/dev/wxwork/client/WxWorkJsonConverter.java 4b54f83a6b2208510bf5dbaa29bf8b92fdd9a678 "files/core/dev/wxwork/client/WxWorkJsonConverter.java replaces it"
check $AM/dev/wxwork/autoconfigure/WxWorkHealthConfiguration.java b040097b22cb6814b823e280996fd606f2172045 "files/boot3/dev/wxwork/autoconfigure/WxWorkHealthConfiguration.java is its Boot 3.5 twin"

[ -d $A/src/test/resources ] && echo "WARNING: $A/src/test/resources exists; the spike moved none: decide where each file goes" >&2

# 1. Which main and test files need Spring Boot (wiring) and which do not (core)?
MAIN_WIRING=$(python3 "$HERE/classify.py" $AM --seed-dir dev/wxwork/autoconfigure --seed-file dev/wxwork/health/WxWorkHealthIndicator.java)
EXTRA=$(echo "$MAIN_WIRING" | sed 's|\.java$||; s|/|.|g; s|^|--extra-wiring-fqn |')
TEST_WIRING=$(python3 "$HERE/classify.py" $AT --seed-dir dev/wxwork/autoconfigure --seed-dir dev/wxwork/health $EXTRA)
echo "== main sources that stay in the wiring (need Spring Boot):"; echo "$MAIN_WIRING" | sed 's/^/   /'
echo "== tests that stay with the Boot 4 wiring:"; echo "$TEST_WIRING" | sed 's/^/   /'

OUTSIDE=$(echo "$MAIN_WIRING" | grep -v '^dev/wxwork/autoconfigure/' | grep -vx 'dev/wxwork/health/WxWorkHealthIndicator.java' || true)
if [ -n "$OUTSIDE" ]; then
	echo "STOP: these feature/client classes need Spring Boot (directly or through another), so they cannot go to core:" >&2
	echo "$OUTSIDE" | sed 's/^/   /' >&2
	echo "Give them a Framework-only seam first (PLAN.md, section 2: client-wire's WxWorkRequestFactories), then re-run." >&2
	exit 2
fi

move_tree() { # from-root to-root keep-list
	local from=$1 to=$2 keep=$3
	(cd "$from" && find . -type f | sed 's|^\./||' | sort) | while read -r p; do
		if ! grep -qxF "$p" <<<"$keep"; then
			mkdir -p "$to/$(dirname "$p")"
			git mv "$from/$p" "$to/$p"
		fi
	done
}
mkdir -p $C/src/main/java $C/src/test/java
move_tree $AM $C/src/main/java "$MAIN_WIRING"
move_tree $AT $C/src/test/java "$TEST_WIRING"

# Paths of moved files quoted in documents/tests (snippet markers, benchmark commands) follow the files.
git add -A >/dev/null
python3 "$HERE/rewrite_paths.py"

# 2. Boot-4-only wiring moves to src/main/boot4; the Boot 3.5 line has its own versions of these files.
mkdir -p $A/src/main/boot4/dev/wxwork/health $A/src/main/boot4/dev/wxwork/autoconfigure
git mv $AM/dev/wxwork/health/WxWorkHealthIndicator.java $A/src/main/boot4/dev/wxwork/health/WxWorkHealthIndicator.java
git mv $AM/dev/wxwork/autoconfigure/WxWorkHealthConfiguration.java $A/src/main/boot4/dev/wxwork/autoconfigure/WxWorkHealthConfiguration.java
cp "$F/boot4/dev/wxwork/health/WxWorkHealthIndicator.java" $A/src/main/boot4/dev/wxwork/health/
cp "$F/boot4/dev/wxwork/autoconfigure/WxWorkBootLine.java" $A/src/main/boot4/dev/wxwork/autoconfigure/
cp "$F/shared/dev/wxwork/autoconfigure/WxWorkBootVersionCheck.java" $AM/dev/wxwork/autoconfigure/
mkdir -p $C/src/main/java/dev/wxwork/health
cp "$F/core/dev/wxwork/health/WxWorkHealthReport.java" $C/src/main/java/dev/wxwork/health/
cp "$F/core/dev/wxwork/client/WxWorkJsonConverter.java" $C/src/main/java/dev/wxwork/client/

# 3. Framework-7-only calls in core, replaced by calls both 6.2 and 7 have.
python3 - "$C/src/main/java/dev/wxwork/client/WxWorkHttpClient.java" <<'EOF'
import re, sys
p = sys.argv[1]; s = open(p, encoding='utf-8').read()
# RestClient.Builder#configureMessageConverters / HttpMessageConverters are Framework 7 only
s, n1 = re.subn(r'\.configureMessageConverters\(\(converters\) -> converters\.registerDefaults\(\)\s*\.withJsonConverter\(new WxWorkJsonConverter\(WxWorkJson\.mapper\(\)\)\)\)',
    '.messageConverters(new WxWorkJsonConverter(WxWorkJson.mapper())::replaceJsonConverters)', s)
# HttpServiceProxyFactory.Builder#exchangeAdapterDecorator is Framework 7 only: decorate the adapter directly
s, n2 = re.subn(r'HttpServiceProxyFactory\.builderFor\(RestClientAdapter\.create\(client\.restClient\)\)\s*\.exchangeAdapterDecorator\(\(adapter\) -> new WxWorkExchangeAdapter\(adapter, client, token\)\)',
    'HttpServiceProxyFactory\n\t\t\t\t.builderFor(new WxWorkExchangeAdapter(RestClientAdapter.create(client.restClient), client, token))', s)
if n1 != 1 or n2 != 1:
    sys.exit("WxWorkHttpClient changed since the spike (%d/%d patches applied): apply the two replacements by hand" % (n1, n2))
# messageConverters(Consumer) is deprecated in Framework 7 but the one form 6.2 and 7 share
s = s.replace('public WxWorkHttpClient(String baseUrl, Duration connectTimeout, Duration readTimeout, Duration mediaTimeout,',
    '@SuppressWarnings("deprecation") // RestClient.Builder#messageConverters(Consumer): the form Framework 6.2 and 7 share\n\tpublic WxWorkHttpClient(String baseUrl, Duration connectTimeout, Duration readTimeout, Duration mediaTimeout,', 1)
open(p, 'w', encoding='utf-8').write(s)
EOF

# 4. Wiring that both lines share: Boot 3.5's and Boot 4's Redis auto-configuration names (unknown names are ignored).
sed -i 's|afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"|afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",\n\t\t"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration" }|' \
	$AM/dev/wxwork/autoconfigure/WxWorkAutoConfiguration.java
# callback-gaps: CallbackServingCheck named Boot 4's ReactiveWebApplicationContext; make it line-neutral.
CSC=$AM/dev/wxwork/autoconfigure/CallbackServingCheck.java
if [ -f $CSC ] && grep -q '^import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;' $CSC; then
	python3 "$HERE/patch_callback_serving_check.py" $CSC
fi
SF=$A/src/main/resources/META-INF/spring.factories
python3 - "$SF" <<'EOF'
import sys
p = sys.argv[1]; s = open(p, encoding='utf-8').read().rstrip('\n')
lines = s.split('\n')
# add the version check's analyzer to the FailureAnalyzer entry, and an initializer entry
out, i = [], 0
while i < len(lines):
    line = lines[i]
    if line.startswith('org.springframework.boot.diagnostics.FailureAnalyzer='):
        block = [line]
        while block[-1].endswith('\\'):
            i += 1; block.append(lines[i])
        block[-1] = block[-1] + ',\\'
        block.append('dev.wxwork.autoconfigure.WxWorkBootVersionCheck$Analyzer')
        out.extend(block)
    else:
        out.append(line)
    i += 1
out.append('org.springframework.context.ApplicationContextInitializer=\\')
out.append('dev.wxwork.autoconfigure.WxWorkBootVersionCheck')
open(p, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
EOF

# 5. The Boot 3.5 line's own files.
mkdir -p $B3/wxwork-spring-boot3-autoconfigure/src/main/java $B3/wxwork-spring-boot3-starter $B3/wxwork-spring-boot3-tests/src/test/java
cp -r "$F/boot3/." $B3/wxwork-spring-boot3-autoconfigure/src/main/java/
cp -r "$F/boot3-tests/." $B3/wxwork-spring-boot3-tests/src/test/java/

# 6. Poms.
"$HERE/poms.sh" "$BOOT3_VERSION"

git add -A
echo "== reshaped. Build: mvn -B -o verify   (Boot 4.0 line + Boot 3.5 line in one reactor)"
