import os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

def require(what: str, ok: bool, how: str):
    "Skip when a system tool is missing on a developer's machine; fail in CI, which must install it."
    if ok: return
    if IN_CI: pytest.fail(f"{what} is missing in CI: {how}")
    pytest.skip(f"{what} not available ({how})")

@pytest.fixture(scope="session")
def root(): return ROOT

@pytest.fixture(scope="session")
def docs_site():
    "The built documentation site; built by tools/docs.py if missing or older than a notebook."
    site = ROOT/"_proc"/"_docs"
    newest_nb = max(p.stat().st_mtime for p in (ROOT/"nbs").glob("*.ipynb"))
    if not (site/"index.html").exists() or (site/"index.html").stat().st_mtime < newest_nb:
        subprocess.run([sys.executable, str(ROOT/"tools"/"docs.py")], cwd=ROOT, check=True)
    return site
