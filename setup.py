"""Build hook: the package is configured in setup.cfg; this adds only the compiled modules.

`pip install .` compiles the modules that do annotation's per-hit work with
mypyc (mypy's compiler: the same typed Python source, built as C extensions)
when a C compiler is installed: annotation runs 1.1 to 1.4 times as fast in
the measurements the README reports, which is what meets issue 2's speed
targets. pip fetches mypy for the build; nothing is needed at run time.
ACRONYMS_COMPILE says what to do:

- unset or `auto`: compile when a C compiler is installed, else (or when the
  compiler fails) build the pure-Python package and say so; an editable
  install, used for development, stays pure Python (a compiled module would
  shadow edits to its source until rebuilt);
- `1`: compile, or stop with an error that says what is missing;
- `0`: pure Python.
"""

import os
import shutil
import sys
import sysconfig

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, CompileError, ExecError, LinkError, PlatformError

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
BUILD_REQUIRES = ["mypy>=1.8,<2"]
MODES = ("auto", "1", "0")
# The setup.py commands that build modules; the others (egg_info, dist_info, sdist) only describe the package,
# and pip runs egg_info first to ask what the build needs.
BUILDING = frozenset({"bdist_wheel", "build", "build_ext", "install", "editable_wheel", "develop"})
DEVELOPMENT = frozenset({"editable_wheel", "develop"})  # `pip install -e`
# What a compiler that fails raises from build_ext.
BUILD_FAILURES = (CCompilerError, CompileError, ExecError, LinkError, PlatformError, OSError)


def compile_mode() -> str:
    """ACRONYMS_COMPILE's value, `auto` when unset; stops the build with an error for any other value."""
    mode = os.environ.get("ACRONYMS_COMPILE", "").strip() or "auto"
    if mode not in MODES:
        sys.exit(
            f"error: ACRONYMS_COMPILE={mode!r} is not a choice: use 1 (compile, or stop), "
            "0 (pure Python) or auto (compile when a C compiler is installed; the default)"
        )
    return mode


def missing_compiler(compiler: str | None = None) -> str | None:
    """The C compiler the build would call, when it is not installed; None when it is, or when that can't be told.

    Python's build settings name the compiler on Unix; on Windows they name none (the build
    finds Visual C++ itself), so there the build is tried, and falls back if it fails.
    """
    named = compiler or os.environ.get("CC") or sysconfig.get_config_var("CC")
    if named is None and sys.platform == "win32":
        return None
    command = (named or "cc").split()[0]
    return None if shutil.which(command) else command


def pure_python(why: str) -> None:
    """Say that the build falls back to the pure-Python package, and why (pip shows it with -v)."""
    print(f"acronyms: building the pure-Python package: {why}", file=sys.stderr)


def compiled_modules(mode: str, argv: list[str]) -> tuple[list, list[str]]:
    """The extension modules to build for the setup.py command in `argv`, and what building them needs."""
    commands = set(argv[1:])
    if mode == "0" or (mode == "auto" and commands & DEVELOPMENT):
        return [], []
    missing = missing_compiler()
    if missing is not None:
        if mode == "1":
            sys.exit(
                f"error: ACRONYMS_COMPILE=1 needs a C compiler, and {missing!r} is not installed: install one "
                "(Debian or Ubuntu: apt-get install gcc), or install without ACRONYMS_COMPILE=1 for the pure-Python package"
            )
        pure_python(f"no C compiler ({missing!r} is not installed)")
        return [], []
    try:
        from mypyc.build import mypycify
    except ImportError:
        if not commands & BUILDING:  # pip asks what the build needs: mypy, which it installs
            return [], BUILD_REQUIRES
        if mode == "1":
            sys.exit(
                "error: ACRONYMS_COMPILE=1 needs mypy where the package is built: "
                "pip install 'mypy>=1.8,<2' first, or build without --no-build-isolation"
            )
        pure_python("mypy is not installed where the package is built (--no-build-isolation)")
        return [], []
    if not commands & BUILDING:
        return [], BUILD_REQUIRES
    try:
        return mypycify(COMPILED, opt_level="3", group_name="acronyms"), BUILD_REQUIRES
    except (SystemExit, Exception) as error:  # mypyc exits when mypy reports an error; any failure of it here
        if mode == "1":
            raise
        pure_python(f"mypyc could not compile the modules ({error!r}; its messages are above)")
        return [], []


class OptionalBuildExt(build_ext):
    """build_ext that leaves the package pure Python when the compiler fails, unless ACRONYMS_COMPILE=1."""

    def run(self) -> None:
        try:
            super().run()
        except BUILD_FAILURES as error:
            if compile_mode() == "1":
                raise
            for extension in self.extensions:  # all or nothing: a compiled module needs the group's shared one
                built = self.get_ext_fullpath(extension.name)
                if os.path.exists(built):
                    os.remove(built)
            pure_python(f"the C compiler failed ({error})")


if __name__ == "__main__":  # as setuptools runs it; the tests import it to read COMPILED
    ext_modules, build_requires = compiled_modules(compile_mode(), sys.argv)
    setup(ext_modules=ext_modules, setup_requires=build_requires, cmdclass={"build_ext": OptionalBuildExt})
