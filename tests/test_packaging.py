"""The built distributions carry the bundled glossary, and the installed code finds it."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT

# What a copy of the checkout leaves out: what is no source (environments, builds, caches, compiled modules).
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "*.egg-info", "build", "dist", "__pycache__", ".*cache*", "*.so")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An sdist and a wheel built from a copy of the checkout, as `python -m build` does."""
    source = tmp_path_factory.mktemp("source")
    shutil.copytree(ROOT, source, dirs_exist_ok=True, ignore=NOT_SOURCE)
    out = tmp_path_factory.mktemp("dist")
    # Pure Python: compiling takes a minute, and the data files are the same. CI installs the compiled build.
    pure = {**os.environ, "ACRONYMS_COMPILE": "0"}
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        env=pure,
    )
    return out


def test_wheel_contains_the_glossary_and_the_command(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = next(name for name in names if name.endswith("entry_points.txt"))
        assert "acronyms = acronyms.cli:main" in archive.read(entry_points).decode()
    assert "acronyms/data/glossary.csv" in names
    assert "acronyms/py.typed" in names
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "acronyms").rglob("*.py")}
    assert modules - set(names) == set(), "every module of the package is in the wheel"


def test_sdist_contains_the_glossary(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        assert any(name.endswith("/data/glossary.csv") for name in archive.getnames())


def test_code_installed_from_the_wheel_finds_the_glossary(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(tmp_path / "site")
    environment = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    result = subprocess.run(
        [sys.executable, "-m", "acronyms", "lookup", "PCSO"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "PCSO\tPolice Community Support Officer  (role)\n"
    where = subprocess.run(
        [sys.executable, "-c", "import acronyms.cli, acronyms.component; print(acronyms.cli.__file__)"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(tmp_path / "site"))


def test_code_run_from_a_checkout_finds_the_glossary(tmp_path: Path) -> None:
    """`python cli.py` from a checkout's root imports the package from there, where `data/` is no package."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT, checkout, ignore=NOT_SOURCE)
    paths = sysconfig.get_paths()
    # Without `site` (-S), no editable install's finder maps `acronyms.data` to the repository: only the dependencies.
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys([paths["purelib"], paths["platlib"]]))}
    result = subprocess.run(
        [sys.executable, "-S", "cli.py", "lookup", "PCSO"],
        cwd=checkout,
        env=environment,
        capture_output=True,
        text=True,
        check=False,  # the assertions below show what went wrong
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "PCSO\tPolice Community Support Officer  (role)\n"


def load_setup_script() -> ModuleType:
    """setup.py as a module (it calls `setup()` only when run as a script)."""
    spec = importlib.util.spec_from_file_location("acronyms_setup_script", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_compiled_modules_are_modules_of_the_package() -> None:
    """setup.py's list of modules for mypyc names modules that exist, so a rename breaks here."""
    listed = load_setup_script().COMPILED
    assert "acronyms/planner.py" in listed and "acronyms/matcher.py" in listed
    assert [path for path in listed if not path.startswith("acronyms/") or not (ROOT / path).is_file()] == []


def test_a_compiled_build_without_a_compiler_says_what_to_do() -> None:
    setup_script = load_setup_script()
    assert setup_script.missing_compiler(sys.executable) is None
    assert setup_script.missing_compiler("no-such-cc -O2") == "no-such-cc"
    environment = {**os.environ, "ACRONYMS_COMPILE": "1", "CC": "no-such-cc"}
    result = subprocess.run(
        [sys.executable, "setup.py", "--name"], check=False, cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: ACRONYMS_COMPILE=1 needs a C compiler, and 'no-such-cc' is not installed")
    assert "apt-get install gcc" in result.stderr and "without ACRONYMS_COMPILE=1" in result.stderr


def test_the_default_build_without_a_compiler_is_pure_python() -> None:
    environment = {name: value for name, value in os.environ.items() if name != "ACRONYMS_COMPILE"}
    result = subprocess.run(
        [sys.executable, "setup.py", "--name"],
        check=False,
        cwd=ROOT,
        env={**environment, "CC": "no-such-cc"},
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout) == (0, "acronyms\n")
    assert (
        result.stderr == "acronyms: building the pure-Python package: no C compiler ('no-such-cc' is not installed)\n"
    )


def test_an_unknown_compile_mode_is_refused() -> None:
    environment = {**os.environ, "ACRONYMS_COMPILE": "yes"}
    result = subprocess.run(
        [sys.executable, "setup.py", "--name"], check=False, cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: ACRONYMS_COMPILE='yes' is not a choice: use 1")


@pytest.mark.parametrize(
    ("mode", "command", "requires"),
    [
        ("auto", "egg_info", ["mypy>=1.8,<2"]),  # pip asks what the build needs, then installs mypy
        ("1", "egg_info", ["mypy>=1.8,<2"]),
        ("auto", "editable_wheel", []),  # `pip install -e`, for development: the source itself
        ("0", "egg_info", []),
        ("0", "bdist_wheel", []),
    ],
)
def test_what_the_build_needs(mode: str, command: str, requires: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CC", sys.executable)  # a compiler that is installed, whatever this machine has
    assert load_setup_script().compiled_modules(mode, ["setup.py", command]) == ([], requires)


def test_a_build_without_mypy(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`pip install --no-build-isolation .` where mypy is not installed: pure Python, unless compiling is asked for."""
    setup_script = load_setup_script()
    monkeypatch.setenv("CC", sys.executable)
    monkeypatch.setitem(sys.modules, "mypyc.build", None)  # import fails
    assert setup_script.compiled_modules("auto", ["setup.py", "bdist_wheel"]) == ([], [])
    assert "pure-Python package: mypy is not installed" in capsys.readouterr().err
    with pytest.raises(SystemExit, match="ACRONYMS_COMPILE=1 needs mypy where the package is built"):
        setup_script.compiled_modules("1", ["setup.py", "bdist_wheel"])


def test_on_windows_the_build_looks_for_its_compiler_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python's settings name no compiler on Windows: the build is tried (and falls back if it fails), not refused."""
    setup_script = load_setup_script()
    monkeypatch.delenv("CC", raising=False)
    monkeypatch.setattr(setup_script.sysconfig, "get_config_var", lambda name: None)
    monkeypatch.setattr(setup_script.sys, "platform", "win32")
    assert setup_script.missing_compiler() is None
    monkeypatch.setattr(setup_script.sys, "platform", "linux")
    monkeypatch.setattr(setup_script.shutil, "which", lambda command: None)
    assert setup_script.missing_compiler() == "cc"


@pytest.mark.parametrize("mode", ["auto", "1"])
def test_mypyc_that_fails(mode: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import mypyc.build

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("internal error")

    setup_script = load_setup_script()
    monkeypatch.setenv("CC", sys.executable)
    monkeypatch.setattr(mypyc.build, "mypycify", crash)
    if mode == "1":
        with pytest.raises(RuntimeError, match="internal error"):
            setup_script.compiled_modules(mode, ["setup.py", "bdist_wheel"])
        return
    assert setup_script.compiled_modules(mode, ["setup.py", "bdist_wheel"]) == ([], [])
    assert "pure-Python package: mypyc could not compile the modules (RuntimeError('internal error')" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("mode", ["auto", "1"])
def test_a_compiler_that_fails(
    mode: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The default build leaves the package pure Python, with no module of a half-compiled set; `1` stops."""
    from setuptools import Distribution, Extension
    from setuptools.errors import CompileError

    build_ext = load_setup_script().OptionalBuildExt
    (tmp_path / "good.c").write_text(
        '#include <Python.h>\nstatic struct PyModuleDef m = {PyModuleDef_HEAD_INIT, "good"};\n'
        "PyMODINIT_FUNC PyInit_good(void) { return PyModule_Create(&m); }\n"
    )
    (tmp_path / "broken.c").write_text("this is no C\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ACRONYMS_COMPILE", mode)
    modules = [Extension("good", ["good.c"]), Extension("broken", ["broken.c"])]  # the good one is built first
    distribution = Distribution({"name": "broken", "ext_modules": modules, "cmdclass": {"build_ext": build_ext}})
    command = distribution.get_command_obj("build_ext")
    command.build_lib, command.build_temp = str(tmp_path / "lib"), str(tmp_path / "temp")
    if mode == "1":
        with pytest.raises(CompileError):
            distribution.run_command("build_ext")
        return
    distribution.run_command("build_ext")
    assert list((tmp_path / "temp").rglob("good.o")) != [], "the good module was compiled"
    assert [path.name for path in (tmp_path / "lib").rglob("*") if path.is_file()] == []
    assert "acronyms: building the pure-Python package: the C compiler failed" in capsys.readouterr().err


def test_context_mode_is_exported_as_the_readme_uses_it() -> None:
    import acronyms

    assert "ContextMode" in acronyms.__all__
    assert acronyms.Options(context=acronyms.ContextMode.AUTO).context.value == "auto"
