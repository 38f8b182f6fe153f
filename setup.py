"""Build hook: the package is configured in setup.cfg; this adds only the optional compiled modules.

`ACRONYMS_COMPILE=1 pip install .` compiles the modules that do annotation's
per-hit work with mypyc (mypy's compiler: the same typed Python source, built
as C extensions): annotation ran 1.2 to 1.5 times as fast in the measurements
the README reports. They need a C compiler at build time and nothing at run
time. Without the variable the package is pure Python, as it is for an editable
install used for development (a compiled module would shadow edits to its
source until rebuilt).
"""

import os
import shutil
import sys
import sysconfig

from setuptools import setup

# The modules on annotation's hot path: matching, planning, rendering and what they call per hit.
# The CLI, checks and glossary I/O stay Python.
COMPILED = [
    "acronyms/context.py",
    "acronyms/definitions.py",
    "acronyms/edits.py",
    "acronyms/forms.py",
    "acronyms/matcher.py",
    "acronyms/planner.py",
    "acronyms/positions.py",
    "acronyms/regions.py",
    "acronyms/render.py",
    "acronyms/senses.py",
]
BUILD_REQUIRES = ["mypy>=1.8"]


def missing_compiler(compiler: str | None = None) -> str | None:
    """What to do when the C compiler the build would call is not installed; None when it is."""
    command = (compiler or os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(command):
        return None
    return (
        f"ACRONYMS_COMPILE=1 needs a C compiler, and {command!r} is not installed: install one "
        "(Debian or Ubuntu: apt-get install gcc), or install without ACRONYMS_COMPILE for the pure-Python package"
    )


def compiled_modules() -> tuple[list, list[str]]:
    """The extension modules to build, and what building them needs, as ACRONYMS_COMPILE asks."""
    if os.environ.get("ACRONYMS_COMPILE") != "1":
        return [], []
    problem = missing_compiler()
    if problem is not None:
        sys.exit(f"error: {problem}")
    try:
        from mypyc.build import mypycify
    except ImportError:  # pip is asking what the build needs: mypy is not installed yet
        return [], BUILD_REQUIRES
    return mypycify(COMPILED, opt_level="3", group_name="acronyms"), BUILD_REQUIRES


if __name__ == "__main__":  # as setuptools runs it; the tests import it to read COMPILED
    ext_modules, build_requires = compiled_modules()
    setup(ext_modules=ext_modules, setup_requires=build_requires)
