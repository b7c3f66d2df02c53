#!/bin/bash
# Starts a WordPress of the tests' own in DIR (made if missing): Debian's
# WordPress 6.1 copied into DIR/docroot with its own wp-config.php, a
# private MariaDB on a socket in DIR, and PHP's built-in web server on
# loopback ports: the site, the same site with its REST API turned off, and
# the same without pretty permalinks, and a site that is no WordPress. Writes DIR/env (shell assignments:
# the addresses, users and application passwords) and DIR/pids;
# stop-wordpress.sh DIR ends it.
#   start-wordpress.sh DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# Debian puts mariadbd in /usr/sbin, which a user's PATH may lack.
PATH=$PATH:/usr/sbin:/sbin
dir=$1
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
: > "$dir/pids"

fail () {
  echo "start-wordpress: $*" >&2
  for log in "$dir"/*.log; do
    [ -s "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
  done
  "$here/stop-wordpress.sh" "$dir" || true
  exit 1
}

for program in mariadb-install-db mariadbd mariadb php; do
  command -v $program > /dev/null || fail "$program is missing (make test-deps installs it)"
done
[ -f /usr/share/wordpress/wp-settings.php ] || fail "Debian's wordpress package is not installed"
php -m | grep -qx mysqli || fail "PHP has no mysqli (install php-mysql)"

# The database: a server of our own, on a socket only, with no grant
# checks beyond its own root, which only this user's processes can reach.
socket=$dir/mysql.sock
mariadb-install-db --no-defaults --datadir="$dir/db" --user="$(id -un)" \
  --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
  > "$dir/install-db.log" 2>&1 || fail "mariadb-install-db failed"
setsid mariadbd --no-defaults --datadir="$dir/db" --socket="$socket" --skip-networking \
  --user="$(id -un)" --pid-file="$dir/mysqld.pid" --log-error="$dir/mysqld.log" \
  --innodb-buffer-pool-size=32M --skip-log-bin --innodb-flush-log-at-trx-commit=0 \
  < /dev/null > /dev/null 2>&1 &
echo $! >> "$dir/pids"
for _ in $(seq 200); do
  mariadb --no-defaults --socket="$socket" -uroot -e 'CREATE DATABASE IF NOT EXISTS wordpress' \
    2> /dev/null && break
  sleep 0.05
done
mariadb --no-defaults --socket="$socket" -uroot -e 'SELECT 1' > /dev/null 2>&1 \
  || fail "MariaDB did not start"

# WordPress: a real copy (hard links where the file system allows: PHP
# resolves symbolic links, and Debian's own wp-config.php would then look
# under /etc), with our wp-config.php written as a new file, never through
# a link to Debian's.
cp -al /usr/share/wordpress "$dir/docroot" 2> /dev/null \
  || { rm -rf "$dir/docroot"; cp -a /usr/share/wordpress "$dir/docroot"; }
rm -f "$dir/docroot/wp-config.php" "$dir/docroot/.htaccess"
mkdir -p "$dir/docroot/wp-content/mu-plugins" "$dir/docroot/wp-content/uploads"
cp "$here/lede-test-switches.php" "$dir/docroot/wp-content/mu-plugins/"

# A free loopback port: PHP's server refuses one in use, so try until one
# answers.
start_server () {  # NAME [ENV=VALUE...]; docroot: $docroot
  local name=$1 port pid
  shift
  for _ in $(seq 30); do
    port=$((20000 + RANDOM % 40000))
    env "$@" PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$port" -t "${docroot:-$dir/docroot}" \
      < /dev/null > "$dir/$name.log" 2>&1 &
    pid=$!
    for _ in $(seq 100); do
      if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
        echo $pid >> "$dir/pids"
        eval "${name}_port=$port"
        return 0
      fi
      kill -0 $pid 2> /dev/null || break
      sleep 0.02
    done
    kill $pid 2> /dev/null || true
    wait $pid 2> /dev/null || true
  done
  fail "no free loopback port for PHP's web server"
}
start_server site
start_server rest_off LEDE_WP_REST_OFF=1
start_server plain LEDE_WP_PLAIN_PERMALINKS=1
# And a web site that is no WordPress.
mkdir -p "$dir/other"
echo '<!DOCTYPE html><html><head><title>The Harbour Times</title></head><body><p>News.</p></body></html>' \
  > "$dir/other/index.html"
docroot=$dir/other start_server other

host=127.0.0.1:$site_port
sed -e "s|@SOCKET@|$socket|" -e "s|@HOST@|$host|" \
    -e "s|@SALT@|$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')|" \
    "$here/wp-config.php.in" > "$dir/docroot/wp-config.php"

LEDE_WP_HOST=$host php "$here/setup-wordpress.php" "$dir/docroot" > "$dir/users" 2> "$dir/setup.log" \
  || fail "installing WordPress failed"
{
  echo "LEDE_WP_DIR='$dir'"
  echo "LEDE_WP_URL='http://$host/'"
  echo "LEDE_WP_REST_OFF_URL='http://127.0.0.1:$rest_off_port/'"
  echo "LEDE_WP_PLAIN_URL='http://127.0.0.1:$plain_port/'"
  echo "LEDE_WP_OTHER_URL='http://127.0.0.1:$other_port/'"
  echo "LEDE_WP_SOCKET='$socket'"
  cat "$dir/users"
} > "$dir/env.new"
mv "$dir/env.new" "$dir/env"
