"""Notebook hygiene that the docs build and the tutorial rely on."""
import json, re
import pytest
from conftest import ROOT

NBS = sorted(p for p in (ROOT/"nbs").glob("*.ipynb") if not p.name.startswith("_"))

def cells(nb): return json.loads(nb.read_text())["cells"]

@pytest.mark.parametrize("nb", NBS, ids=lambda p: p.stem)
def test_no_cell_mixes_imports_with_code(nb):
    "nbdev-proc-nbs executes every cell that imports something while it renders the docs; such cells must only import."
    bad = []
    for c in cells(nb):
        if c["cell_type"] != "code": continue
        lines = [l for l in "".join(c["source"]).splitlines() if l.strip() and not l.lstrip().startswith("#")]
        if re.search(r"#\|\s*export", "".join(c["source"])): continue
        imports = [l for l in lines if re.match(r"\s*(import |from \S+ import )", l)]
        if imports and len(imports) != len(lines): bad.append(lines[0])
    assert not bad, f"{nb.name}: cells mixing imports with code (move the imports to an import cell): {bad}"

@pytest.mark.parametrize("nb", [p for p in NBS if p.stem != "index"], ids=lambda p: p.stem)
def test_tutorial_shape(nb):
    "Each page says why it exists first and what to change next last."
    md = [("".join(c["source"])) for c in cells(nb) if c["cell_type"] == "markdown"]
    assert re.search(r"^description:", md[0], re.M), f"{nb.name}: front matter needs a description"
    assert "Change next" in md[-1], f"{nb.name}: the last markdown cell should say what the reader can change next"
