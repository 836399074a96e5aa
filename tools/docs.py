#!/usr/bin/env python
"""Build the documentation site offline: `python tools/docs.py` -> _proc/_docs/.

Quarto users get the same site from `nbdev-docs`. Here Quarto is not installable, so the site is built by
`nbdev-proc-nbs` (notebooks -> _proc with show_doc entries) and `smalldocs render` (the Quarto website from
_quarto.yml). smalldocs links KaTeX from a CDN; when npm can fetch KaTeX (or a copy is cached in .cache/katex),
the maths is served from the site itself so it also renders offline.
"""
import os, shutil, subprocess, sys, tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT/"_proc"/"_docs"
KATEX_URL = "https://cdn.jsdelivr.net/npm/katex@0.16.11/dist"
KATEX_CACHE = ROOT/".cache"/"katex"

def tool(name: str) -> str:
    "A console script of this Python's environment (even when it is not activated), else from PATH."
    here = Path(sys.executable).parent/name
    return str(here) if here.exists() else (shutil.which(name) or name)

def run(*cmd):
    print("+", " ".join(cmd), flush=True)
    subprocess.run([tool(cmd[0]), *cmd[1:]], cwd=ROOT, check=True, stdout=subprocess.DEVNULL if cmd[0] == "nbdev-proc-nbs" else None)

def katex_dist():
    if (KATEX_CACHE/"katex.min.js").exists(): return KATEX_CACHE
    if not shutil.which("npm"): return None
    tmp = ROOT/".cache"/"npm"; tmp.mkdir(parents=True, exist_ok=True)
    try: subprocess.run(["npm", "pack", "katex@0.16.11", "--silent"], cwd=tmp, check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError) as e:
        print(f"KaTeX not vendored ({e}); the site will load it from {KATEX_URL}"); return None
    with tarfile.open(tmp/"katex-0.16.11.tgz") as t: t.extractall(tmp, filter="data")
    shutil.rmtree(KATEX_CACHE, ignore_errors=True)
    shutil.copytree(tmp/"package"/"dist", KATEX_CACHE)
    return KATEX_CACHE

def vendor_katex():
    dist = katex_dist()
    if dist is None: return
    dest = SITE/"site_libs"/"katex"
    shutil.copytree(dist, dest, dirs_exist_ok=True)
    for page in SITE.rglob("*.html"):
        txt = page.read_text()
        if KATEX_URL not in txt: continue
        rel = os.path.relpath(dest, page.parent)
        page.write_text(txt.replace(KATEX_URL, rel))

def main():
    shutil.rmtree(ROOT/"_proc", ignore_errors=True)
    run("nbdev-proc-nbs")
    run("smalldocs", "render", "--quiet", "_proc")
    vendor_katex()
    pages = sorted(p.name for p in SITE.glob("*.html"))
    print(f"site: {SITE.relative_to(ROOT)} ({len(pages)} pages: {', '.join(pages)})")

if __name__ == "__main__": main()
