"""The house's one direction of imports, as a newcomer reads it in the README: est imports no
app, reports imports neither dialogues nor cameras (import-linter checks those in ``make test``),
and no feature folder takes another feature's private (underscored) names."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("est", "reports", "dialogues", "cameras")


def feature_of(module: str) -> str:
    """Return the feature a module belongs to: ``reports.situation`` for
    ``reports.situation.views``, the app itself for a module directly in an app."""
    parts = module.split(".")
    if len(parts) > 2 and (ROOT / parts[0] / parts[1]).is_dir():
        return ".".join(parts[:2])
    return parts[0]


def imports_of(path: Path):
    """Yield (imported module, name) for every ``from x import name`` of the project's apps."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] in APPS:
                for alias in node.names:
                    yield node.module, alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in APPS:
                    yield alias.name, ""


def modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path, ".".join(path.relative_to(ROOT).with_suffix("").parts)


@pytest.mark.parametrize(("path", "module"), [pytest.param(*m, id=m[1]) for m in modules()])
def test_no_feature_takes_another_features_private_names(path, module):
    taken = [
        f"{imported}.{name}"
        for imported, name in imports_of(path)
        if name.startswith("_") and feature_of(imported) != feature_of(module)
    ]
    assert taken == [], f"{module} imports private names of another feature"


def test_est_imports_no_app():
    found = [
        f"{module} imports {imported}"
        for path, module in modules()
        if module.startswith("est.")
        for imported, _name in imports_of(path)
        if imported.split(".")[0] != "est"
    ]
    assert found == []


def test_reports_reads_neither_dialogues_nor_cameras():
    found = [
        f"{module} imports {imported}"
        for path, module in modules()
        if module.startswith("reports.")
        for imported, _name in imports_of(path)
        if imported.split(".")[0] in ("dialogues", "cameras")
    ]
    assert found == []


def test_starting_django_loads_no_analysis_or_rendering_library():
    """Every process (a worker, a management command, a test run) starts without pandas, SciPy,
    WeasyPrint or the spreadsheet readers: they are imported where they are used. At start-up
    they cost about 140 MB and seconds per process (bench/README.md, "Import"), which an import
    of a million rows must stay under 300 MB with."""
    program = (
        "import sys, django; django.setup(); "
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    loaded = subprocess.run(  # noqa: S603 (our own interpreter running our own line)
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "est.settings.base"},
    ).stdout.split()
    assert not {"pandas", "scipy", "weasyprint", "openpyxl", "ijson"} & set(loaded)
