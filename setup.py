"""Build hook: the package is configured in setup.cfg; this adds only the optional compiled modules.

`ACRONYMS_COMPILE=1 pip install .` compiles the modules that do annotation's
per-hit work with mypyc (mypy's compiler: the same typed Python source, built
as C extensions), for about 1.4 times the speed; they need a C compiler at
build time and nothing at run time. Without the variable the package is pure
Python, as it is for an editable install used for development (a compiled
module would shadow edits to its source until rebuilt).
"""

import os

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


def compiled_modules() -> tuple[list, list[str]]:
    """The extension modules to build, and what building them needs, as ACRONYMS_COMPILE asks."""
    if os.environ.get("ACRONYMS_COMPILE") != "1":
        return [], []
    try:
        from mypyc.build import mypycify
    except ImportError:  # pip is asking what the build needs: mypy is not installed yet
        return [], BUILD_REQUIRES
    return mypycify(COMPILED, opt_level="3", group_name="acronyms"), BUILD_REQUIRES


ext_modules, build_requires = compiled_modules()
setup(ext_modules=ext_modules, setup_requires=build_requires)
