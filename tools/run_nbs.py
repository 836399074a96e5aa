#!/usr/bin/env python
"""Run notebooks at full size and save their outputs (figures, printed figures) for the docs:
`python tools/run_nbs.py [nbs/NAME.ipynb ...]` (default: all), then `nbdev-clean`.

Outputs committed this way are what the documentation site shows; `nbdev-test` runs the same notebooks small
(IN_TEST) and never writes them back.
"""
import os, sys, time
from pathlib import Path
from execnb.shell import CaptureShell

ROOT = Path(__file__).resolve().parent.parent

def _skip(cell) -> bool:
    "Cells marked `#| eval: false` are not run (as under nbdev-test); `#| notest` cells are, at full size."
    return cell.cell_type == "code" and any(l.replace(" ", "").startswith("#|eval:false") for l in cell.source.splitlines())

def run(path: Path):
    t = time.time()
    os.chdir(path.parent)
    sh = CaptureShell(mpl_format="png")
    sh.execute(path, path, exc_stop=True, preproc=_skip)
    if sh.exc: raise SystemExit(sh.prettytb(path))
    print(f"{path.name}: ran in {time.time() - t:.0f} s", flush=True)

if __name__ == "__main__":
    os.environ.pop("IN_TEST", None)
    files = [Path(a).resolve() for a in sys.argv[1:]] or sorted((ROOT/"nbs").glob("[!_]*.ipynb"))
    for f in files: run(f)
