"""The built distributions carry the bundled glossary, and the installed code finds it."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An sdist and a wheel built from a copy of the checkout, as `python -m build` does."""
    source = tmp_path_factory.mktemp("source")
    ignore = shutil.ignore_patterns(".git", ".venv", "*.egg-info", "build", "dist", "__pycache__", ".*cache*", "*.so")
    shutil.copytree(ROOT, source, dirs_exist_ok=True, ignore=ignore)
    out = tmp_path_factory.mktemp("dist")
    pure = {name: value for name, value in os.environ.items() if name != "ACRONYMS_COMPILE"}  # the default build
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


def test_the_compiled_modules_are_modules_of_the_package() -> None:
    """setup.py's list of modules for mypyc (`ACRONYMS_COMPILE=1`) names modules that exist, so a rename breaks here."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    (listed,) = [
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and [target.id for target in node.targets if isinstance(target, ast.Name)] == ["COMPILED"]
    ]
    assert listed, "some modules are compiled"
    assert [path for path in listed if not (ROOT / path).is_file() or not path.startswith("acronyms/")] == []
    assert "acronyms/planner.py" in listed and "acronyms/matcher.py" in listed
