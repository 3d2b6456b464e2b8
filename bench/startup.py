"""Start-up time of the command line: `newsprobe --help` and `newsprobe --version`, wall clock.

    .venv/bin/python bench/startup.py [--runs 20]

Each command runs `--runs` times as a fresh process (the installed console script); the table gives
the median and the slowest wall-clock run, and the median CPU seconds of the process (user + system),
which a busy machine does not inflate. Target: under 0.5 s. Heavy libraries and the analysers load inside the
commands that need them, so neither command imports spaCy, numpy, datasketch or the analysers
(tests/test_public_surface.py checks the imports; this measures the seconds).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import print_table, write_result

TARGET_SECONDS = 0.5
COMMANDS = {"--help": ["--help"], "--version": ["--version"], "analyze --help": ["analyze", "--help"]}


def newsprobe_command() -> str:
    return str(Path(sys.executable).with_name("newsprobe"))


def child_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_runs(arguments: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run."""
    wall, cpu = [], []
    for _ in range(runs):
        cpu_before, started = child_cpu_seconds(), time.perf_counter()
        subprocess.run([newsprobe_command(), *arguments], check=True, capture_output=True)
        wall.append(time.perf_counter() - started)
        cpu.append(child_cpu_seconds() - cpu_before)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    time_runs(["--version"], 2)  # warm the file cache
    rows, results = [], {}
    for name, arguments in COMMANDS.items():
        wall, cpu = time_runs(arguments, args.runs)
        row = {
            "median_s": round(statistics.median(wall), 4),
            "max_s": round(max(wall), 4),
            "median_cpu_s": round(statistics.median(cpu), 4),
        }
        results[name] = row
        rows.append([name, row["median_s"], row["max_s"], row["median_cpu_s"], row["median_cpu_s"] < TARGET_SECONDS])
    print_table(
        f"newsprobe start-up ({args.runs} runs each, load {os.getloadavg()[0]:.1f})",
        ["command", "median s", "max s", "median CPU s", "CPU < 0.5 s"],
        rows,
    )
    write_result(
        "startup",
        {
            "runs": args.runs,
            "load_average_1min": os.getloadavg()[0],
            "target_s": TARGET_SECONDS,
            "commands": [{"command": name, **values} for name, values in results.items()],
        },
    )


if __name__ == "__main__":
    main()
