"""The explorer driven programmatically: set the widgets, read what they display, compare with the run's metrics."""
import json
import pytest

@pytest.fixture(scope="module")
def run(tmp_path_factory):
    from mepsdev.sweep import SweepConfig, run_sweep
    d = tmp_path_factory.mktemp("explore")/"run"
    with pytest.MonkeyPatch.context() as mp:  # a private model cache, for this sweep only
        mp.setenv("XDG_CACHE_HOME", str(d.parent/"cache"))
        cfg = SweepConfig(train_size=300, heldout_size=160, ae_steps=60, ae_hard_steps=10, width=8, gammas=[0, 2, "global"], samples=12, feature_steps=20)
        run_sweep(cfg, d, progress=False, log=lambda *a: None)
    return d

def test_slider_values_match_metrics(run):
    from mepsdev.explore import explore
    ex = explore(run)
    metrics = {r["gamma"]: r for r in json.loads((run/"metrics.json").read_text())}
    assert list(ex.gamma.options) == ["0", "2", "global"]
    for g in ("0", "2", "global"):
        ex.gamma.value = g
        flags = []
        for i in range(ex.sample.max + 1):
            ex.sample.value = i
            s = ex.state()
            assert s["gamma"] == g and s["sample"] == i
            flags.append(s["latent_copy"])
            html = ex.info.value
            assert f"{s['psnr']:.2f} dB" in html and f"{s['hamming']} bits" in html
            assert ("memorized" in html) == s["latent_copy"]
        # the per-sample verdicts the widget shows add up to the share in metrics.csv
        assert abs(sum(flags) / len(flags) - metrics[g]["latent_copy"]) < 1e-9
        assert f"{metrics[g]['latent_copy']:.1%}" in ex.info.value
        for img in (ex.pair, ex.hood, ex.curve): assert img.value[:4] == b"\x89PNG"

def test_displayed_distances_are_real(run):
    "The PSNR and Hamming distance shown are those between the sample and the training image shown beside it."
    from mepsdev.explore import explore
    from mepsdev.blae import unpack
    from mepsdev.core import psnr
    ex = explore(run); ex.gamma.value = "2"; ex.sample.value = 3
    s = ex.state(); c = ex.run.cell("2", "kernel")
    nearest = ex.run.nearest_training_image(s["nearest"])
    assert abs(psnr(c["images"][3:4], nearest[None]).item() - s["psnr"]) < 1e-3
    a, b = unpack(c["tokens"][3:4], ex.run.bits), unpack(ex.run.train_tokens, ex.run.bits)
    assert (a != b).flatten(1).sum(1).min().item() == s["hamming"]

def test_not_a_run_directory(tmp_path):
    from mepsdev.explore import explore
    with pytest.raises(ValueError, match="not a sweep run directory"): explore(tmp_path)
