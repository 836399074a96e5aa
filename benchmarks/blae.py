"""BL-AE on the full Fashion-MNIST train split (60k), tested on the 10k test split, within a time budget per config.

python benchmarks/blae.py [--minutes 10] [--quick]
Trains the 7×7×16 and 14×14×8 latent configurations (Gaussian noise σ = 0.5, λ = 0, then decoder-only steps on hard
codes), and prints, as its last line, JSON with psnr_hard_*, psnr_soft_*, bin_rate_*, minutes_* and train_images_per_s,
encode_images_per_s.
"""
import json, sys, time
import torch
from mepsdev.data import load_idx_folder
from mepsdev.blae import BLAEConfig, train_blae, evaluate

def main(minutes=10.0, quick=False):
    train, test = load_idx_folder(split="train").images, load_idx_folder(split="test").images
    if quick: train, test = train[:5000], test[:1000]
    out, rates = {}, []
    for latent, bits in ((7, 16), (14, 8)):
        cfg = BLAEConfig(latent_size=latent, bits=bits, width=32, sigma=0.5)
        name = f"{latent}x{latent}x{bits}"
        # measure the step rate (after a warm-up), then size the run to the budget: the main phase gets 88% of it, the
        # decoder phase on hard codes 8% (its steps cost about 2/3 of a full step), evaluation the rest
        train_blae(train, cfg, steps=10, batch=64, log_every=10 ** 9, progress=False)
        t = time.time(); train_blae(train, cfg, steps=60, batch=64, log_every=10 ** 9, progress=False); rate = 60 / (time.time() - t)
        budget = minutes * 60 - (time.time() - t) * 70 / 60
        steps = int(0.88 * budget * rate); hard = int(0.08 * budget * rate * 1.5)
        t = time.time()
        model, hist = train_blae(train, cfg, steps=steps, hard_steps=hard, batch=64, log_every=max(1, steps // 10),
                                 eval_images=test[:1000], progress=False, max_seconds=0.9 * budget)  # a safety net: the sizing should finish first
        took = time.time() - t
        ev = evaluate(model, test)
        rates.append(hist[-1]["step"] * 64 / took)
        t = time.time(); model.encode(test); enc = len(test) / (time.time() - t)
        out.update({f"psnr_hard_{name}": round(ev["psnr_hard"], 3), f"psnr_soft_{name}": round(ev["psnr_soft"], 3),
                    f"bin_rate_{name}": round(ev["bin_rate"], 4), f"minutes_{name}": round(took / 60, 2),
                    f"steps_{name}": hist[-1]["step"], f"encode_images_per_s_{name}": round(enc, 1)})
        print(f"{name}: hard {ev['psnr_hard']:.2f} dB, soft {ev['psnr_soft']:.2f} dB, bin rate {ev['bin_rate']:.3f}, "
              f"{took / 60:.1f} min, {hist[-1]['step']} steps", flush=True)
    out["train_images_per_s"] = round(sum(rates) / len(rates), 1)
    out["encode_images_per_s"] = min(v for k, v in out.items() if k.startswith("encode_images_per_s_"))
    out["threads"] = torch.get_num_threads()
    print(json.dumps(out))

if __name__ == "__main__":
    m = float(sys.argv[sys.argv.index("--minutes") + 1]) if "--minutes" in sys.argv else 10.0
    main(m, "--quick" in sys.argv)
