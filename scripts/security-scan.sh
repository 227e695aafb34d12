#!/usr/bin/env bash
#
# Security scan: wapiti and sqlmap (Debian packages) against the built server
# on 127.0.0.1, signed in as the demo employee. See docs/security.md.
#
#   apt-get install -y wapiti sqlmap        # once, as root
#   scripts/security-scan.sh [output-dir]   # default: .security-reports/ (git-ignored)
#
# What it does:
#   1. builds the app when there is no build or app/, db/ or public/ changed since;
#   2. starts the server as `npm start` does (migrate, seed the demo company) on a
#      port the system picks on 127.0.0.1, with a fresh embedded database in a
#      temporary folder, and waits for /readyz;
#   3. signs in as employee@demo.test with curl (a form post with the server's
#      own Origin, as a browser sends it: the CSRF check refuses posts without it);
#   4. runs wapiti with that session: a crawl, then attacks on links, then on forms;
#   5. runs sqlmap on GET parameters, path segments and a form post that reach SQL;
#   6. stops the server (SIGTERM) and writes summary.txt.
#
# It takes about 9 minutes on 2 cores. Scanners and server run under `nice`
# so that other work on the machine keeps its share. Bounds, all in seconds:
#   WAPITI_CRAWL_SECONDS  (default 60)  how long wapiti crawls
#   WAPITI_LINK_SECONDS   (default 15)  how long each wapiti module attacks links
#   WAPITI_FORM_SECONDS   (default 40)  how long each wapiti module attacks forms
#   SQLMAP_PARAM_SECONDS  (default 40)  how long sqlmap spends on each of its 8 parameters
# and WAPITI_GET_MODULES / WAPITI_POST_MODULES replace the lists of wapiti modules below.
# Exit status: 0 when the scan ran (read summary.txt for findings), 1 when it
# could not run (missing tool, server did not start, sign-in failed).

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

OUT="$(mkdir -p "${1:-.security-reports}" && cd "${1:-.security-reports}" && pwd)"
WAPITI_CRAWL_SECONDS="${WAPITI_CRAWL_SECONDS:-60}"
WAPITI_LINK_SECONDS="${WAPITI_LINK_SECONDS:-15}"
WAPITI_FORM_SECONDS="${WAPITI_FORM_SECONDS:-40}"
SQLMAP_PARAM_SECONDS="${SQLMAP_PARAM_SECONDS:-40}"
NICE=(nice -n 10)

# Wapiti modules for a server-rendered web app, in two passes that each give every
# module its own time: links (GET parameters) and site-wide checks first, then forms.
# Left out: ssrf and xxe (they need an outside endpoint, and there is no network),
# nikto and wapp (they download their databases), buster (a path brute force),
# shellshock (CGI only) and blindsql (time-based, slow: sqlmap covers blind SQL
# injection below).
WAPITI_GET_MODULES="${WAPITI_GET_MODULES:-sql:get,xss:get,exec:get,file:get,redirect,crlf,htaccess,methods,backup,http_headers,cookieflags,csp}"
WAPITI_POST_MODULES="${WAPITI_POST_MODULES:-sql:post,xss:post,permanentxss,exec:post,file:post,csrf}"

