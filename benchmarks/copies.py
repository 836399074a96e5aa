"""Issue-5 check on real tokens: 1,000 Fashion-MNIST training images, 14×14×8 latents, 200 samples per γ.

python benchmarks/copies.py [--data fashion-mnist]
Runs the sweep (γ = 0, 1, 2, 3, global) with the audit's calibrated latent-copy criterion, then samples the global kernel
with bit flips off (the p̄ → 0 limit) and counts exact copies. Last line: JSON.
"""
import json, sys, tempfile
import torch
from mepsdev.sweep import SweepConfig, run_sweep, load_tokens
from mepsdev.arvm import KernelARVM, popcount_table

def main(data="fashion-mnist"):
    out = tempfile.mkdtemp() + "/run"
    rows = run_sweep(SweepConfig(data=data, train_size=1000, gammas=[0, 1, 2, 3, "global"], samples=200), out, progress=False)
    toks, meta = load_tokens(f"{out}/tokens")
    exact = KernelARVM(toks, meta["bits"], 0.0228, gamma=None, flips=False).sample(200, seed=7)
    pop = popcount_table(meta["bits"])
    mh = torch.stack([pop[s.view(1, -1) ^ toks.view(len(toks), -1)].sum(1).min() for s in exact])
    res = {f"latent_copy_{r['gamma']}": r["latent_copy"] for r in rows}
    res.update({f"min_hamming_median_{r['gamma']}": r["min_hamming_median"] for r in rows})
    res["exact_copy_global_flips_off"] = (mh == 0).float().mean().item()
    print(json.dumps(res))

if __name__ == "__main__": main(sys.argv[sys.argv.index("--data") + 1] if "--data" in sys.argv else "fashion-mnist")
