"""A built wheel installs into a fresh virtual environment and imports, with the embedded data inside it."""
import subprocess, sys, sysconfig, venv, zipfile
from pathlib import Path
from conftest import ROOT

def test_wheel_installs_and_imports(tmp_path):
    dist = tmp_path/"dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(dist)],
                   check=True, capture_output=True, text=True)
    whl, = dist.glob("mepsdev-*.whl")
    names = zipfile.ZipFile(whl).namelist()
    assert "mepsdev/assets/fashion_mnist_subset.npz" in names and "mepsdev/assets/LICENSE.fashion-mnist" in names
    assert not any(n.endswith(".ipynb") for n in names)
    env_dir = tmp_path/"venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir/"bin"/"python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True).stdout.strip())
    # the fresh venv gets the wheel itself; its dependencies (torch & co.) are borrowed from the test environment,
    # appended to sys.path after its own site-packages so the installed wheel, not the source tree, is imported
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q", str(whl)], check=True, capture_output=True, text=True)
    (site/"zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    code = ("import mepsdev, mepsdev.data as d; from pathlib import Path; print(mepsdev.__version__); "
            "print(Path(mepsdev.__file__).resolve()); print(len(d.load_embedded('train')))")
    out = subprocess.run([str(py), "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    version, where, n = out.stdout.split()
    assert Path(where).is_relative_to(env_dir.resolve()), where
    assert n == "2000"
    assert (env_dir/"bin"/"mepsdev").exists()
