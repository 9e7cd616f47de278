"""The report as its readers see it: the docx laid out by LibreOffice headless (each run with
its own profile directory, so runs never share or lock one), and PDF pages as PNG images
(pdftoppm) — for the layout tests and for looking at every page by eye:

    .venv/bin/python -m tests.report.render out/report.docx out/report.pdf --out pages/
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

SOFFICE = ("soffice", "libreoffice")


def soffice() -> str | None:
    return next((shutil.which(name) for name in SOFFICE if shutil.which(name)), None)


def docx_to_pdf(docx: Path, folder: Path, timeout: int = 300) -> Path:
    """The docx as LibreOffice lays it out (Writer's PDF export), written into `folder`."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice (Debian libreoffice-writer-nogui) is needed to lay out the docx")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run([binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                       check=True, capture_output=True, timeout=timeout)
    return folder / (docx.stem + ".pdf")


def pdf_pages(pdf: Path, folder: Path, prefix: str, dpi: int = 60) -> list[Path]:
    """Every page of a PDF as a PNG image, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / prefix)], check=True,
                   capture_output=True)
    return sorted(folder.glob(f"{prefix}-*.png"))


def contact_sheets(pages: list[Path], folder: Path, prefix: str, per_sheet: int = 6) -> list[Path]:
    """Pages side by side, `per_sheet` to an image (3 × 2), to look at a long report quickly."""
    from PIL import Image

    sheets = []
    for n in range(0, len(pages), per_sheet):
        images = [Image.open(p) for p in pages[n:n + per_sheet]]
        w, h = max(i.width for i in images), max(i.height for i in images)
        sheet = Image.new("RGB", (3 * w + 40, 2 * h + 30), "#888888")
        for k, image in enumerate(images):
            sheet.paste(image, (10 + (k % 3) * (w + 10), 10 + (k // 3) * (h + 10)))
        path = folder / f"{prefix}-sheet-{n // per_sheet + 1:02d}.png"
        sheet.save(path)
        sheets.append(path)
    return sheets


def main() -> None:
    parser = argparse.ArgumentParser(description="render report files to page images")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=Path("pages"))
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    for f in args.files:
        pdf = docx_to_pdf(f, args.out / "lo") if f.suffix == ".docx" else f
        prefix = f"{f.parent.parent.name}-{f.suffix[1:]}"
        pages = pdf_pages(pdf, args.out, prefix, args.dpi)
        for sheet in contact_sheets(pages, args.out, prefix):
            print(sheet)


if __name__ == "__main__":
    main()
