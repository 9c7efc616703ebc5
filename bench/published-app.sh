#!/usr/bin/env bash
# The app as people run it: published (Release, linux-x64) and started as its own process with
# its defaults (JSON console logging included, to a file), a campaign to N nonprofits launched
# through POST /api/campaigns into smtp-sink, its rate taken from the campaign's startedAt and
# completedAt, against smtp-source into the same sink just before and just after.
#
#   bench/published-app.sh [recipients=30000] [connections=4] [warm-up recipients=10000]
#
# Needs Postfix's smtp-sink and smtp-source, curl and python3. APP_DIR=<folder> reuses an app
# already published there. Run it on an idle machine (here: under flock /tmp/np-cpu.lock).
set -euo pipefail

recipients=${1:-30000}
connections=${2:-4}
warmup=${3:-10000}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/nonprofitportal-published-XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }

app=${APP_DIR:-$work/app}
if [ -z "${APP_DIR:-}" ]; then
  dotnet publish "$repo/NonprofitPortal" -c Release -r linux-x64 -o "$app" -v q --nologo >/dev/null
fi

smtp_port=$(free_port)
smtp-sink -u nobody "127.0.0.1:$smtp_port" 1024 &
pids+=($!)

app_port=$(free_port)
admin=bench@foundation.test
password=Bench-Admin-Pass-1!
# From its own folder, as its Dockerfile and a service unit start it (appsettings.json is read there).
(
  cd "$app"
  ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="http://127.0.0.1:$app_port" \
  ConnectionStrings__Default="Data Source=$work/portal.db;Default Timeout=30" \
  Mail__Transport=Smtp Mail__Smtp__Host=127.0.0.1 Mail__Smtp__Port="$smtp_port" \
  Mail__From="Foundation <grants@foundation.test>" \
  Sending__Connections="$connections" \
  Seed__AdminEmail="$admin" Seed__AdminPassword="$password" \
  exec "$app/NonprofitPortal" >"$work/app.log" 2>&1
) &
app_pid=$!
pids+=($app_pid)
base="http://127.0.0.1:$app_port"
for _ in $(seq 1 600); do
  curl -fs "$base/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "$base/health" >/dev/null || { echo "the app did not answer on $base/health" >&2; tail -20 "$work/app.log" >&2; exit 1; }

token=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$admin\",\"password\":\"$password\"}" "$base/api/auth/token" | json "['token']")
auth=(-H "Authorization: Bearer $token")

# Nonprofits through the import endpoint; the first $warmup are tagged for a warm-up campaign.
python3 - "$recipients" "$warmup" >"$work/nonprofits.csv" <<'EOF'
import sys
count, warmup = int(sys.argv[1]), int(sys.argv[2])
print("name,address,email,tags")
for i in range(1, count + 1):
    print(f"Nonprofit {i},{i} Main Street Springfield,np{i}@d{i % 5000}.example,{'warmup' if i <= warmup else 'grantee'}")
EOF
imported=$(curl -fs "${auth[@]}" -H 'Content-Type: text/csv' --data-binary "@$work/nonprofits.csv" "$base/api/nonprofits/import" | json "['imported']")
echo "imported $imported nonprofits"

subject='News for {{ nonprofit.name }} from {{ foundation.name }}'
body='<p>Dear {{ nonprofit.name }},</p>
<p>We are writing to the organisations we support about the spring grant round. Applications open
on the first of the month and close six weeks later; the form has not changed since last year.</p>
<p>Your address on file is {{ nonprofit.address }}, and we write to {{ nonprofit.email }}.</p>
<p>With best wishes,<br>{{ sender.name }}<br>{{ foundation.name }}</p>
<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>'

# Launches a campaign, waits for it to complete; prints "sent seconds cpu_seconds" (CPU from the
# launch's answer, when its rows are written, to completion).
campaign() {
  local recipients_json=$1 cpu_before cpu_after id state
  id=$(python3 -c 'import json, sys; print(json.dumps({"name": "bench", "subject": sys.argv[1], "body": sys.argv[2], "recipients": json.loads(sys.argv[3]), "cc": ["officer@foundation.test"]}))' "$subject" "$body" "$recipients_json" \
    | curl -fs "${auth[@]}" -H 'Content-Type: application/json' -d @- "$base/api/campaigns" | json "['campaignId']")
  cpu_before=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  while true; do
    state=$(curl -fs "${auth[@]}" "$base/api/campaigns/$id")
    [ "$(echo "$state" | json "['status']")" = completed ] && break
    sleep 0.2
  done
  cpu_after=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  echo "$state" | python3 -c '
import json, sys
from datetime import datetime
c = json.load(sys.stdin)
seconds = (datetime.fromisoformat(c["completedAt"]) - datetime.fromisoformat(c["startedAt"])).total_seconds()
print(c["sent"], seconds, (int(sys.argv[2]) - int(sys.argv[1])) / int(sys.argv[3]))' "$cpu_before" "$cpu_after" "$(getconf CLK_TCK)"
}

source_rate() {
  local start end
  start=$(date +%s.%N)
  smtp-source -d -s "$connections" -m "$recipients" -l 2000 -r 2 -f grants@foundation.test -t np@d1.example "127.0.0.1:$smtp_port"
  end=$(date +%s.%N)
  python3 -c "print($recipients / ($end - $start))"
}

# A server that has run for a while: the JIT has optimised the sending code (three campaigns, as in
# the sending benchmark; on two busy cores the tiering compiler is still at work after the first).
for round in 1 2 3; do
  read -r sent seconds _ < <(campaign '{"all": false, "filter": {"tag": "warmup"}}')
  echo "warm-up $round: $sent messages in $seconds s"
done
before=$(source_rate)
read -r sent seconds cpu < <(campaign '{"all": true}')
after=$(source_rate)
python3 - "$recipients" "$connections" "$sent" "$seconds" "$cpu" "$before" "$after" <<'EOF'
import sys
recipients, connections = int(sys.argv[1]), int(sys.argv[2])
sent, seconds, cpu, before, after = int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7])
rate, source = sent / seconds, (before + after) / 2
print(f"smtp-source: {before:,.0f} msg/s before, {after:,.0f} after")
print(f"published app: {sent:,} sent in {seconds:.1f} s (startedAt to completedAt): {rate:,.0f} msg/s, ratio to smtp-source {rate / source:.2f}, {cpu * 1e6 / sent:.0f} µs of CPU per message (the whole process, polling included)")
print(f"RESULT recipients={recipients} connections={connections} sent={sent} source_before={before:.0f} source_after={after:.0f} app={rate:.0f} ratio={rate / source:.2f} cpu_us={cpu * 1e6 / sent:.0f}")
EOF
