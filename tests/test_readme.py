"""README.md is generated from nbs/index.ipynb; the two must agree, and the quick start is exactly two commands."""
import re, subprocess, sys
from conftest import ROOT

def test_readme_matches_index():
    r = subprocess.run([sys.executable, str(ROOT/"tools"/"readme.py"), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr + r.stdout

def test_quick_start_is_two_commands_and_ci_runs_the_second():
    readme = (ROOT/"README.md").read_text()
    block = re.search(r"## Quick start.*?```(?:bash|sh)\n(.*?)```", readme, re.S)
    assert block, "README needs a '## Quick start' section with one bash block"
    cmds = [l for l in block.group(1).splitlines() if l.strip() and not l.lstrip().startswith("#")]
    assert len(cmds) == 2, cmds
    assert cmds[0].startswith("pip install") and "mepsdev sweep" in cmds[0]
    assert cmds[1].startswith('pip install -e ".[dev]"') and "bash tools/test" in cmds[1]
    ci = (ROOT/".ci"/"run").read_text()
    assert "grep -E '^pip install -e \"\\.\\[dev\\]\"'" in ci and 'eval "quiet_pip $cmd"' in ci, "CI must run README command two as written"
