"""BL-AE on the full Fashion-MNIST train split (60k), tested on the 10k test split, within a time budget per run.

python benchmarks/blae.py [--minutes 10] [--quick]
    Trains the 7×7×16 and 14×14×8 latent configurations with the package's recipe (Gaussian noise σ = 0.5, λ = 0, then
    decoder-only steps on hard codes) and prints, as its last line, JSON with psnr_hard_*, psnr_soft_*, bin_rate_*,
    minutes_*, train_images_per_s and encode_images_per_s.
python benchmarks/blae.py --recipes [--minutes 3]
    Compares recipes at 7×7×16 under the same budget each: λ = 0.1, λ = 0, λ = 0 + hard-code decoder steps,
    straight-through sign. Last line: JSON {recipe: {psnr_hard, psnr_soft, bin_rate, minutes, steps}}.
"""
import json, sys, time
import torch
from mepsdev.data import load_idx_folder
from mepsdev.blae import BLAEConfig, train_blae, evaluate

BATCH, HARD_SHARE = 64, 0.08  # share of the budget given to decoder-only steps on hard codes

def timed_steps(train, cfg, n):
    t = time.time(); train_blae(train, cfg, steps=n, batch=BATCH, log_every=10 ** 9, progress=False); return time.time() - t

def run(train, test, cfg, minutes, hard_share=HARD_SHARE):
    "Train `cfg` for about `minutes` and evaluate on `test`: the noisy phase is bounded by time, then a fixed number of hard-code steps."
    # warm up, then time 10 and 60 steps: the difference is the rate of 50 steps without the fixed costs of a call
    timed_steps(train, cfg, 10)
    rate = 50 / (timed_steps(train, cfg, 60) - timed_steps(train, cfg, 10))
    print(f"  {rate:.1f} steps/s measured before the run", flush=True)
    budget = minutes * 60 * 0.97  # what is left covers the ten evaluations during training
    hard = int(hard_share * budget * rate * 1.5 * 0.8)  # a decoder-only step costs about 2/3 of a full one; 0.8: the sustained rate is lower
    main = budget - hard / (1.5 * rate) / 0.8
    done = []
    t = time.time()
    model, _ = train_blae(train, cfg, steps=int(2 * main * rate), hard_steps=hard, batch=BATCH, log_every=max(1, int(main * rate) // 8),
                          eval_images=test[:1000], progress=False, max_seconds=main, callback=lambda s, m: done.append(s))
    took = time.time() - t
    ev = evaluate(model, test)
    t = time.time(); model.encode(test); enc = len(test) / (time.time() - t)
    return model, dict(psnr_hard=round(ev["psnr_hard"], 3), psnr_soft=round(ev["psnr_soft"], 3), bin_rate=round(ev["bin_rate"], 4),
                       minutes=round(took / 60, 2), steps=len(done) - hard, hard_steps=hard,
                       train_images_per_s=round(len(done) * BATCH / took, 1), encode_images_per_s=round(enc, 1))

def data(quick):
    train, test = load_idx_folder(split="train").images, load_idx_folder(split="test").images
    return (train[:5000], test[:1000]) if quick else (train, test)

def main(minutes=10.0, quick=False):
    train, test = data(quick)
    out = {}
    for latent, bits in ((7, 16), (14, 8)):
        name = f"{latent}x{latent}x{bits}"
        _, r = run(train, test, BLAEConfig(latent_size=latent, bits=bits, width=32, sigma=0.5), minutes)
        print(f"{name}: hard {r['psnr_hard']:.2f} dB, soft {r['psnr_soft']:.2f} dB, bin rate {r['bin_rate']:.3f}, "
              f"{r['minutes']:.1f} min, {r['steps']} + {r['hard_steps']} steps, {r['train_images_per_s']:.0f} train images/s", flush=True)
        out.update({f"{k}_{name}": v for k, v in r.items()})
    out["train_images_per_s"] = round(sum(v for k, v in out.items() if k.startswith("train_images_per_s_")) / 2, 1)
    out["encode_images_per_s"] = min(v for k, v in out.items() if k.startswith("encode_images_per_s_"))
    out["threads"] = torch.get_num_threads()
    print(json.dumps(out))

RECIPES = {"lam=0.1": (dict(lam=0.1), 0.0), "lam=0": ({}, 0.0), "lam=0+hard": ({}, HARD_SHARE),
           "straight-through": (dict(straight_through=True), 0.0)}

def recipes(minutes=3.0, quick=False):
    train, test = data(quick)
    out = {}
    for name, (kw, hard_share) in RECIPES.items():
        _, r = run(train, test, BLAEConfig(latent_size=7, bits=16, width=32, sigma=0.5, **kw), minutes, hard_share)
        print(f"{name:18s} hard {r['psnr_hard']:.2f} dB, soft {r['psnr_soft']:.2f} dB, bin rate {r['bin_rate']:.3f}, "
              f"{r['minutes']:.1f} min, {r['steps']} + {r['hard_steps']} steps", flush=True)
        out[name] = {k: r[k] for k in ("psnr_hard", "psnr_soft", "bin_rate", "minutes", "steps", "hard_steps")}
    print(json.dumps(out))

if __name__ == "__main__":
    a = sys.argv[1:]
    m = float(a[a.index("--minutes") + 1]) if "--minutes" in a else None
    if "--recipes" in a: recipes(m or 3.0, "--quick" in a)
    else: main(m or 10.0, "--quick" in a)
