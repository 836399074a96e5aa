#!/usr/bin/env python
"""Write README.md from nbs/index.ipynb without Quarto: `python tools/readme.py` (`--check` exits 1 if it differs).

Markdown cells are copied, visible code cells become ```python blocks with their text outputs, cells marked
`#| hide` are left out, and image links relative to nbs/ are rewritten to work from the repository root.
"""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def _src(cell): return "".join(cell["source"])

def _docs_url() -> str:
    m = re.search(r'^Documentation\s*=\s*"([^"]+)"', (ROOT/"pyproject.toml").read_text(), re.M)
    return (m.group(1) if m else "").rstrip("/") + "/"

def _link(m) -> str:
    "Page links go to the documentation site; other relative paths (images) are rewritten to start from nbs/."
    target = m.group(1)
    return f"]({_docs_url()}{target})" if target.split("#")[0].endswith(".html") else f"](nbs/{target})"

def readme_text(nb_path=ROOT/"nbs"/"index.ipynb") -> str:
    nb = json.loads(Path(nb_path).read_text())
    parts = []
    for cell in nb["cells"]:
        src = _src(cell)
        if cell["cell_type"] == "markdown":
            if src.startswith("---"): src = re.sub(r"^---\n.*?\n---\n?", "", src, flags=re.S)  # front matter
            src = re.sub(r"\]\((?!https?:|#|/)([^)]+)\)", _link, src)
            if src.strip(): parts.append(src.strip())
            continue
        lines = src.splitlines()
        directives = [l for l in lines if l.startswith("#|")]
        if any(re.match(r"#\|\s*(hide|include:\s*false)", l) for l in directives): continue
        code = "\n".join(l for l in lines if not l.startswith("#|")).strip()
        if code and not any(re.match(r"#\|\s*echo:\s*false", l) for l in directives): parts.append(f"```python\n{code}\n```")
        for out in cell.get("outputs", []):
            text = out.get("text") or out.get("data", {}).get("text/plain")
            if text and "image/png" not in out.get("data", {}): parts.append("```\n" + "".join(text).rstrip() + "\n```")
    return "\n\n".join(parts) + "\n"

if __name__ == "__main__":
    txt, dest = readme_text(), ROOT/"README.md"
    if "--check" in sys.argv:
        if not dest.exists() or dest.read_text() != txt:
            sys.exit("README.md is out of date with nbs/index.ipynb: run `python tools/readme.py` and commit it")
        print("README.md matches nbs/index.ipynb")
    else:
        dest.write_text(txt); print(f"wrote {dest.relative_to(ROOT)} from nbs/index.ipynb")
