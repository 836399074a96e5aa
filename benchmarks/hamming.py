"""Bit-packed Hamming search vs float L2 search on the same codes: 60,000 training codes of 784 bits, 1,000 queries.

python benchmarks/hamming.py
Last line: JSON with speedup (float time / Hamming time), identical (same neighbours), and both times.
"""
import json, time
import numpy as np
import torch
from mepsdev.audit import pack_bits, nearest_hamming, _hamming_kernel

def main(n_train=60_000, n_query=1_000, shape=(16, 7, 7)):
    g = torch.Generator().manual_seed(0)
    train = (torch.randint(0, 2, (n_train, *shape), generator=g) * 2 - 1).to(torch.int8)
    query = (torch.randint(0, 2, (n_query, *shape), generator=g) * 2 - 1).to(torch.int8)
    query[:50] = train[torch.randint(0, n_train, (50,), generator=g)]  # some exact copies among the queries
    kernel = _hamming_kernel()  # compile (once, cached) before timing
    tp, qp = pack_bits(train), pack_bits(query)
    t = time.perf_counter(); hd, hi = nearest_hamming(qp, tp); th = time.perf_counter() - t
    tf_, qf = train.flatten(1).float(), query.flatten(1).float()
    t = time.perf_counter()
    best_d, best_i = torch.full((n_query,), float("inf")), torch.zeros(n_query, dtype=torch.long)
    for j in range(0, n_train, 8192):  # chunked float L2 search (torch.cdist, BLAS), bounded memory
        d = torch.cdist(qf, tf_[j:j + 8192])
        v, i = d.min(1)
        better = v < best_d
        best_d, best_i = torch.where(better, v, best_d), torch.where(better, i + j, best_i)
    tl = time.perf_counter() - t
    identical = bool(np.array_equal(hi, best_i.numpy()) and np.array_equal(hd, (best_d ** 2 / 4).round().long().numpy()))
    print(f"Hamming (packed, {'compiled kernel' if kernel else 'numpy'}): {th:.3f} s; float L2 (torch.cdist): {tl:.3f} s; "
          f"speedup {tl / th:.1f}x; identical neighbours: {identical}")
    print(json.dumps({"speedup": round(tl / th, 2), "identical": identical, "hamming_s": round(th, 4), "float_l2_s": round(tl, 4),
                      "kernel": "compiled" if kernel else "numpy", "train": n_train, "queries": n_query, "bits": int(np.prod(shape)),
                      "threads": torch.get_num_threads()}))

if __name__ == "__main__": main()
