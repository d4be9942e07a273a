#!/usr/bin/env bash
# Validates docker-compose.yml offline (no Docker engine needed) with Debian's docker-compose 1.29,
# the oldest Compose we support: syntax and interpolation with .env.example, with and without the
# demo profile, plus the invariants the README relies on (scalable silo, required DB_PASSWORD, ...).
#   scripts/check-compose.sh        exit 0 when everything holds; prints one line
# Installs Debian's docker-compose package when it is missing and we are root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

fail() { echo "check-compose: $*" >&2; exit 1; }

if ! command -v docker-compose >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || fail "docker-compose is not installed and we are not root to install it (apt-get install docker-compose)"
  command -v apt-get >/dev/null 2>&1 || fail "docker-compose is not installed and there is no apt-get to install it"
  echo "check-compose: installing Debian's docker-compose package" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq docker-compose >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get install -y -qq docker-compose >/dev/null 2>&1 || fail "apt-get install docker-compose failed (no package source reachable?)"
  fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A clean environment: only the env file decides, not whatever the caller has exported.
compose() {
  env -i PATH="$PATH" HOME="${HOME:-/root}" LANG=C.UTF-8 \
    docker-compose --project-directory "$root" -f "$root/docker-compose.yml" "$@"
}
run() { # run NAME ARGS...: a compose command whose output goes to $tmp/NAME.out, stderr shown on failure
  local name=$1; shift
  compose "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || { cat "$tmp/$name.err" >&2; fail "docker-compose $* failed"; }
}

run quiet        --env-file .env.example config -q
run quiet-demo   --env-file .env.example --profile demo config -q
run quiet-observability --env-file .env.example --profile demo --profile observability config -q
run config       --env-file .env.example config
run config-demo  --env-file .env.example --profile demo config

# Every password is required: without one, config must refuse with our message.
for variable in DB_PASSWORD POSTGRES_PASSWORD DB_SILO_PASSWORD DB_GATEWAY_PASSWORD; do
  grep -v "^$variable=" .env.example >"$tmp/no-password.env"
  if compose --env-file "$tmp/no-password.env" config -q >/dev/null 2>"$tmp/no-password.err"; then
    fail "config accepted a missing $variable"
  fi
  grep -q "$variable must be set" "$tmp/no-password.err" || { cat "$tmp/no-password.err" >&2; fail "missing $variable was refused with an unexpected message"; }
done

python3 - "$tmp/config.out" "$tmp/config-demo.out" <<'PY'
import sys, yaml

def load(path):
    with open(path) as f:
        return yaml.safe_load(f)["services"]

errors = []
def check(condition, message):
    if not condition:
        errors.append(message)

def active(services, profiles):
    # docker-compose 1.29's `config` prints every service; `up` starts only these.
    return {name: s for name, s in services.items() if not s.get("profiles") or set(s["profiles"]) & profiles}

base, demo = active(load(sys.argv[1]), set()), active(load(sys.argv[2]), {"demo"})
check(set(base) == {"postgres", "migrate", "silo", "gateway"}, f"services without a profile: {sorted(base)}")
check(set(demo) == {"postgres", "migrate", "silo", "gateway", "fake-youtube"}, f"services with --profile demo: {sorted(demo)}")

