#!/usr/bin/python3
"""Makes the filled templates of Data/other-tools from filled.csv, the way other tools write xlsx.

Run from this folder with Debian's python3 (python3-openpyxl) and LibreOffice (libreoffice-calc-nogui):
    /usr/bin/python3 make_other_tools_files.py
closedxml-template-en.xlsx must be there already (see ../README.md).
"""
import csv
import os
import shutil
import subprocess
import tempfile

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
EN_TO_FR = {
    "Tenant name": "Nom du locataire",
    "Contact name": "Nom du contact",
    "Primary contact": "Contact principal",
    "Contact role": "Rôle du contact",
    "Contact email": "Adresse électronique du contact",
    "Country code": "Code pays",
    "Contact phone number": "Numéro de téléphone du contact",
    "Contact notes": "Notes de contact",
    "Tenant notes": "Notes sur le locataire",
    "Domains": "Domaines",
}


def read_csv():
    with open(os.path.join(HERE, "filled.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def primary_cell(text):
    # As Excel stores a typed TRUE/FALSE: a boolean cell; blank stays blank.
    return {"TRUE": True, "FALSE": False}.get(text, text or None)


def openpyxl_english(headers, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tenants"
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    primary = headers.index("Primary contact")
    for row in rows:
        ws.append([primary_cell(v) if i == primary else (v or None) for i, v in enumerate(row)])
    ws.freeze_panes = "A2"
    wb.save(os.path.join(HERE, "openpyxl-filled-en.xlsx"))


def openpyxl_french_shuffled(headers, rows):
    """French headers in another order, an unknown column, a blank row, a help sheet first."""
    order = [9, 1, 0, 2, 5, 6, 4, 3, 7, 8]
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Lisez-moi"
    notes["A1"] = "Import des locataires de mars"
    ws = wb.create_sheet("Locataires")
    ws.append([EN_TO_FR[headers[i]] for i in order] + ["Commentaires"])
    for n, row in enumerate(rows):
        if n == 2:
            ws.append([])
        ws.append([("VRAI" if row[i] == "TRUE" else "FAUX" if row[i] == "FALSE" else row[i]) or None for i in order]
                  + ["vu au téléphone" if n == 0 else None])
    for column in ws.columns:
        for cell in column:
            cell.number_format = "@"
    wb.save(os.path.join(HERE, "openpyxl-filled-fr-shuffled.xlsx"))


def soffice_convert(source, target_name, infilter=None):
    with tempfile.TemporaryDirectory() as out:
        command = ["soffice", "--headless", "--norestore"]
        if infilter:
            command.append(f"--infilter={infilter}")
        command += ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, source]
        subprocess.run(command, check=True, capture_output=True)
        produced = os.path.join(out, os.path.splitext(os.path.basename(source))[0] + ".xlsx")
        shutil.move(produced, os.path.join(HERE, target_name))


if __name__ == "__main__":
    headers, rows = read_csv()
    openpyxl_english(headers, rows)
    openpyxl_french_shuffled(headers, rows)
    # CSV import with Calc's usual type detection (comma, quote, UTF-8, first line 1): TRUE becomes a
    # boolean and +44 the number 44, as when a user opens a CSV and saves it as xlsx.
    soffice_convert(os.path.join(HERE, "filled.csv"), "libreoffice-from-csv.xlsx", infilter="CSV:44,34,76,1")
    soffice_convert(os.path.join(HERE, "closedxml-template-en.xlsx"), "libreoffice-resaved-template-en.xlsx")
