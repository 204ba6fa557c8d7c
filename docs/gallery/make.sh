#!/usr/bin/env bash
# Rebuilds the README's gallery: the first two pages of one worksheet in every shipped layout.
set -euo pipefail
cd "$(dirname "$0")/../.."
for layout in standard compact large-print one-per-page; do
  rm -rf "docs/gallery/$layout"
  worksheet preview worksheets/upper-back-trigger-points.yaml --layout "$layout" --pages 1-2 --dpi 40 \
    --png "docs/gallery/$layout"
done

# Every shipped exercise's figure, drawn alone at the standard box size, on one sheet.
figures=$(mktemp -d)
worksheet figure $(ls worksheets/exercises/*.yaml | xargs -n1 basename | sed 's/\.yaml$//') --png "$figures" --dpi 110 >/dev/null
python - "$figures" <<'PY'
import sys
from pathlib import Path
from PIL import Image, ImageDraw
images = sorted(Path(sys.argv[1]).glob("*.png"))
first = Image.open(images[0])
width, height, columns = first.width, first.height + 16, 6
sheet = Image.new("RGB", (columns * width, -(-len(images) // columns) * height), "white")
draw = ImageDraw.Draw(sheet)
for index, path in enumerate(images):
    x, y = index % columns * width, index // columns * height
    sheet.paste(Image.open(path), (x, y + 16))
    draw.text((x + 4, y + 2), path.stem, fill="#333333")
sheet.save("docs/figures/gallery.png", optimize=True)
PY
rm -rf "$figures"

# Every base posture and every joint's movements, for docs/figures.md.
python docs/figures/make.py
