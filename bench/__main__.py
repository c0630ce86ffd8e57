"""Run every bench/<module>.py that has run(report), or only those named on the command line."""
import importlib
import pkgutil
import sys
import time
from pathlib import Path

from bench.common import report


def main(argv):
    wanted = set(argv)
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                   if m.name not in ("common", "__main__"))
    for name in names:
        if wanted and name not in wanted:
            continue
        module = importlib.import_module(f"bench.{name}")
        if not hasattr(module, "run"):
            continue
        started = time.perf_counter()
        module.run(report)
        print(f"  ({name} took {time.perf_counter() - started:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