log() { printf '[security-scan %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

for tool in wapiti sqlmap curl node python3; do
  command -v "$tool" >/dev/null || {
    log "$tool is missing (apt-get install -y wapiti sqlmap)"
    exit 1
  }
done

# --- 1. Build when needed ---------------------------------------------------
if [[ ! -f build/server/index.js ]] || [[ -n "$(find app db public -newer build/server/index.js -type f -print -quit)" ]]; then
  log "building (npm run build)"
  npm run build >"$OUT/build.log" 2>&1 || {
    log "the build failed; see $OUT/build.log"
    exit 1
  }
fi

# --- 2. Start the server on a fresh embedded database -------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/serviceloop-scan-XXXXXX")"
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    log "stopping the server (pid $SERVER_PID)"
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" || true
  fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting the server (fresh database in $WORK/data)"
# What `npm start` runs (tsx server.ts), without npm in between so that $! is the server.
# PORT=0: the system picks a free port; the server logs it.
env NODE_ENV=production PORT=0 HOST=127.0.0.1 LOG_LEVEL=info SERVICELOOP_DATA_DIR="$WORK/data" SERVICELOOP_SEED_DEMO=true \
  "${NICE[@]}" node --import tsx server.ts >"$OUT/server.log" 2>&1 &
SERVER_PID=$!

PORT=""
for _ in $(seq 1 240); do
  kill -0 "$SERVER_PID" 2>/dev/null || {
    log "the server exited; see $OUT/server.log"
    exit 1
  }
  PORT="$(grep -o '"port":[0-9]*,"msg":"listening"' "$OUT/server.log" | grep -o '[0-9]\+' | head -1 || true)"
  [[ -n "$PORT" ]] && break
  sleep 0.5
done
[[ -n "$PORT" ]] || {
  log "the server did not start in 2 minutes; see $OUT/server.log"
  exit 1
}
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 60); do
  curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$BASE/readyz" >/dev/null || {
  log "$BASE/readyz did not answer 200"
  exit 1
}
log "server ready at $BASE"

# --- 3. Sign in as the demo employee -------------------------------------------
JAR="$WORK/cookies.txt"
status="$(curl -sS -o /dev/null -w '%{http_code}' -c "$JAR" -H "Origin: $BASE" \
  --data-urlencode "email=employee@demo.test" --data-urlencode "password=serviceloop" \
  --data-urlencode "redirectTo=" "$BASE/login")"
SESSION="$(awk '$6 == "sl_session" { print $7 }' "$JAR")"
if [[ "$status" != 302 || -z "$SESSION" ]]; then
  log "sign-in failed (HTTP $status)"
  exit 1
fi
COOKIE="sl_session=$SESSION"
# Checks that the session works: a signed-in page answers 200 (anonymous: 302 to /login).
[[ "$(curl -sS -o /dev/null -w '%{http_code}' -b "$COOKIE" "$BASE/stories")" == 200 ]] || {
  log "the session cookie does not open /stories"
  exit 1
}
log "signed in as employee@demo.test"

# Ids for the targets below: a published story (its comment form) and a behaviour.
STORIES_HTML="$(curl -sS -b "$COOKIE" "$BASE/stories")"
STORY_ID="$(grep -o 'href="/stories/[0-9a-f-]\{36\}"' <<<"$STORIES_HTML" | head -1 | grep -o '[0-9a-f-]\{36\}' || true)"
# The feed's only options with UUID values are the behaviour filter's.
BEHAVIOUR_ID="$(grep -o 'value="[0-9a-f-]\{36\}"' <<<"$STORIES_HTML" | head -1 | grep -o '[0-9a-f-]\{36\}' || true)"
if [[ -z "$STORY_ID" || -z "$BEHAVIOUR_ID" ]]; then
  log "found no story or behaviour on /stories (is the demo company seeded?)"
  exit 1
fi

