"""Which characters are letters of the Latin script: the names people and places have in a
Dutch gemeente (Dutch, Turkish, Polish, Vietnamese ...), not sounds or symbols. Pure."""

from __future__ import annotations

# The Unicode blocks of the Latin script that hold the letters of people's and places' names:
# Basic Latin, Latin-1 Supplement, Extended-A and -B, Extended Additional (Vietnamese), and
# Extended-C, -D and -E. IPA Extensions (U+0250-U+02AF) and the phonetic blocks are left out:
# they are sounds, not letters anyone spells a name with.
LATIN_BLOCKS = ((0x0041, 0x005A), (0x0061, 0x007A), (0x00C0, 0x024F), (0x1E00, 0x1EFF),
                 (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F))
COMBINING = (0x0300, 0x036F)  # combining diacritical marks, as NFD text and some names carry them


def in_latin_block(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in LATIN_BLOCKS)


def is_latin_letter(ch: str) -> bool:
    """A letter of the Latin script, with or without accents (after NFC)."""
    return ch.isalpha() and in_latin_block(ch)


def latin_letters(text: str) -> list[bool]:
    """Per character: is it a Latin letter, or a combining mark on one (for accents that
    have no single character, which NFC cannot compose)?"""
    marks: list[bool] = []
    for index, ch in enumerate(text):
        on_letter = index > 0 and marks[-1]
        marks.append(is_latin_letter(ch) or (on_letter and COMBINING[0] <= ord(ch) <= COMBINING[1]))
    return marks
