"""Build hygiene: building the wheel leaves nothing in build/, where kg writes its outputs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
IGNORED = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "__pycache__")


@pytest.mark.slow
def test_building_the_wheel_writes_nothing_into_build(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=IGNORED, symlinks=True)
    (source / "build").mkdir()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), "."],
        cwd=source,
        check=True,
        capture_output=True,
    )
    assert list(tmp_path.glob("kg-*.whl")), "no wheel was built"
    assert list((source / "build").iterdir()) == []
