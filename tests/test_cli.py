"""The `mepsdev` console script end to end: real subprocesses, real files, tiny settings."""
import csv, json, os, shutil, signal, subprocess, sys, time
from pathlib import Path
import pytest

TINY = ["--train-size", "240", "--heldout-size", "120", "--ae-steps", "40", "--ae-hard-steps", "5", "--width", "8", "--samples", "16",
        "--feature-steps", "20", "--quiet"]
COLUMNS = ["gamma", "model", "latent_copy", "exact_copy", "psnr_memorized", "ratio_memorized", "min_hamming_mean", "frechet", "seconds"]

def mepsdev(*args, env=None, timeout=600):
    exe = shutil.which("mepsdev") or str(Path(sys.executable).parent/"mepsdev")
    return subprocess.run([exe, *map(str, args)], capture_output=True, text=True, timeout=timeout, env=env)

@pytest.fixture
def env(tmp_path):
    "A private user cache, so every test trains what it needs and shares nothing by accident."
    return {**os.environ, "XDG_CACHE_HOME": str(tmp_path/"cache"), "OMP_NUM_THREADS": "1"}

def read_metrics(run: Path):
    with open(run/"metrics.csv") as f: return list(csv.DictReader(f))

def test_help_lists_every_command_and_option():
    r = mepsdev("--help")
    assert r.returncode == 0
    for c in ("sweep", "train-ae", "encode", "sample", "audit", "bound"): assert c in r.stdout
    h = mepsdev("sweep", "--help").stdout
    from mepsdev.sweep import SweepConfig
    import dataclasses
    for f in dataclasses.fields(SweepConfig):
        assert "--" + f.name.replace("_", "-") in h, f"sweep --help does not document --{f.name}"
    for opt in ("--out", "--train-sizes", "--quiet"): assert opt in h
    for c in ("train-ae", "encode", "sample", "audit", "bound"):
        r = mepsdev(c, "--help"); assert r.returncode == 0 and "usage: mepsdev " + c in r.stdout

def test_tiny_sweep_writes_a_complete_run_directory(tmp_path, env):
    run = tmp_path/"run"
    r = mepsdev("sweep", "--out", run, "--gammas", "0,2,global", *TINY, env=env)
    assert r.returncode == 0, r.stderr
    rows = read_metrics(run)
    assert [x["gamma"] for x in rows] == ["0", "2", "global"] and {x["model"] for x in rows} == {"kernel"}
    for c in COLUMNS: assert c in rows[0], c
    for x in rows: assert 0 <= float(x["latent_copy"]) <= 1 and float(x["frechet"]) >= 0
    # global context copies more than none at all, on any data
    assert float(rows[-1]["min_hamming_mean"]) < float(rows[0]["min_hamming_mean"])
    rep = (run/"report.md").read_text()
    assert "γ = global" in rep and "Thresholds calibrated" in rep
    for f in ["memorization_vs_gamma.png", "neighbours-gamma-0-kernel.png", "neighbours-gamma-global-kernel.png"]:
        assert (run/"figures"/f).read_bytes()[:4] == b"\x89PNG"
    cfg = json.loads((run/"config.json").read_text())
    assert cfg["gammas"] == [0, 2, "global"] and cfg["samples"] == 16
    assert not list(run.rglob("*.tmp")), "temporary files left behind"
    for line in r.stdout.splitlines():
        if line.startswith("γ="): assert "latent copies" in line  # one summary line per γ

@pytest.mark.parametrize("args,msg", [
    (["--data", "imagenet"], "unknown dataset 'imagenet'"),
    (["--gammas", "0,-2,global"], "gamma must be ≥ 0"),
    (["--model", "gan"], "model must be one of"),
    (["--samples", "lots"], "invalid int value"),
])
def test_bad_options_exit_2_with_one_line(tmp_path, args, msg):
    run = tmp_path/"run"
    r = mepsdev("sweep", "--out", run, *args)
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert msg in r.stderr and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert not run.exists(), "a refused run must not create its directory"