for services in (base, demo):
    silo = services["silo"]
    check("ports" not in silo, "silo publishes host ports: --scale silo=N would collide")
    check("container_name" not in silo, "silo has a container_name: --scale silo=N would collide")
    check(silo.get("build", {}).get("target") == "silo", "silo does not build the silo target")
    check(silo["depends_on"]["migrate"]["condition"] == "service_completed_successfully", "silo does not wait for the migrator")
    check(str(silo["environment"].get("Catalog__FlagUrlTemplate", "")).endswith("{code}.svg"), "silo flag URL template lost {code}")

    migrate = services["migrate"]
    check(migrate.get("restart") == "no", f"migrate restart is {migrate.get('restart')!r}, not 'no'")
    check(migrate["depends_on"]["postgres"]["condition"] == "service_healthy", "migrate does not wait for a healthy postgres")

    gateway = services["gateway"]
    ports = [p if isinstance(p, str) else f"{p.get('published')}:{p.get('target')}" for p in gateway.get("ports", [])]
    check(ports == ["8080:8080"], f"gateway ports are {ports}")
    check(gateway["environment"].get("DB_USER") == "trendvault_gateway" and gateway["environment"].get("DB_PASSWORD") == "change-me-gateway",
          "the gateway does not use its read-only role")
    check(gateway["depends_on"]["migrate"]["condition"] == "service_completed_successfully", "gateway does not wait for the migrator")
    check("silo" in gateway["depends_on"], "gateway does not depend on the silo")
    # .env.example leaves the token unset: it must reach the gateway unset, not as "" (which fails its validation).
    check(gateway["environment"].get("TRENDVAULT_ADMIN_TOKEN", None) is None, "an unset TRENDVAULT_ADMIN_TOKEN reaches the gateway as a value")
    check(str(gateway["environment"].get("YOUTUBE_BASE_URL", "")).endswith("/"), "gateway has no YOUTUBE_BASE_URL")

    silo_probe = " ".join(silo.get("healthcheck", {}).get("test", []))
    check("/dev/tcp/127.0.0.1/9464" in silo_probe and "/health/ready" in silo_probe, "silo has no healthcheck on its /health/ready")

    postgres = services["postgres"]
    check("pg_isready" in " ".join(postgres["healthcheck"]["test"]), "postgres has no pg_isready healthcheck")
    penv = postgres["environment"]
    check(penv["POSTGRES_PASSWORD"] == "change-me-superuser", "postgres did not get POSTGRES_PASSWORD from the env file")
    check((penv.get("DB_USER"), penv.get("DB_SILO_USER"), penv.get("DB_GATEWAY_USER")) == ("trendvault", "trendvault_silo", "trendvault_gateway")
          and (penv.get("DB_PASSWORD"), penv.get("DB_SILO_PASSWORD"), penv.get("DB_GATEWAY_PASSWORD")) == ("change-me", "change-me-silo", "change-me-gateway"),
          "postgres does not get the three roles and their passwords to create")
    check(any(str(v).endswith("docker/postgres-init:/docker-entrypoint-initdb.d:ro") for v in postgres.get("volumes", [])),
          "postgres does not mount docker/postgres-init")
    check(migrate["environment"].get("DB_USER") == "trendvault" and migrate["environment"].get("DB_SILO_USER") == "trendvault_silo"
          and migrate["environment"].get("DB_GATEWAY_USER") == "trendvault_gateway", "the migrator does not own the schema or does not know the roles to grant")
    check(silo["environment"].get("DB_USER") == "trendvault_silo" and silo["environment"].get("DB_PASSWORD") == "change-me-silo",
          "the silo does not use its own role")
    for name in ("migrate", "silo", "gateway"):
        check(services[name]["environment"].get("DB_USER") != penv["POSTGRES_USER"], f"{name} connects as the database superuser")
        for key in ("Database__SiloPoolSize", "Database__GatewayPoolSize", "Database__ExpectedSilos"):
            check(str(services[name]["environment"].get(key, "")).isdigit(), f"{name} has no {key}")

    static = [v for v in silo.get("volumes", []) if "/var/lib/trendvault/static" in str(v)]
    check(bool(static) and any("/var/lib/trendvault/static" in str(v) for v in gateway.get("volumes", [])),
          "the static volume is not mounted into both silo and gateway")
    for name in ("silo", "gateway"):
        env = services[name]["environment"]
        check(env.get("Catalog__StaticRoot") == "/var/lib/trendvault/static", f"{name} Catalog__StaticRoot is {env.get('Catalog__StaticRoot')!r}")
        check(env.get("DB_HOST") == "postgres" and env.get("DB_NAME") == "trendvault", f"{name} has no database settings")

check(demo["fake-youtube"].get("build", {}).get("target") == "fake-youtube", "fake-youtube does not build the fake-youtube target")

if errors:
    print("check-compose: " + "\ncheck-compose: ".join(errors), file=sys.stderr)
    sys.exit(1)
PY

# The observability files, without promtool or Grafana: they parse, Prometheus scrapes the gateway and
# every silo replica, and every trendvault_ series an alert or a panel reads is one docs/operations.md
# documents (so a renamed instrument cannot leave a silent panel behind).
python3 - <<'PY'
import json, re, sys, yaml
errors = []
def check(ok, message):
    if not ok:
        errors.append(message)

prometheus = yaml.safe_load(open("docs/prometheus/prometheus.yml"))
jobs = {job["job_name"]: job for job in prometheus["scrape_configs"]}
check(jobs.get("trendvault-gateway", {}).get("static_configs", [{}])[0].get("targets") == ["gateway:8080"], "Prometheus does not scrape the gateway")
silo = jobs.get("trendvault-silo", {}).get("dns_sd_configs", [{}])[0]
check(silo.get("names") == ["silo"] and silo.get("port") == 9464, "Prometheus does not discover every silo replica on 9464")
check(prometheus.get("rule_files") == ["/etc/prometheus/alerts.yml"], "Prometheus does not load the alerts")

rules = [rule for group in yaml.safe_load(open("docs/prometheus/alerts.yml"))["groups"] for rule in group["rules"]]
check(len(rules) > 0 and all(rule.get("alert") and rule.get("expr") for rule in rules), "an alert without a name or an expression")
panels = json.load(open("docs/grafana/trendvault.json"))["panels"]
check(len({panel["id"] for panel in panels}) == len(panels), "two dashboard panels share an id")

documented = open("docs/operations.md").read()
expressions = [rule["expr"] for rule in rules] + [target["expr"] for panel in panels for target in panel.get("targets", [])]
for series in sorted({name for expr in expressions for name in re.findall(r"trendvault_[a-z_]+", expr)}):
    base = re.sub(r"_(bucket|count|sum)$", "", series)
    check(base in documented, f"{series} is read by an alert or a panel but not documented in docs/operations.md")

if errors:
    print("check-compose: " + "\ncheck-compose: ".join(errors), file=sys.stderr)
    sys.exit(1)
PY

echo "check-compose: OK ($(docker-compose version --short 2>/dev/null || echo docker-compose); default and demo profiles; Prometheus, alerts and dashboard files)"
