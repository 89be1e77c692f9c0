"""Which text encoding a spreadsheet saved a CSV in, when it is not UTF-8.

Excel's plain "CSV" is Windows-1252 on Windows and Mac Roman in older Excel for Mac; its "Unicode
text" is UTF-16. General-purpose detectors guess poorly on files this short (a few accented names),
so this module only chooses between those encodings, by which reading gives letters and punctuation
that the pack's languages (English, Spanish, Portuguese, French) use.
"""

from __future__ import annotations

import codecs

#: What each encoding is called in the one-line note a teacher sees.
NAMES = {"cp1252": "Windows-1252 (Excel's \"CSV\" on Windows)", "mac_roman": "Mac Roman (Excel's \"CSV\" on a Mac)",
         "utf-16": "UTF-16 (Excel's \"Unicode text\")"}
ACCENTED = set("áéíóúýàèìòùâêîôûãõñäëïöüÿçÁÉÍÓÚÝÀÈÌÒÙÂÊÎÔÛÃÕÑÄËÏÖÜÇ")
PUNCTUATION = set("‘’“”–—…«»¡¿°€£ºª·\u00a0")


def decode_spreadsheet_bytes(raw: bytes) -> tuple[str, str | None]:
    """The text, and the encoding's name for a note when it was not UTF-8 (None when it was).

    Raises UnicodeDecodeError when the bytes are none of the encodings spreadsheets write.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), NAMES["utf-16"]
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    readings = {}
    for encoding in ("cp1252", "mac_roman"):
        try:
            readings[encoding] = raw.decode(encoding)
        except UnicodeDecodeError:  # cp1252 leaves five bytes undefined
            continue
    if not readings:
        raise UnicodeDecodeError("cp1252", raw, 0, len(raw), "not a spreadsheet's text encoding")
    best = max(readings, key=lambda encoding: (plausibility(readings[encoding]), encoding == "cp1252"))
    return readings[best], NAMES[best]


def plausibility(text: str) -> int:
    """How much a reading looks like the pack's languages.

    An accented letter inside a word counts most; one that stands alone, a capital right after a
    small letter, or a letter glued to a following capital ("añB", a dash misread) counts against,
    as does any symbol those languages do not use; typographic punctuation counts a little.
    """
    score = 0
    padded = f" {text} "
    for position in range(1, len(padded) - 1):
        char = padded[position]
        if char.isascii():
            continue
        before, after = padded[position - 1], padded[position + 1]
        if char in ACCENTED:
            if (char.isupper() and before.islower()) or (before.isalpha() and after.isascii() and after.isupper()):
                score -= 2
            elif not before.isalpha() and not after.isalpha():
                score -= 1
            else:
                score += 2 if before.isalpha() else 1
        elif char in PUNCTUATION:
            score += 1
        else:
            score -= 1
    return score
