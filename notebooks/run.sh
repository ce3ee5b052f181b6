#!/usr/bin/env bash
# Executes every notebook headless (nbclient) and saves it with its outputs, in place. Fails (exit 1) if a
# cell errors or times out; a failed notebook is left unchanged on disk. Run notebooks/setup.sh first
# (or pass --setup). Usage: notebooks/run.sh [--setup] [NOTEBOOK.ipynb ...]
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = "--setup" ]; then shift; ./setup.sh; fi
source ./env.sh
if [ ! -f target/jupyter/kernels/landledger-java/kernel.json ]; then
  echo "notebooks/run.sh: kernel not installed; run notebooks/setup.sh first" >&2; exit 2
fi
if [ $# -eq 0 ]; then set -- [0-9][0-9]-*.ipynb; fi
/usr/bin/python3 - "${NOTEBOOK_CELL_TIMEOUT:-600}" "$@" <<'PY'
import os, sys, time
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

timeout, paths = int(sys.argv[1]), sys.argv[2:]
failed = []
for path in paths:
    t0 = time.time()
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, startup_timeout=180, kernel_name="landledger-java", record_timing=False,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    try:
        for attempt in range(3):  # the kernel may not come up on a loaded machine: up to two more tries
            try:
                client.execute()
                break
            except RuntimeError as e:
                if attempt == 2:
                    raise
                print("retry %s: %s" % (path, e), file=sys.stderr)
                nb = nbformat.read(path, as_version=4)
                client = NotebookClient(nb, timeout=timeout, startup_timeout=180, kernel_name="landledger-java",
                                        record_timing=False,
                                        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            raise CellExecutionError("", errors[0].get("ename", ""), errors[0].get("evalue", ""))
    except (CellExecutionError, CellTimeoutError, RuntimeError) as e:
        failed.append(path)
        print("FAIL %s (%.0f s): %s" % (path, time.time() - t0, str(e)[-2000:]), file=sys.stderr)
        continue
    for c in nb.cells:  # %jars lists every jar with this machine's absolute path: keep its count line only
        if c.cell_type == "code" and c.source.startswith("%jars"):
            c.outputs = [o for o in c.outputs if "Found" in o.get("text", "")]
    tmp = path + ".tmp"
    nbformat.write(nb, tmp)
    os.replace(tmp, path)
    print("ok   %s (%.0f s)" % (path, time.time() - t0))
if failed:
    print("notebooks failed: " + ", ".join(failed), file=sys.stderr)
    sys.exit(1)
PY
