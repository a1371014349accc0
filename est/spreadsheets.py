"""What every spreadsheet EST writes shares: no cell a spreadsheet program would run."""

#: A cell starting with one of these is a formula to Excel and LibreOffice (tab and carriage
#: return hide one behind white space).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Return ``text`` as a cell a spreadsheet won't run as a formula: with an apostrophe in
    front when it starts like one, else unchanged."""
    if text[:1] in FORMULA_STARTS:
        return "'" + text
    return text
