"""nbval again, on what an older processor computes: `make test-cpu` (part of `make test`).

Stored outputs must not depend on the CPU that made them. The last digits of a float come
out differently when numpy takes another SIMD code path or OpenBLAS another kernel, and
numpy's SIMD sorts order ties differently. This re-runs every chapter notebook (strict
nbval, figures compared too) with every one of numpy's dispatched SIMD features switched
off (``NPY_DISABLE_CPU_FEATURES``; numpy refuses to disable its baseline, so only the
dispatched ones) and OpenBLAS forced to an old kernel (``OPENBLAS_CORETYPE``), after
checking that both settings took effect::

    python tests/cpu_portable.py [pytest arguments; default: chapters]
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys

# An old kernel OpenBLAS has on each architecture, reported under the same name.
OLD_KERNEL = {"x86_64": "Nehalem", "amd64": "Nehalem", "aarch64": "ARMV8", "arm64": "ARMV8"}

PROBE = r"""
import ctypes, glob, os, numpy
from numpy._core import _multiarray_umath as umath
print(" ".join(f for f in umath.__cpu_dispatch__ if umath.__cpu_features__.get(f)) or "-")
here = os.path.dirname(numpy.__file__)
names = []
for lib in glob.glob(here + ".libs/*openblas*") + glob.glob(os.path.join(here, ".dylibs", "*openblas*")):
    for symbol in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename"):
        get = getattr(ctypes.CDLL(lib), symbol, None)
        if get is not None:
            get.restype = ctypes.c_char_p
            names.append(get().decode())
            break
print(" ".join(names) or "-")
"""


def settings() -> dict[str, str]:
    """The environment for the run: numpy's dispatched features off, an old BLAS kernel."""
    from numpy._core import _multiarray_umath as umath

    env = {"NPY_DISABLE_CPU_FEATURES": " ".join(umath.__cpu_dispatch__)}
    kernel = OLD_KERNEL.get(platform.machine().lower())
    if kernel:
        env["OPENBLAS_CORETYPE"] = kernel
    return env


def main(argv: list[str]) -> int:
    extra = settings()
    env = {**os.environ, **extra}
    probe = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                           text=True, check=True).stdout.split("\n")
    still_on, kernels = probe[0], probe[1]
    if still_on != "-":
        sys.exit(f"cpu_portable: numpy still dispatches to {still_on} with {extra}")
    wanted = extra.get("OPENBLAS_CORETYPE")
    if wanted and kernels != "-" and set(kernels.split()) != {wanted}:
        sys.exit(f"cpu_portable: OpenBLAS runs {kernels}, not {wanted}")
    print("cpu_portable: " + " ".join(f"{k}={v!r}" for k, v in extra.items())
          + (f"; OpenBLAS reports {kernels}" if kernels != "-" else "; OpenBLAS core not found"),
          flush=True)
    command = [sys.executable, "-m", "pytest", *(argv or ["chapters"])]
    return subprocess.run(command, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
