"""Draws the app icon (a white 代 on a red rounded square) into resources/icons/ as .png and a
multi-size .ico; run once after a design change and commit the results (needs Pillow)."""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
RED, GOLD, WHITE = (180, 28, 36, 255), (240, 196, 64, 255), (255, 255, 255, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = size // 32
    pen.rounded_rectangle((margin, margin, size - margin, size - margin),
                          radius=size // 6, fill=RED)
    # A gold band at the foot: reads as "official" even at 16 px where the character blurs.
    band = size // 11
    pen.rectangle((size // 5, size - margin - band * 2, size - size // 5, size - margin - band),
                  fill=GOLD)
    font = ImageFont.truetype(str(FONT), int(size * 0.62), index=0)
    left, top, right, bottom = pen.textbbox((0, 0), "代", font=font)
    x = (size - (right - left)) / 2 - left
    y = (size - band * 2.2 - (bottom - top)) / 2 - top
    pen.text((x, y), "代", font=font, fill=WHITE)
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.LANCZOS).save(ICONS / "deputydesk.png")
    big.save(ICONS / "deputydesk.ico", sizes=ICO_SIZES)
    print(ICONS / "deputydesk.ico")


if __name__ == "__main__":
    main()
