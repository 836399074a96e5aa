"""1 process vs 2 processes under torchrun (gloo, 127.0.0.1), same work: BL-AE training and the sharded kernel sampler.

python benchmarks/distributed.py
Last line: JSON with wall seconds per (task, processes) and the 1→2 speedups. Each process gets 1 thread of the 2 cores
when there are 2 processes, and the single process 2 threads, so both use the whole machine.
"""
import json, os, shutil, socket, subprocess, sys, tempfile, time
from pathlib import Path
import torch

def free_port():
    with socket.socket() as s: s.bind(("127.0.0.1", 0)); return s.getsockname()[1]

def torchrun(n, *args):
    exe = shutil.which("torchrun") or str(Path(sys.executable).parent/"torchrun")
    env = {**os.environ, "OMP_NUM_THREADS": str(max(1, 2 // n))}
    t = time.perf_counter()
    r = subprocess.run([exe, "--nproc-per-node", str(n), "--master-addr", "127.0.0.1", "--master-port", str(free_port()),
                        "-m", "mepsdev.distributed", *map(str, args)], capture_output=True, text=True, env=env)
    if r.returncode: raise SystemExit(r.stderr[-2000:])
    inner = json.loads(r.stdout.strip().splitlines()[-1])["seconds"]
    return round(time.perf_counter() - t, 2), inner

def main():
    from mepsdev.sweep import save_tokens
    d = Path(tempfile.mkdtemp())
    save_tokens(d/"tokens", torch.randint(0, 256, (20_000, 14, 14), generator=torch.Generator().manual_seed(0)), 8, flip_prob=0.0228)
    out = {}
    for n in (1, 2):
        out[f"train_ae_{n}p"] = torchrun(n, "train-ae", "--steps", "300", "--batch", "128", "--out", d/f"ae{n}")
        out[f"sample_{n}p"] = torchrun(n, "sample", "--tokens", d/"tokens", "--gamma", "4", "--samples", "128", "--batch", "64", "--out", d/f"s{n}")
        print(n, "processes:", out[f"train_ae_{n}p"], out[f"sample_{n}p"], "(wall s, in-job s)", flush=True)
    res = {k: {"wall_s": v[0], "job_s": v[1]} for k, v in out.items()}
    res["speedup_train_ae"] = round(out["train_ae_1p"][1] / out["train_ae_2p"][1], 2)
    res["speedup_sample"] = round(out["sample_1p"][1] / out["sample_2p"][1], 2)
    print(json.dumps(res))

if __name__ == "__main__": main()
