#!/usr/bin/env bash
# Sets up the LandLedger Java notebooks (idempotent): Debian's Jupyter packages, the LandLedger build, the
# rapaio-jupyter-kernel jar (JShell-based Java kernel, from Maven Central) and a project-local kernelspec
# whose classpath holds every LandLedger runtime jar. Nothing is installed into ~/.local.
#
# Afterwards, in the same shell:  source notebooks/env.sh && jupyter notebook --notebook-dir notebooks
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
NB="$ROOT/notebooks"
KERNEL_VERSION=3.0.1   # io.github.padreati:rapaio-jupyter-kernel (Java 17, JShell; JJava's kernel is not on Central)

# 1. Debian's Jupyter (notebook server, nbconvert/nbclient for headless runs).
need=()
for p in jupyter-notebook python3-nbconvert python3-nbclient jupyter-client python3-zmq; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if ((${#need[@]})); then
  echo "installing ${need[*]} (apt-get)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# 2. LandLedger itself: the CLI module copies every runtime jar into cli/target/lib.
if [ "${LANDLEDGER_SKIP_BUILD:-}" != 1 ] || [ ! -f cli/target/landledger-cli.jar ]; then
  ./mvnw -q -B -DskipTests package
fi

# 3. The kernel jar (a shaded, self-contained jar) from Maven Central.
KDIR="$NB/target/kernel"
KJAR="$KDIR/rapaio-jupyter-kernel-$KERNEL_VERSION.jar"
if [ ! -f "$KJAR" ]; then
  mkdir -p "$KDIR"
  ./mvnw -q -B -N dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION" \
    -DoutputDirectory="$KDIR"
fi

# 4. Kernelspec in a project-local Jupyter path. The kernel runs behind kernel/launch.py (see there: it
#    works around a start-up race of the kernel). Notebooks put LandLedger on the classpath in their first
#    cell with `%jars ../cli/target/lib/` (the kernel's RJK_CLASSPATH variable is not applied by 3.0.1).
SPEC="$NB/target/jupyter/kernels/landledger-java"
mkdir -p "$SPEC"
/usr/bin/python3 - "$SPEC/kernel.json" "$KJAR" "$NB/kernel/launch.py" <<'PY2'
import json, os, sys
path, jar, launcher = sys.argv[1:4]
spec = {
    "argv": ["/usr/bin/python3", launcher, "{connection_file}", "java", "-Xmx1g", "-Djava.awt.headless=true",
             "-Dfile.encoding=UTF-8", "-jar", jar],
    "display_name": "Java (LandLedger)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {"RJK_TIMEOUT_MILLIS": "-1"},
}
with open(path + ".tmp", "w") as f:
    json.dump(spec, f, indent=2)
os.replace(path + ".tmp", path)
PY2
echo "kernelspec 'landledger-java' installed in $NB/target/jupyter (source notebooks/env.sh to use it)"
