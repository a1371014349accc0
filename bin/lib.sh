# Shared by the bin/ scripts: where local state lives and how to act as root or as postgres.

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root (CI), else through sudo.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# The PostgreSQL major version to install: 15 where the distribution has it, else its default.
pg_major_version() {
  if [[ -d /usr/lib/postgresql/15 ]] || apt-cache show postgresql-15 >/dev/null 2>&1; then
    echo 15
  else
    apt-cache depends postgresql 2>/dev/null | sed -n 's/.*Depends: postgresql-\([0-9]*\)$/\1/p' | head -1
  fi
}

# Local state (database cluster, Redis, logs). PostgreSQL refuses to run as root, so as root the
# cluster belongs to the system user "postgres" and lives where that user can reach it.
state_dir() {
  if [[ $(id -u) -eq 0 ]]; then
    echo "/var/lib/est/$(pwd | cksum | cut -d' ' -f1)"
  else
    echo "$(pwd)/.local/state"
  fi
}

# A TCP port on 127.0.0.1 that nothing listens on, starting from $1.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# Creates .env from .env.example on first use, with ports that are free on this machine. The
# default ports lie below the kernel's ephemeral range (32768-60999), where an outgoing
# connection could hold the port at the moment PostgreSQL or Redis wants it.
write_env_file() {
  [[ -f .env ]] && return 0
  local pg_port redis_port
  pg_port=$(free_port 25432)
  redis_port=$(free_port 26379)
  sed -e "s/25432/$pg_port/g" -e "s/26379/$redis_port/g" \
      -e "s/^SECRET_KEY=.*/SECRET_KEY=$(head -c 36 /dev/urandom | base64 | tr -d '/+=')/" \
      .env.example > .env
  say "wrote .env (PostgreSQL on port $pg_port, Redis on port $redis_port)"
}

# Reads one variable from .env.
env_value() { sed -n "s/^$1=//p" .env | tail -1; }
