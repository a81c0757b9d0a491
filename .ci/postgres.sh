# Start a throwaway PostgreSQL cluster for the test suite and export ACUPATH_TEST_POSTGRES_URL.
# Sourced by .ci/run before `make test`; installs Debian's postgresql when it is missing. The
# cluster listens on loopback only, runs as a non-root user, and is stopped when the run ends.
# An ACUPATH_TEST_POSTGRES_URL already set (a developer's own server) is kept as it is.

if [ -z "${ACUPATH_TEST_POSTGRES_URL:-}" ]; then
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        else
            sudo apt-get update -qq
            sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        fi
    fi
    _pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    export PATH="$_pg_bin:$PATH"
    _pg_dir="$(mktemp -d /tmp/acupath-pg.XXXXXX)"
    _pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    if [ "$(id -u)" = 0 ]; then
        # initdb and postgres refuse to run as root: use the package's postgres user.
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
        chown postgres "$_pg_dir"
        _pg_as() { runuser -u postgres -- "$@"; }
    else
        _pg_as() { "$@"; }
    fi
    _pg_as "$_pg_bin/initdb" -D "$_pg_dir/data" -A trust -U acupath -E UTF8 >/dev/null
    _pg_as "$_pg_bin/pg_ctl" -D "$_pg_dir/data" -l "$_pg_dir/log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$_pg_port -c unix_socket_directories=$_pg_dir" \
        start >/dev/null
    "$_pg_bin/createdb" -h 127.0.0.1 -p "$_pg_port" -U acupath acupath_test
    export ACUPATH_TEST_POSTGRES_URL="postgresql://acupath@127.0.0.1:$_pg_port/acupath_test"
    _pg_stop() { _pg_as "$_pg_bin/pg_ctl" -D "$_pg_dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$_pg_dir"; }
    trap _pg_stop EXIT
    echo "PostgreSQL test cluster on 127.0.0.1:$_pg_port ($_pg_bin)"
fi
