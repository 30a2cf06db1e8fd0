"""Start-up time of the ``kg`` command line (issue: interfaces — ``--help`` under 1 s).

    python bench/bench_cli.py [--repeat 5]

Runs each command as a fresh process, as a user's shell would, and prints the median
and the worst wall time of ``--repeat`` runs, beside ``python -c pass`` for the
interpreter's own start-up, and which heavy modules the command imported.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HEAVY = ("spacy", "jieba", "rdflib", "pyvis", "pyoxigraph", "networkx")
COMMANDS = (
    ["--help"],
    ["--version"],
    ["build", "--help"],
    ["query", "--help"],
    ["serve", "--help"],
    ["eval", "--help"],
    ["validate", "--help"],
)
TARGET_S = 1.0


def kg_executable() -> list[str]:
    local = Path(sys.executable).with_name("kg")
    if local.exists():
        return [str(local)]
    found = shutil.which("kg")
    return [found] if found else [sys.executable, "-m", "kg"]


def wall_times(argv: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def heavy_imports(args: list[str]) -> list[str]:
    """The heavy modules loaded when the CLI runs ``args`` (in-process, via Typer's runner)."""
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from kg.cli import app\n"
        f"CliRunner().invoke(app, {args!r})\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return out.stdout.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    kg = kg_executable()
    rows = [("python -c pass", wall_times([sys.executable, "-c", "pass"], args.repeat), [])]
    for command in COMMANDS:
        times = wall_times([*kg, *command], args.repeat)
        rows.append(("kg " + " ".join(command), times, heavy_imports(command)))
    print(f"| command | median s | worst s | ≤ {TARGET_S:.0f} s | heavy imports |")
    print("|---|---:|---:|:-:|---|")
    for name, times, heavy in rows:
        ok = "yes" if max(times) <= TARGET_S else "NO"
        print(
            f"| `{name}` | {statistics.median(times):.3f} | {max(times):.3f} | {ok} | "
            f"{', '.join(heavy) or '—'} |"
        )


if __name__ == "__main__":
    main()
