# Sourced by the e2e scripts: a free loopback port, and waiting for a started `landledger serve` to answer.
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# wait_ready BASE_URL PID LOG: up to 3 min; prints the log and returns 1 if the server dies or never answers.
wait_ready() {
  local base="$1" pid="$2" log="$3"
  for _ in $(seq 1 180); do
    curl -sf "$base/ogcapi" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "e2e: server died" >&2; return 1; }
    sleep 1
  done
  echo "e2e: server did not start" >&2
  return 1
}
