#!/usr/bin/python3
"""Makes the corpus of bad uploads in this folder. See README.md for what each file is.

Run from this folder with Debian's python3 and python3-openpyxl, python3-uno, python3-msoffcrypto-tool (to check)
and LibreOffice (libreoffice-calc-nogui) installed:
    /usr/bin/python3 make_bad_files.py
"""
import datetime
import io
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import zipfile

import openpyxl
from openpyxl.styles import PatternFill

HERE = os.path.dirname(os.path.abspath(__file__))
MIB = 1024 * 1024
HEADERS = ["Tenant name", "Contact name", "Primary contact", "Contact role", "Contact email",
           "Country code", "Contact phone number", "Contact notes", "Tenant notes", "Domains"]
ROWS = [
    ["Contoso Ltd", "Jane Doe", "TRUE", "IT manager", "jane.doe@contoso.com", "+44", "020 7946 0000", None, None, "contoso.com"],
    ["Contoso Ltd", "John Smith", "FALSE", None, "john.smith@contoso.com", "+44", "020 7946 0001", None, None, None],
]


def path(name):
    return os.path.join(HERE, name)


def write(name, data):
    with open(path(name), "wb") as f:
        f.write(data)


def workbook_bytes(header=HEADERS, rows=ROWS, fill=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    if header is not None:
        ws.append(header)
    for row in rows:
        ws.append(row)
    if fill:
        fill(ws)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def rezip(source, drop=(), replace=None, extra=None):
    """Copies the zip `source`, dropping some entries, replacing others, and adding more."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename in drop:
                continue
            zout.writestr(item.filename, replace.get(item.filename, zin.read(item.filename)))
        if extra:
            extra(zout)
    return out.getvalue()


def soffice_convert(data, source_ext, target):
    """Converts with LibreOffice; target is e.g. 'xls' or 'ods'."""
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "in." + source_ext)
        with open(source, "wb") as f:
            f.write(data)
        subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", target, "--outdir", work, source],
                       check=True, capture_output=True)
        with open(os.path.join(work, "in." + target), "rb") as f:
            return f.read()


def libreoffice_encrypt(data, password):
    """Saves an xlsx with a password from LibreOffice Calc, through UNO, as a user would with File > Save As."""
    import uno
    from com.sun.star.beans import NamedValue, PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    with tempfile.TemporaryDirectory() as work:
        source, target = os.path.join(work, "in.xlsx"), os.path.join(work, "out.xlsx")
        with open(source, "wb") as f:
            f.write(data)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        office = subprocess.Popen(["soffice", "--headless", "--norestore", "--nologo",
                                   f"-env:UserInstallation=file://{work}/profile",
                                   f"--accept=socket,host=127.0.0.1,port={port};urp;"])
        desktop = None
        try:
            resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
                "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
            for _ in range(60):
                try:
                    context = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                    break
                except Exception:
                    time.sleep(1)
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
            # The OOXML export encrypts (ECMA-376 agile encryption) when EncryptionData carries a password.
            secret = [NamedValue(), NamedValue()]
            secret[0].Name, secret[0].Value = "CryptoType", "StrongEncryptionDataSpace"
            secret[1].Name, secret[1].Value = "OOXPassword", password
            encryption = uno.Any("[]com.sun.star.beans.NamedValue", tuple(secret))
            uno.invoke(document, "storeToURL", (uno.systemPathToFileUrl(target),
                       (prop("FilterName", "Calc MS Excel 2007 XML"), prop("EncryptionData", encryption))))
            document.close(True)
        finally:
            try:
                if desktop is not None:
                    desktop.terminate()
            except Exception:
                pass  # the bridge closes as the office quits
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()
        with open(target, "rb") as f:
            return f.read()


def check_encrypted(name):
    """msoffcrypto-tool -t exits 0 for an encrypted Office file (Debian's 5.0 cannot encrypt, only check)."""
    subprocess.run(["msoffcrypto-tool", "-t", path(name)], check=True, capture_output=True)


def zeros_entry(name, size):
    def add(zout):
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zout.open(info, "w", force_zip64=True) as entry:
            chunk = bytes(MIB)
            for _ in range(size // MIB):
                entry.write(chunk)
    return add


def lie_about_size(data, name, claimed):
    """Patches the uncompressed size that the local header and the central directory claim for one entry."""
    data = bytearray(data)
    encoded = name.encode()
    # Central directory header: signature PK\1\2, uncompressed size at +24, name length at +28, name at +46.
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + name_length]) == encoded:
            local = struct.unpack_from("<I", data, at + 42)[0]
            struct.pack_into("<I", data, at + 24, claimed)
            struct.pack_into("<I", data, local + 22, claimed)  # local header: uncompressed size at +22
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def main():
    valid = workbook_bytes()

    write("empty.xlsx", b"")
    write("text-renamed.xlsx", (",".join(HEADERS) + "\nContoso Ltd,Jane Doe,TRUE,,,,,,,\n").encode())
    write("html-renamed.xlsx", b"<html><body><table><tr><td>Tenant name</td><td>Contact name</td></tr>"
                               b"<tr><td>Contoso Ltd</td><td>Jane Doe</td></tr></table></body></html>\n")
    write("pdf-renamed.xlsx", b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                              b"trailer<</Root 1 0 R>>\n%%EOF\n")
    write("image-renamed.xlsx", bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(32))
    write("legacy-excel97.xlsx", soffice_convert(valid, "xlsx", "xls"))
    write("opendocument-renamed.xlsx", soffice_convert(valid, "xlsx", "ods"))
    write("password-protected-libreoffice.xlsx", libreoffice_encrypt(valid, "secret"))
    check_encrypted("password-protected-libreoffice.xlsx")
    write("truncated.xlsx", valid[: len(valid) // 2])
    with io.BytesIO() as out:
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("readme.txt", "Not a workbook.")
        write("zip-without-workbook.xlsx", out.getvalue())
    write("no-content-types.xlsx", rezip(valid, drop={"[Content_Types].xml"}))
    write("corrupt-sheet-xml.xlsx", rezip(valid, replace={"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row r=\"1\"><c"}))
    write("zip-bomb-ratio.xlsx", rezip(valid, extra=zeros_entry("xl/media/padding.bin", 64 * MIB)))
    write("lying-sizes.xlsx", lie_about_size(valid, "xl/worksheets/sheet1.xml", 100))
    write("too-many-entries.xlsx", rezip(valid, extra=lambda z: [z.writestr(f"customXml/item{i}.xml", "<a/>") for i in range(1500)]))
    write("too-large.xlsx", valid + bytes(10 * MIB + 1024 - len(valid)))

    write("empty-sheet.xlsx", workbook_bytes(header=None, rows=[]))

    def blanks(ws):
        ws["A1"] = "   "
        ws["B3"] = "\u00a0"
        for cell in ("A2", "C4", "D5"):
            ws[cell].fill = PatternFill("solid", fgColor="FFFF00")
    write("blank-only.xlsx", workbook_bytes(header=None, rows=[], fill=blanks))
    write("wrong-headers.xlsx", workbook_bytes(header=["Name", "Email", "Phone"], rows=[["Contoso", "a@contoso.com", "0123"]]))
    write("missing-required-column.xlsx", workbook_bytes(
        header=[h for h in HEADERS if h != "Contact name"], rows=[[r[0]] + r[2:] for r in ROWS]))
    write("duplicate-columns.xlsx", workbook_bytes(header=HEADERS + ["Adresse électronique du contact"], rows=ROWS))
    write("title-above-headers.xlsx", workbook_bytes(header=["Tenant import, March"], rows=[[], HEADERS] + ROWS))
    write("header-only.xlsx", workbook_bytes(rows=[]))

    def formulas(ws):
        ws["B2"] = '="Jane"&" Doe"'
        ws["G3"] = "=1+1"
    write("formulas.xlsx", workbook_bytes(fill=formulas))

    def dates(ws):
        ws["G2"] = datetime.date(2024, 3, 1)
        ws["H3"] = datetime.datetime(2024, 3, 1, 9, 30)
    write("dates.xlsx", workbook_bytes(fill=dates))

    # One row more than the default limit of 200,000 data rows; each row holds one short string.
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADERS)
    for _ in range(200_001):
        ws.append(["T"])
    with io.BytesIO() as out:
        wb.save(out)
        write("too-many-rows.xlsx", out.getvalue())


if __name__ == "__main__":
    main()
