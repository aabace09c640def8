"""Peak memory of processing uploaded photos, in-process (no server, no database).

Each measurement runs in a fresh process (multiprocessing, spawn) that sets Django up with the
bench settings, opens the upload from a file as Django hands a large upload over (a temporary
file), and then does what the portal does with it: the form's check and clean
(providers.images.prepare_image), then storing it with its renditions (store_image). A worker
reports its peak RSS (getrusage ru_maxrss) minus its peak before the upload: what one upload
adds to a worker. The last run sends the uploads to one process in threads at once, as a
gunicorn gthread worker would get them.

    .venv/bin/python bench/uploads.py   # 24 MP RGBA PNG, 24 MP JPEG, 16 MP WebP; 4 at once
    .venv/bin/python bench/uploads.py --size 6000x4000 --parallel 4
"""

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 300


def _setup(media_root: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ["MEDIA_ROOT"] = media_root
    import django

    django.setup()
    from week3.uploads import return_large_buffers_to_the_os

    return_large_buffers_to_the_os()  # as week3.wsgi does in every app server process


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _worker(path: str, media_root: str, barrier, results, threads: int = 1) -> None:
    _setup(media_root)
    import threading

    from django.core.files.uploadedfile import UploadedFile

    from providers.images import prepare_image, store_image

    size = os.path.getsize(path)
    files = [open(path, "rb") for _ in range(threads)]  # noqa: SIM115
    uploads = [UploadedFile(file, Path(path).name, "image/x", size) for file in files]
    baseline = _peak_mb()
    if barrier is not None:
        barrier.wait()
    start = time.perf_counter()

    def process(upload):
        clean = prepare_image(upload)  # the form's clean_upload
        store_image(clean, "bench")  # the service

    # Several threads: as a gunicorn gthread worker takes several uploads at once.
    running = [threading.Thread(target=process, args=(upload,)) for upload in uploads]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    seconds = time.perf_counter() - start
    for file in files:
        file.close()
    results.put((Path(path).name, os.getpid(), baseline, _peak_mb() - baseline, seconds))


def _make_images(folder: Path, width: int, height: int) -> dict[str, Path]:
    """A 24 MP RGBA PNG (smooth, so it fits the byte limit) and a photo-like 24 MP JPEG."""
    from PIL import Image, ImageFilter

    small = Image.effect_noise((width // 50, height // 50), 60).filter(ImageFilter.SMOOTH)
    grey = small.resize((width, height), Image.Resampling.BICUBIC)
    gradient = Image.linear_gradient("L").resize((width, height))
    rgb = Image.merge("RGB", (grey, gradient, gradient.transpose(Image.Transpose.ROTATE_180)))
    paths = {"png": folder / "rgba.png", "jpeg": folder / "photo.jpg"}
    rgba = rgb.convert("RGBA")
    rgba.putalpha(gradient)
    rgba.save(paths["png"], "PNG")
    rgb.save(paths["jpeg"], "JPEG", quality=92)
    # WebP: at most 16 MP (providers.images.WEBP_MAX_PIXELS).
    paths["webp"] = folder / "rgba.webp"
    scale = min((16_000_000 / (width * height)) ** 0.5, 1)
    rgba.resize((int(width * scale), int(height * scale))).save(paths["webp"], "WEBP")
    return paths


def _run(paths: list[Path], media_root: str, threads: int = 1) -> list[tuple]:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    barrier = context.Barrier(len(paths)) if len(paths) > 1 else None
    workers = [
        context.Process(target=_worker, args=(str(path), media_root, barrier, results, threads))
        for path in paths
    ]
    for worker in workers:
        worker.start()
    rows = [results.get(timeout=900) for _ in workers]
    for worker in workers:
        worker.join()
        assert worker.exitcode == 0, f"a worker failed ({worker.exitcode})"
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="6000x4000", help="pixels, WIDTHxHEIGHT (24 MP)")
    parser.add_argument("--parallel", type=int, default=4)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # In a process of its own: a child inherits its parent's peak RSS, even over exec.
        context = multiprocessing.get_context("spawn")
        with context.Pool(1) as pool:
            paths = pool.apply(_make_images, (folder, width, height))
        media_root = str(folder / "media")
        for kind, path in paths.items():
            print(f"{kind}: {path.stat().st_size / 1e6:.1f} MB file")
        print(f"{'what':28} {'baseline MB':>12} {'peak added MB':>14} {'seconds':>8}")
        worst = 0.0
        n = args.parallel
        runs = [
            ("one RGBA PNG", [paths["png"]], 1),
            ("one JPEG", [paths["jpeg"]], 1),
            ("one RGBA WebP (16 MP)", [paths["webp"]], 1),
            (f"{n} RGBA PNGs, {n} processes", [paths["png"]] * n, 1),
            (f"{n} JPEGs, {n} processes", [paths["jpeg"]] * n, 1),
            (f"{n} RGBA PNGs, 1 process", [paths["png"]], n),
        ]
        for label, batch, threads in runs:
            rows = sorted(_run(batch, media_root, threads))
            for _name, _pid, baseline, added, seconds in rows:
                worst = max(worst, added)
                print(f"{label:28} {baseline:12.0f} {added:14.0f} {seconds:8.2f}")
        verdict = "met" if worst < TARGET_MB else "NOT met"
        print(f"worst peak added per worker: {worst:.0f} MB (target < {TARGET_MB} MB: {verdict})")


if __name__ == "__main__":
    main()
