"""The wheel holds the package and the seed cases, nothing a run left behind (query plans,
import reports, stores) and nothing of the tests or benchmarks."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import PurePosixPath

from tests.conftest import ROOT

#: What the package ships: code, its query texts, the page's script and template, the catalogue,
#: and the seed cases (CSV, the office-style workbook, their README).
SHIPPED = {".py", ".cypher", ".sql", ".js", ".css", ".html", ".po", ".mo", ".pot", ".csv", ".xlsx", ".md"}


def test_the_wheel_holds_only_what_the_package_ships(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    [wheel] = tmp_path.glob("partygraph-*.whl")
    names = [PurePosixPath(n) for n in zipfile.ZipFile(wheel).namelist()]
    package = [n for n in names if not n.parts[0].endswith(".dist-info")]
    assert {n.parts[0] for n in package} == {"partygraph"}
    assert sorted(str(n) for n in package if n.suffix not in SHIPPED) == []
    assert not [n for n in package if "__pycache__" in n.parts or n.name.startswith(".")]
    tracked = subprocess.run(["git", "ls-files", "partygraph"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert {f for f in tracked if f.endswith((".py", ".cypher", ".sql"))} <= {str(n) for n in package}
    assert wheel.stat().st_size < 1 << 20