# --- 4. wapiti --------------------------------------------------------------------
# Debian's wapiti 3.0.4 crashes on any -x pattern under Python 3.11 (its wildcard regex
# ends with "(?ms)", which Python 3.11 refuses): run it with that one function fixed.
WAPITI='
import re, sys
import wapitiCore.net.crawler as crawler
from wapitiCore.main.wapiti import wapiti_main
crawler.wildcard_translate = lambda pattern: re.compile(
    "(?ms)" + ".*".join(re.escape(part) for part in pattern.split("*")) + r"\Z")
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
'
# The Python that Debian's wapiti runs with (its first line), not whichever python3 is first on PATH.
WAPITI_PYTHON="$(head -1 "$(command -v wapiti)" | sed 's/^#! *//')"
# Wapiti reads cookies from its own JSON format.
cat >"$WORK/wapiti-cookies.json" <<JSON
{"127.0.0.1": {"/": {"sl_session": {"value": "$SESSION", "expires": null, "secure": false, "port": null, "version": 0}}}}
JSON
# - The start pages (-s) put the main forms early in the queue: each module attacks what
#   was crawled, in crawl order, until its time is up.
# - --max-files-per-dir 15 and leaving out four of the six departments (their pages are the
#   same routes as Customer Service's and Claims') keep the crawl from spending its time,
#   and the modules theirs, on many pages of one kind.
# - The crawler submits the forms it finds (with their default values): -x keeps it away
#   from sign-out, which would end the session, and off the built JavaScript (/assets).
# - Origin goes with every request, as a browser's form posts carry it, so that attacks on
#   forms reach the app instead of being refused by the CSRF check.
# - Accept-Encoding: Debian's wapiti asks for brotli without depending on python3-brotli,
#   and then cannot read the pages it gets.
wapiti_pass() {
  local name="$1" modules="$2" seconds="$3"
  shift 3
  log "wapiti, $name: up to ${seconds}s per module ($modules)"
  "${NICE[@]}" "$WAPITI_PYTHON" -c "$WAPITI" -u "$BASE/" --scope folder \
    -c "$WORK/wapiti-cookies.json" -H "Origin: $BASE" -H "Accept-Encoding: gzip, deflate" \
    -x "$BASE/logout*" -x "$BASE/assets/*" \
    -x "$BASE/departments/e-commerce*" -x "$BASE/departments/it*" -x "$BASE/departments/credit*" \
    -x "$BASE/departments/marketing*" \
    -s "$BASE/stories/new" -s "$BASE/stories/$STORY_ID" -s "$BASE/stories?q=call&channel=phone" \
    -s "$BASE/recognition/new" -s "$BASE/profile" -s "$BASE/departments/customer-service/improvements" \
    -m "$modules" -d 3 --max-links-per-page 30 --max-files-per-dir 15 --max-parameters 20 -S normal \
    --max-scan-time "$WAPITI_CRAWL_SECONDS" --max-attack-time "$seconds" -t 15 \
    --store-session "$WORK/wapiti-session" --store-config "$WORK/wapiti-config" \
    --no-bugreport -v 1 -f json "$@" 2>&1 || log "wapiti exited with $?"
}
log "wapiti: crawl for ${WAPITI_CRAWL_SECONDS}s"
wapiti_pass "links and site-wide checks" "$WAPITI_GET_MODULES" "$WAPITI_LINK_SECONDS" --flush-session \
  -o "$OUT/wapiti-links.json" >"$OUT/wapiti.log"
# Same session, no new crawl: the report of this pass has the findings of both.
wapiti_pass "forms" "$WAPITI_POST_MODULES" "$WAPITI_FORM_SECONDS" --skip-crawl -o "$OUT/wapiti.json" >>"$OUT/wapiti.log"

# --- 5. sqlmap --------------------------------------------------------------------
# One run per parameter, each with its own time limit, so that a slow one does not
# starve the others. PostgreSQL is known, so only its payloads; level 3 / risk 2
# (more payloads, heavier time-based tests); -p names the one parameter tested, so the
# session cookie is never altered; --drop-set-cookie keeps the session as it is.
SQLMAP_COMMON=(--batch --dbms=PostgreSQL --level=3 --risk=2 --threads=1 --time-sec=2 --timeout=15 --retries=1
  --cookie="$COOKIE" --drop-set-cookie --headers="Origin: $BASE" --flush-session
  --output-dir="$OUT/sqlmap" --disable-coloring)
