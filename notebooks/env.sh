# Project-local Jupyter paths for the LandLedger notebooks: `source notebooks/env.sh` (after notebooks/setup.sh),
# then `jupyter notebook --notebook-dir notebooks`. Nothing goes into ~/.local or ~/.jupyter.
_LL_NB="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")" && pwd)"
export JUPYTER_PATH="$_LL_NB/target/jupyter"
export JUPYTER_DATA_DIR="$_LL_NB/target/jupyter"
export JUPYTER_CONFIG_DIR="$_LL_NB/target/jupyter-config"
export JUPYTER_RUNTIME_DIR="$_LL_NB/target/jupyter-runtime"
export IPYTHONDIR="$_LL_NB/target/ipython"
unset _LL_NB
