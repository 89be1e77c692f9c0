"""The package's layers: the import contract holds and breaking it fails; the README's map of them matches the tree."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

from support import ROOT

PACKAGE = ROOT / "src" / "hemisphere"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(source_root: Path) -> subprocess.CompletedProcess:
    """``lint-imports`` on the package found first under ``source_root``, with the pack's contract."""
    environment = {**os.environ, "PYTHONPATH": str(source_root)}
    return subprocess.run([str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
                          cwd=source_root, env=environment, capture_output=True, text=True, timeout=120)


def test_the_layers_contract_is_kept():
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_a_data_module_importing_a_map_module_breaks_the_contract(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "hemisphere", ignore=shutil.ignore_patterns("__pycache__"))
    loaders = tmp_path / "hemisphere" / "data" / "loaders.py"
    loaders.write_text(loaders.read_text(encoding="utf-8") + "\nfrom ..maps import palette\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "hemisphere.data.loaders -> hemisphere.maps.palette" in result.stdout


def contract_layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [contract["layers"] for contract in config["contracts"] if contract["id"] == "layers"]
    return layers


def readme_layer_rows() -> dict[str, list[str]]:
    """The README's layer table: each package named in a row's first cell, with the modules its second names."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## What is where", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) >= 2 and re.fullmatch(r"`hemisphere\.[\w.]+`", cells[0]):
            rows[cells[0].strip("`")] = re.findall(r"`(\w+)`", cells[1])
    return rows


def test_the_readme_lists_the_layers_in_the_contracts_order():
    layers = [name for name in readme_layer_rows() if name.count(".") == 1]
    assert layers == contract_layers()


def test_the_readme_names_every_subpackage_and_module_and_no_other():
    in_tree = {
        "hemisphere." + ".".join(init.parent.relative_to(PACKAGE).parts):
            sorted(path.stem for path in init.parent.glob("*.py") if path.name != "__init__.py")
        for init in PACKAGE.rglob("__init__.py") if init.parent != PACKAGE
    }
    assert {name: sorted(modules) for name, modules in readme_layer_rows().items()} == in_tree


def test_the_readme_names_every_front_end_file():
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## What is where", 1)[1]
    named = set(re.findall(r"`(hemisphere-[\w-]+\.(?:js|css))`", section))
    assert named == {path.name for path in (PACKAGE / "assets").iterdir()}
