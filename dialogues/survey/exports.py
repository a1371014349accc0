"""A wave's results as files: CSV and Excel of the aggregates (never a response), and a PDF.
All of them are made from ``results.wave_results``, so what is hidden there is hidden here."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from est.pdf import pdf_render
from est.spreadsheets import safe_cell

from .results import WaveResults, avoided_cells


def _percent(value) -> str:
    return "" if value is None else f"{value * 100:.1f}"


def result_rows(results: WaveResults) -> list[list]:
    """Return the aggregate rows of ``results``, a header first: question, grouping, group,
    answer, respondents, count, share and its 95 % interval in per cent, the change from the
    previous wave and whether it is larger than chance. Hidden figures are empty cells with
    the reason in the last column."""
    hidden = _("hidden: fewer than %(minimum)s responses") % {"minimum": results.minimum}
    rows = [
        [
            _("Question"),
            _("Grouping"),
            _("Group"),
            _("Answer"),
            _("Respondents"),
            _("Count"),
            _("Share %"),
            _("Low %"),
            _("High %"),
            _("Change (points)"),
            _("Larger than chance"),
            _("Note"),
        ]
    ]
    for result in results.questions:
        for _key, grouping, groups in result.breakdowns:
            for group in groups:
                prefix = [str(result.question.text), str(grouping), group.label]
                if group.shares is None:
                    rows.append([*prefix, "", "", "", "", "", "", "", "", hidden])
                    continue
                for share in group.shares:
                    change = "" if share.change is None else f"{share.change * 100:+.1f}"
                    rows.append(
                        [
                            *prefix,
                            str(result.option_text(share.option)),
                            group.respondents,
                            "" if share.count is None else share.count,
                            _percent(share.share),
                            _percent(share.low),
                            _percent(share.high),
                            change,
                            (_("yes") if share.significant else _("no")) if change else "",
                            hidden if share.count is None else "",
                        ]
                    )
    return rows


def results_csv(results: WaveResults) -> str:
    """Return the aggregate rows as CSV text, every text cell safe for a spreadsheet."""
    output = io.StringIO()
    writer = csv.writer(output)
    for row in result_rows(results):
        writer.writerow([safe_cell(cell) if isinstance(cell, str) else cell for cell in row])
    return output.getvalue()


def results_xlsx(results: WaveResults) -> bytes:
    """Return the aggregate rows as an Excel workbook, every text cell safe."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Results")[:31])
    for row in result_rows(results):
        sheet.append([safe_cell(cell) if isinstance(cell, str) else cell for cell in row])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def results_pdf(results: WaveResults) -> bytes:
    """Return the results as a PDF to print, in the reader's language, the places avoided
    listed by cell."""
    return pdf_render(
        "dialogues/survey/results_document.html",
        {"results": results, "cells": avoided_cells(results.wave)},
        title=results.wave.title,
    )
