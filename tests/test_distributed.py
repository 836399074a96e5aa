"""Two gloo processes on 127.0.0.1 under torchrun: DDP training equals single-process training with the same global
batch, the sharded kernel sampler reproduces single-process samples exactly, and a failing rank ends the job."""
import os, shutil, socket, subprocess, sys, time
from pathlib import Path
import torch

def free_port():
    with socket.socket() as s: s.bind(("127.0.0.1", 0)); return s.getsockname()[1]

def torchrun(nproc, *args, env_extra=None, timeout=300):
    exe = shutil.which("torchrun") or str(Path(sys.executable).parent/"torchrun")
    env = {**os.environ, "OMP_NUM_THREADS": "1", **(env_extra or {})}
    cmd = [exe, "--nproc-per-node", str(nproc), "--master-addr", "127.0.0.1", "--master-port", str(free_port()),
           "-m", "mepsdev.distributed", *map(str, args)]
    t = time.time()
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    return r, time.time() - t

TRAIN = ["train-ae", "--images", "512", "--steps", "12", "--batch", "32", "--width", "8", "--latent-size", "7", "--bits", "6", "--ckpt-every", "6"]

def test_ddp_training_matches_single_process(tmp_path):
    from mepsdev.blae import load_blae
    r1, t1 = torchrun(1, *TRAIN, "--out", tmp_path/"one")
    assert r1.returncode == 0, r1.stderr[-3000:]
    r2, t2 = torchrun(2, *TRAIN, "--out", tmp_path/"two")
    assert r2.returncode == 0, r2.stderr[-3000:]
    a, _ = load_blae(tmp_path/"one"); b, _ = load_blae(tmp_path/"two")
    worst = max((x - y).abs().max().item() for x, y in zip(a.state_dict().values(), b.state_dict().values()))
    assert worst < 1e-4, f"DDP weights differ from single-process weights by {worst}"
    print(f"BL-AE 12 steps: 1 process {t1:.1f} s, 2 processes {t2:.1f} s (wall, incl. start-up)")

def test_ddp_resume(tmp_path):
    "An interrupted 2-process run resumes from rank 0's checkpoint to the same weights as an uninterrupted one."
    from mepsdev.blae import load_blae
    r, _ = torchrun(2, *TRAIN, "--out", tmp_path/"cut", env_extra={"MEPSDEV_FAIL_RANK_STEP": "1:9"})
    assert r.returncode != 0
    assert torchrun(2, *TRAIN, "--out", tmp_path/"cut")[0].returncode == 0
    assert torchrun(2, *TRAIN, "--out", tmp_path/"whole")[0].returncode == 0
    a, _ = load_blae(tmp_path/"cut"); b, _ = load_blae(tmp_path/"whole")
    for x, y in zip(a.state_dict().values(), b.state_dict().values()): assert torch.allclose(x, y, atol=1e-6)

def test_sharded_sampler_equals_single_process(tmp_path):
    from mepsdev.sweep import save_tokens, load_tokens
    from mepsdev.arvm import KernelARVM
    g = torch.Generator().manual_seed(0)
    toks = torch.randint(0, 2 ** 6, (301, 6, 7), generator=g)  # an odd count: shards of unequal size
    save_tokens(tmp_path/"train", toks, 6, flip_prob=0.05)
    for gamma in ("1", "global"):
        r, _ = torchrun(2, "sample", "--tokens", tmp_path/"train", "--gamma", gamma, "--samples", "24", "--batch", "8", "--seed", "3", "--out", tmp_path/f"s{gamma}")
        assert r.returncode == 0, r.stderr[-3000:]
        shard, _ = load_tokens(tmp_path/f"s{gamma}")
        single = KernelARVM(toks, 6, 0.05, gamma=None if gamma == "global" else int(gamma)).sample(24, seed=3, batch=8)
        assert torch.equal(shard, single), f"γ={gamma}: sharded samples differ from single-process samples"

def test_neural_arvm_ddp_matches_single_process(tmp_path):
    from mepsdev.sweep import save_tokens
    from mepsdev.arvm import load_neural_arvm
    toks = torch.randint(0, 16, (64, 4, 5), generator=torch.Generator().manual_seed(1))
    save_tokens(tmp_path/"t", toks, 4)
    args = ["train-arvm", "--tokens", tmp_path/"t", "--gamma", "1", "--steps", "10", "--batch", "16"]
    assert torchrun(1, *args, "--out", tmp_path/"one")[0].returncode == 0
    r, _ = torchrun(2, *args, "--out", tmp_path/"two"); assert r.returncode == 0, r.stderr[-3000:]
    a, _ = load_neural_arvm(tmp_path/"one"); b, _ = load_neural_arvm(tmp_path/"two")
    for x, y in zip(a.state_dict().values(), b.state_dict().values()): assert torch.allclose(x, y, atol=1e-5)

def test_failing_rank_ends_the_job(tmp_path):
    r, took = torchrun(2, *TRAIN, "--steps", "1000", "--out", tmp_path/"x", env_extra={"MEPSDEV_FAIL_RANK_STEP": "1:3"}, timeout=240)
    assert r.returncode != 0
    assert "injected failure on rank 1 at step 3" in r.stderr + r.stdout
    assert took < 120, f"the job took {took:.0f} s to notice a failed rank"