mkdir -p "$OUT/sqlmap"
: >"$OUT/sqlmap.log"
sqlmap_param() {
  local name="$1"
  shift
  log "sqlmap: $name"
  {
    echo "===== $name"
    timeout --signal=INT --kill-after=10 "$SQLMAP_PARAM_SECONDS" "${NICE[@]}" sqlmap "${SQLMAP_COMMON[@]}" "$@" </dev/null ||
      echo "(sqlmap ended with status $?: 124 means the time limit)"
  } >>"$OUT/sqlmap.log" 2>&1
}
# Free text and identifiers that reach SQL: the search (full-text), filters, path
# segments (a `*` marks where sqlmap injects) and a form post.
STORIES="$BASE/stories?q=phone&department=customer-service&behaviour=$BEHAVIOUR_ID"
sqlmap_param "GET /stories q (search)" -u "$STORIES" -p q
sqlmap_param "GET /stories department" -u "$STORIES" -p department
sqlmap_param "GET /stories behaviour" -u "$STORIES" -p behaviour
RECOGNITION="$BASE/recognition?department=customer-service&behaviour=$BEHAVIOUR_ID&months=6"
sqlmap_param "GET /recognition department" -u "$RECOGNITION" -p department
sqlmap_param "GET /recognition months" -u "$RECOGNITION" -p months
sqlmap_param "GET /departments/<slug>/kpis (path)" -u "$BASE/departments/customer-service*/kpis" -p URI
sqlmap_param "GET /departments/customer-service/kpis/<key> (path)" -u "$BASE/departments/customer-service/kpis/nps*" -p URI
sqlmap_param "POST /stories/<id> comment body" -u "$BASE/stories/$STORY_ID?index" --data="intent=comment&body=Thanks" -p body

# --- 6. Stop the server and summarise ------------------------------------------------
stop_server
python3 - "$OUT" >"$OUT/summary.txt" <<'PY'
import collections, json, re, sys, pathlib
out = pathlib.Path(sys.argv[1])

print("wapiti")
log = (out / "wapiti.log").read_text(errors="replace")
found = re.search(r"Wapiti found (\d+) URLs and forms", log)
print(f"  crawled: {found.group(1) if found else '?'} URLs and forms")
stopped = re.findall(r"Max attack time was reached for module (\w+)", log)
print(f"  modules stopped by their time limit: {', '.join(stopped) or 'none'}")
try:
    report = json.loads((out / "wapiti.json").read_text())
    for kind, label in (("vulnerabilities", "vulnerability"), ("anomalies", "anomaly"), ("additionals", "note")):
        for category, items in sorted(report.get(kind, {}).items()):
            if items:
                print(f"  {label}: {category}: {len(items)}")
                for item in items:
                    where = f"{item.get('method')} {item.get('path')} {item.get('parameter') or ''}".strip()
                    print(f"    - {where}: {item.get('info', '')[:160]}")
except FileNotFoundError:
    print("  no wapiti.json: see wapiti.log")

print()
print("sqlmap per parameter")
text = (out / "sqlmap.log").read_text(errors="replace")
for block in text.split("===== ")[1:]:
    name = block.splitlines()[0]
    if re.search(r"sqlmap identified the following injection|is vulnerable|appears to be '.*' injectable", block):
        verdict = "INJECTABLE? read sqlmap.log"
    elif re.search(r"does not seem to be injectable|do not appear to be injectable", block):
        verdict = "not injectable (all tests ran)"
    elif "status 124" in block:
        verdict = "time limit reached, nothing found until then"
    else:
        verdict = "inconclusive: read sqlmap.log"
    print(f"  {name}: {verdict}")

print()
statuses = collections.Counter()
failed = collections.Counter()
errors = collections.Counter()
for line in (out / "server.log").read_text(errors="replace").splitlines():
    try:
        entry = json.loads(line)
    except ValueError:
        continue
    if entry.get("msg") == "request":
        statuses[entry["status"]] += 1
        if entry["status"] >= 500:
            failed[f"{entry['method']} {entry['path']}"] += 1
    elif entry.get("level", 0) >= 50:
        err = entry.get("err") or {}
        errors[f"{entry.get('msg')}: {str(err.get('message') or err.get('data') or '')[:120]}"] += 1
print("server responses by status: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
print(f"server errors (5xx): {sum(failed.values())}")
for where, count in failed.most_common():
    print(f"  {count} x {where}")
print(f"error log lines: {sum(errors.values())}")
for what, count in errors.most_common():
    print(f"  {count} x {what}")
PY
cat "$OUT/summary.txt" >&2
log "reports in $OUT"
