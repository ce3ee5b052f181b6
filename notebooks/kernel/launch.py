#!/usr/bin/python3
"""Starts the rapaio Java kernel behind a small shell-channel relay.

Why: rapaio-jupyter-kernel binds its shell socket before it registers its message handlers; ZeroMQ delivers
the client's queued kernel_info_request the moment the socket is bound, and on a loaded machine that request
lands in the gap and kills the kernel's shell thread (NullPointerException on `handlers`), so Jupyter waits
forever. This launcher gives the kernel a private shell port, waits for the kernel's IOPub "starting" status
(sent right before it registers its handlers) (or at most LANDLEDGER_KERNEL_WAIT seconds, default 30) plus a short grace period, and only then relays the real
shell port (ROUTER) to the kernel (DEALER) — the standard ZeroMQ broker pattern; replies are routed back
by the identity frames Jupyter messages carry.

Usage (kernel.json argv): launch.py CONNECTION_FILE java [JVM args...] -jar KERNEL_JAR
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

import zmq


def free_port(ctx, ip):
    s = ctx.socket(zmq.ROUTER)
    port = s.bind_to_random_port("tcp://" + ip)
    s.close(linger=0)
    return port


def main():
    conn_file, cmd = sys.argv[1], sys.argv[2:]
    with open(conn_file) as f:
        conn = json.load(f)
    ip = conn.get("ip", "127.0.0.1")
    ctx = zmq.Context.instance()
    private = dict(conn, shell_port=free_port(ctx, ip))
    fd, private_file = tempfile.mkstemp(prefix="landledger-kernel-", suffix=".json")
    with os.fdopen(fd, "w") as f:
        json.dump(private, f)

    # Listen to the kernel's IOPub before it starts, so its "starting" status is not missed.
    sub = ctx.socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect("tcp://%s:%d" % (ip, conn["iopub_port"]))

    # The kernel logs every message at INFO: keep that out of the notebook runner's terminal.
    log_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target")
    os.makedirs(log_dir, exist_ok=True)
    log = open(os.path.join(log_dir, "kernel.log"), "a")
    kernel = subprocess.Popen(cmd + [private_file], stderr=log)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda s, _f: kernel.send_signal(s))

    # The "starting" status can be missed (ZeroMQ slow joiner); then a fixed wait stands in for it.
    deadline = time.time() + float(os.environ.get("LANDLEDGER_KERNEL_WAIT", "30"))
    started = False
    while not started and time.time() < deadline and kernel.poll() is None:
        if sub.poll(500):
            for frame in sub.recv_multipart():
                if b'"execution_state"' in frame and b'"starting"' in frame:
                    started = True
    sub.close(linger=0)
    print("launch.py: kernel %s; relaying shell port %d -> %d" % ("started" if started else "assumed started",
          conn["shell_port"], private["shell_port"]), file=log, flush=True)
    time.sleep(1.0)  # the handlers are registered right after "starting"

    frontend = ctx.socket(zmq.ROUTER)
    frontend.bind("tcp://%s:%d" % (ip, conn["shell_port"]))
    backend = ctx.socket(zmq.DEALER)
    backend.connect("tcp://%s:%d" % (ip, private["shell_port"]))

    def relay():
        try:
            zmq.proxy(frontend, backend)
        except zmq.ContextTerminated:
            pass

    threading.Thread(target=relay, daemon=True).start()
    code = kernel.wait()
    try:
        os.unlink(private_file)
    except OSError:
        pass
    os._exit(code)


if __name__ == "__main__":
    main()
