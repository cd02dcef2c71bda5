"""Pictures for the demo products, drawn with Pillow: a simple shape for the product family and the initials."""

import io

from PIL import Image, ImageDraw, ImageFont

SIZE = (400, 300)
ROUND = {"tires", "natural-rubber", "machinery"}  # families drawn as a ring (tires, bales seen end-on, rollers)


def _initials(name):
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:3]).upper() or "?"


def product_png(*, name, family, colour):
    """A 4:3 PNG: a light ground, a ring or a block in the colour, the product's initials. Deterministic."""
    image = Image.new("RGB", SIZE, "#f3f5f4")
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    if family in ROUND:
        draw.ellipse((width / 2 - 110, height / 2 - 110, width / 2 + 110, height / 2 + 110), outline=colour,
                     width=36)
    else:
        draw.rounded_rectangle((60, 60, width - 60, height - 60), radius=24, fill=colour)
    text_colour = colour if family in ROUND else "white"
    font = ImageFont.load_default(size=64)
    draw.text((width / 2, height / 2), _initials(name), fill=text_colour, font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()
