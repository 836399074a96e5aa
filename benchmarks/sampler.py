"""Kernel γ-ARVM sampler speed: fast (running window sums) vs oracle (recomputed sums), one run, one machine.

python benchmarks/sampler.py [--quick]
Last line: JSON with speedup_global, speedup_by_gamma, flatness, cifar_scale_samples_per_s.
"""
import json, sys, time
import torch
from mepsdev.arvm import KernelARVM

def timed(f):
    t = time.perf_counter(); out = f(); return out, time.perf_counter() - t

def main(quick=False):
    torch.manual_seed(0)
    N, H, W, k = 1000, 14, 14, 8
    n = 16 if quick else 64
    train = torch.randint(0, 2 ** k, (N, H, W))
    gammas = [0, 1, 2, 3, 5, 8, None]
    speed, per_token = {}, {}
    for g in gammas:
        m = KernelARVM(train, bits=k, flip_prob=0.0228, gamma=g)
        # same seed, same batch: the two samplers must agree token for token; the fast one is timed on more
        # samples (median of 3 runs) so that its per-token time is not lost in timer noise
        slow, ts = timed(lambda: m.sample(n, seed=0, batch=n, oracle=True))
        assert torch.equal(m.sample(n, seed=0, batch=n), slow), f"fast and oracle samplers differ at γ={g}"
        tf = sorted(timed(lambda: m.sample(16 * n, seed=1, batch=n))[1] for _ in range(3))[1] / 16
        label = "global" if g is None else str(g)
        speed[label] = round(ts / tf, 2); per_token[label] = tf / (n * H * W)
        print(f"γ={label:>6}: fast {tf:6.3f} s, oracle {ts:6.2f} s per {n} samples, ratio {ts / tf:5.1f}x, fast {1e6 * per_token[label]:.1f} µs/token", flush=True)
    flat = [v for k_, v in per_token.items() if k_ != "0"]
    flatness = max(flat) / min(flat)
    # CIFAR-10 scale: 50,000 training grids of 32×32 tokens, k = 7, γ = 5
    cn = 8 if quick else 32
    ctrain = torch.randint(0, 2 ** 7, (50_000, 32, 32))
    cm = KernelARVM(ctrain, bits=7, flip_prob=0.0228, gamma=5)
    _, tc = timed(lambda: cm.sample(cn, seed=0, batch=8))
    cifar = cn / tc
    print(f"CIFAR scale (50k × 32×32 × 7 bits, γ=5): {cifar:.2f} samples/s ({tc:.1f} s for {cn})")
    print(json.dumps({"speedup_global": speed["global"], "speedup_by_gamma": speed, "flatness": round(flatness, 3),
                      "cifar_scale_samples_per_s": round(cifar, 3), "threads": torch.get_num_threads()}))

if __name__ == "__main__": main("--quick" in sys.argv)