def test_unreadable_image_folder(tmp_path):
    empty = tmp_path/"empty"; empty.mkdir()
    r = mepsdev("sweep", "--data", empty, "--out", tmp_path/"r1")
    assert r.returncode == 2 and "no .png/.jpg/.jpeg images" in r.stderr and "Traceback" not in r.stderr
    bad = tmp_path/"bad"; bad.mkdir(); (bad/"a.png").write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    r = mepsdev("sweep", "--data", bad, "--out", tmp_path/"r2")
    assert r.returncode == 2 and "cannot decode image" in r.stderr and str(bad/"a.png") in r.stderr

def test_existing_run_with_other_config_is_refused_and_untouched(tmp_path, env):
    run = tmp_path/"run"
    assert mepsdev("sweep", "--out", run, "--gammas", "0", *TINY, env=env).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in run.rglob("*")}
    r = mepsdev("sweep", "--out", run, "--gammas", "0", *TINY[:-1], "--samples", "17", "--quiet", env=env)
    assert r.returncode == 2 and "other settings" in r.stderr and "samples: 16 there, 17 now" in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert {p: p.stat().st_mtime_ns for p in run.rglob("*")} == before, "a refused rerun changed the run directory"

def test_interrupted_sweep_resumes_to_the_same_metrics(tmp_path):
    args = ["--gammas", "0,1,global", *TINY]
    env_a = {**os.environ, "XDG_CACHE_HOME": str(tmp_path/"ca"), "OMP_NUM_THREADS": "1"}
    env_b = {**os.environ, "XDG_CACHE_HOME": str(tmp_path/"cb"), "OMP_NUM_THREADS": "1"}
    assert mepsdev("sweep", "--out", tmp_path/"whole", *args, env=env_a).returncode == 0
    # start the same sweep elsewhere and kill it as soon as its first γ is finished
    run = tmp_path/"cut"
    exe = shutil.which("mepsdev") or str(Path(sys.executable).parent/"mepsdev")
    p = subprocess.Popen([exe, "sweep", "--out", str(run), *args], env=env_b, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while not (run/"cells"/"gamma-0-kernel"/"metrics.json").exists():
        assert p.poll() is None and time.time() < deadline, "sweep ended before it could be interrupted"
        time.sleep(0.05)
    p.send_signal(signal.SIGKILL); p.wait()
    assert not (run/"report.md").exists()
    r = mepsdev("sweep", "--out", run, *args, env=env_b)
    assert r.returncode == 0, r.stderr
    strip = lambda rows: [{k: v for k, v in x.items() if k != "seconds"} for x in rows]
    assert strip(read_metrics(run)) == strip(read_metrics(tmp_path/"whole"))

def test_sweep_on_a_folder_of_images(tmp_path, env):
    from PIL import Image
    from mepsdev.data import load_embedded
    x = ((load_embedded("train").images[:300, 0] + 1) * 127.5).round().byte().numpy()
    folder = tmp_path/"pngs"; folder.mkdir()
    for i, img in enumerate(x): Image.fromarray(img).save(folder/f"{i:03d}.png")
    run = tmp_path/"run"
    r = mepsdev("sweep", "--data", folder, "--out", run, "--gammas", "0,global", "--train-size", "0", "--heldout-size", "100",
                "--ae-steps", "30", "--ae-hard-steps", "5", "--width", "8", "--samples", "12", "--feature-steps", "10", "--quiet", env=env)
    assert r.returncode == 0, r.stderr
    assert len(read_metrics(run)) == 2
    assert json.loads((run/"run_info.json").read_text())["train_size"] == 200

def test_train_sizes_axis(tmp_path, env):
    run = tmp_path/"run"
    r = mepsdev("sweep", "--out", run, "--gammas", "0,global", "--train-sizes", "150,300", *[a for a in TINY if a not in ("--train-size", "240")], env=env)
    assert r.returncode == 0, r.stderr
    lines = (run/"train_sizes.csv").read_text().splitlines()
    assert lines[0].startswith("train_size,gamma") and len(lines) == 5
    assert (run/"size-150"/"metrics.csv").exists() and (run/"figures"/"memorization_by_size.png").exists()
