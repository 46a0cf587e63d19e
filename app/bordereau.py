"""The *bordereau de versement* (transfer slip) as one printable, self-contained HTML file.

The transferring service signs it, the archives service countersigns it: it must print well
on A4 from any browser, offline (inline CSS, no script, no external resource), and hold
whatever a title contains (``<``, ``&``, quotes, emoji) safely escaped. French by default.

``seda.bordereau.collect`` gives the facts; this module owns the words and the markup and
streams rows to a temporary file beside the destination, renamed into place at the end
(``os.replace``): an error or a cancel leaves nothing behind. No Qt: the CLI uses it too.
"""

from __future__ import annotations

import errno
import hashlib
import html
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO

from app.labels import (
    category_label,
    count,
    final_action_label,
    legal_status_label,
    level_label,
)
from seda.atomic import atomic_file, is_disk_full
from seda.bordereau import Bordereau, FileLine, RootAttachment, Row, RuleLine, collect
from seda.findings import Code, Finding, Severity
from seda.model import Package
from seda.progress import Progress, check
from seda.referentials.agencies_csv import AgenciesReferential
from seda.referentials.rules_csv import RulesReferential
from seda.safepath import check_destination

LANGS = ("fr", "en")
SUFFIX = "-bordereau.html"
CHUNK = 1 << 20
_REPORT_EVERY = 100  # rows between two progress reports
_MAX_INDENT = 12  # deeper units are indented as much as depth 12
# main table column widths (%): no., cote, title (+ level, files), dates, appraisal, access
_WIDTHS = (4, 10, 36, 12, 21, 17)
_WIDTHS_NO_COTE = (4, 0, 44, 12, 22, 18)  # no unit has a cote: no empty column


class BordereauError(Exception):
    """The slip could not be written (nothing was left behind); ``findings`` say why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(", ".join(str(f.code) for f in findings))
        self.findings = findings


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the checks said of the package when it was exported (or the slip made)."""

    errors: int
    warnings: int = 0
    checked_at: datetime = field(default_factory=lambda: datetime.now().astimezone())

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Verdict:
        severities = [f.severity for f in findings]
        return cls(
            errors=severities.count(Severity.ERROR), warnings=severities.count(Severity.WARNING)
        )


def default_path(sip_path: str | os.PathLike[str]) -> Path:
    """``versement.zip`` -> ``versement-bordereau.html``, in the same folder."""
    sip = Path(sip_path)
    return sip.with_name(sip.stem + SUFFIX)


# -- words --------------------------------------------------------------------------------
_TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Bordereau de versement",
        "identification": "Identification du versement",
        "transferring": "Service versant",
        "archival": "Service d'archives",
        "originating": "Service producteur",
        "submission": "Service demandeur",
        "agreement": "Contrat d'entrée",
        "message": "Identifiant du message",
        "date": "Date du versement",
        "seda": "Version SEDA",
        "legal_status": "Statut juridique",
        "acquisition": "Modalités d'entrée",
        "comment": "Commentaire",
        "sip": "Fichier du versement",
        "sip_size": "Taille",
        "missing": "non renseigné",
        "summary": "Contenu du versement",
        "units": "Nombre d'unités d'archives",
        "files": "Nombre de fichiers",
        "volume": "Volume",
        "dates": "Dates extrêmes",
        "formats": "Formats",
        "puid": "Identifiant PRONOM",
        "format": "Format",
        "count": "Fichiers",
        "unknown_format": "format non identifié",
        "attachment": "Rattachement dans l'arbre de positionnement",
        "attach_none": (
            "Aucun rattachement indiqué : le service d'archives place le versement "
            "selon le contrat d'entrée."
        ),
        "attach_all": "Tout le versement ({n}) est rattaché à",
        "attach_unit": "« {title} » est rattachée à",
        "attach_unit_none": "« {title} » : aucun rattachement indiqué",
        "node": "nœud",
        "system_id": "identifiant système",
        "description": "Description des unités d'archives",
        "col_number": "N°",
        "col_cote": "Cote",
        "col_title": "Intitulé",
        "col_level": "Niveau",
        "col_dates": "Dates extrêmes",
        "col_files": "Fichiers / volume",
        "col_appraisal": "DUA / sort final",
        "col_access": "Communicabilité",
        "other_rules": "Autres règles",
        "inherited": "héritée",
        "until": "jusqu'au {date}",
        "from": "à compter du {date}",
        "no_start": "sans date de départ",
        "final": "Sort final : {action}",
        "visas": "Visas",
        "sign_transferring": "Le service versant",
        "sign_archival": "Le service d'archives",
        "name_role": "Nom et qualité du signataire :",
        "sign_date": "Date :",
        "signature": "Signature :",
        "visa": "Visa :",
        "generated": "Bordereau établi avec Verso {version} le {date}.",
        "page": "Page",
        "no_units": "Ce versement ne contient aucune unité d'archives.",
        "page_of": "page {n} / {total}",
        "verdict": "Vérification",
        "verdict_ok": "vérifié le {date} : aucune erreur bloquante",
        "verdict_warnings": "vérifié le {date} : aucune erreur bloquante ({n})",
        "verdict_errors": "vérifié le {date} : {n} que le service d'archives refuserait",
        "file_one": "{n} fichier",
        "file_many": "{n} fichiers",
        "in_all": "en tout : {files}, {size}",
        "no_file": "aucun fichier",
        "annex": "Annexe : liste des fichiers",
        "annex_note": "Chaque fichier figure sous le numéro de la ligne qui le décrit ci-dessus.",
        "col_file": "Fichier",
        "col_format": "Format",
        "col_size": "Taille",
        "col_modified": "Modifié le",
        "no_ext": "sans extension",
        "inherited_from": "héritée",
        "idem": "idem",
    },
    "en": {
        "title": "Transfer slip",
        "identification": "Transfer identification",
        "transferring": "Transferring agency",
        "archival": "Archival agency",
        "originating": "Originating agency",
        "submission": "Submission agency",
        "agreement": "Ingest contract",
        "message": "Message identifier",
        "date": "Transfer date",
        "seda": "SEDA version",
        "legal_status": "Legal status",
        "acquisition": "Acquisition information",
        "comment": "Comment",
        "sip": "SIP file",
        "sip_size": "Size",
        "missing": "not given",
        "summary": "Content of the transfer",
        "units": "Archive units",
        "files": "Files",
        "volume": "Volume",
        "dates": "Date range",
        "formats": "Formats",
        "puid": "PRONOM identifier",
        "format": "Format",
        "count": "Files",
        "unknown_format": "unidentified format",
        "attachment": "Attachment in the positioning tree",
        "attach_none": (
            "No attachment given: the archival agency places the transfer according to "
            "the ingest contract."
        ),
        "attach_all": "The whole transfer ({n}) is attached to",
        "attach_unit": "“{title}” is attached to",
        "attach_unit_none": "“{title}”: no attachment given",
        "node": "node",
        "system_id": "system identifier",
        "description": "Description of the archive units",
        "col_number": "No.",
        "col_cote": "Reference",
        "col_title": "Title",
        "col_level": "Level",
        "col_dates": "Dates",
        "col_files": "Files / volume",
        "col_appraisal": "Retention / final action",
        "col_access": "Access",
        "other_rules": "Other rules",
        "inherited": "inherited",
        "until": "until {date}",
        "from": "from {date}",
        "no_start": "no start date",
        "final": "Final action: {action}",
        "visas": "Signatures",
        "sign_transferring": "The transferring agency",
        "sign_archival": "The archival agency",
        "name_role": "Name and position of the signatory:",
        "sign_date": "Date:",
        "signature": "Signature:",
        "visa": "Approval:",
        "generated": "Slip produced with Verso {version} on {date}.",
        "page": "Page",
        "no_units": "This transfer holds no archive unit.",
        "page_of": "page {n} / {total}",
        "verdict": "Verification",
        "verdict_ok": "checked on {date}: no blocking error",
        "verdict_warnings": "checked on {date}: no blocking error ({n})",
        "verdict_errors": "checked on {date}: {n} the archival agency would refuse",
        "file_one": "{n} file",
        "file_many": "{n} files",
        "in_all": "in all: {files}, {size}",
        "no_file": "no file",
        "annex": "Annex: list of files",
        "annex_note": "Each file is listed under the number of the row describing it above.",
        "col_file": "File",
        "col_format": "Format",
        "col_size": "Size",
        "col_modified": "Modified",
        "no_ext": "no extension",
        "inherited_from": "inherited",
        "idem": "same as above",
    },
}

_MEASUREMENTS = {
    "YEAR": (("an", "ans"), ("year", "years")),
    "MONTH": (("mois", "mois"), ("month", "months")),
    "DAY": (("jour", "jours"), ("day", "days")),
}


def duration_label(duration: str, lang: str = "fr") -> str:
    """ "5 YEAR" -> "5 ans"; "unlimited" -> "illimitée"; anything else unchanged."""
    if duration == "unlimited":
        return "illimitée" if lang == "fr" else "unlimited"
    parts = duration.split()
    if len(parts) == 2 and parts[0].isdigit() and parts[1].upper() in _MEASUREMENTS:
        n = int(parts[0])
        if n == 0:
            return "sans délai" if lang == "fr" else "no delay"
        one, many = _MEASUREMENTS[parts[1].upper()][_index(lang)]
        return f"{n} {one if n <= 1 else many}"
    return duration


def _index(lang: str) -> int:
    return LANGS.index(lang) if lang in LANGS else 0


# -- formatting ---------------------------------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def esc(value: object) -> str:
    """Text for HTML content or attribute: control characters dropped, markup escaped."""
    return html.escape(_CONTROL.sub("", str(value)), quote=True)


def number(n: int, lang: str = "fr") -> str:
    text = f"{n:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def size_text(n: int, lang: str = "fr") -> str:
    """``1,5 Mo`` / ``1.5 MB`` (1024-based, as file managers show)."""
    units = ("o", "Ko", "Mo", "Go", "To") if lang == "fr" else ("B", "KB", "MB", "GB", "TB")
    value = float(n)
    for unit in units:
        if abs(value) < 1024 or unit == units[-1]:
            if unit == units[0]:
                return f"{number(int(value), lang)} {unit}"
            text = f"{value:.1f} {unit}"
            return text.replace(".", ",") if lang == "fr" else text
        value /= 1024
    return f"{n}"  # pragma: no cover - the loop always returns


def _counted(n: int, noun: str, lang: str) -> str:
    """« 1 avertissement », « 1 234 erreurs »: the number as the bordereau writes it, the
    noun agreeing (``app.labels.count``)."""
    return count(n, noun, lang, shown=number(n, lang))


def date_text(value: date | None, lang: str = "fr") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y à %H:%M" if lang == "fr" else "%Y-%m-%d %H:%M")
    return value.strftime("%d/%m/%Y") if lang == "fr" else value.isoformat()


def range_text(start: date | None, end: date | None, lang: str = "fr") -> str:
    """One date when both are equal, ``start – end`` otherwise, "" when none."""
    if start is None and end is None:
        return ""
    if start == end or end is None:
        return date_text(start, lang)
    if start is None:
        return date_text(end, lang)
    return f"{date_text(start, lang)}\u00a0– {date_text(end, lang)}"


# -- style --------------------------------------------------------------------------------
_CSS = """
@page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm;
  @bottom-right { content: "%(page)s " counter(page) " / " counter(pages); font-size: 8pt; } }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 9.5pt;
  color: #111; margin: 0 auto; max-width: 280mm; padding: 8mm; line-height: 1.3; }
h1 { font-size: 18pt; margin: 0 0 2mm 0; }
h2 { font-size: 12pt; margin: 6mm 0 2mm 0; border-bottom: 1px solid #555; padding-bottom: 1mm;
  break-after: avoid; page-break-after: avoid; }
.sub { font-size: 11pt; margin: 0 0 3mm 0; color: #333; }
table { border-collapse: collapse; }
table.kv th { text-align: left; font-weight: normal; color: #444; padding: 1mm 4mm 1mm 0;
  vertical-align: top; white-space: nowrap; }
table.kv td { padding: 1mm 0; vertical-align: top; }
table.list { margin-top: 2mm; }
table.list th, table.list td { border: 1px solid #999; padding: 1mm 2mm; vertical-align: top; }
table.list th { background: #e8e8e8; text-align: left; }
table.units { width: 100%%; }
table.units th, table.units td { border: 1px solid #999; padding: 1mm 1.5mm;
  vertical-align: top; text-align: left; }
table.units th { background: #e8e8e8; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.n, th.n { text-align: right; white-space: nowrap; }
td.num { color: #666; font-size: 8pt; text-align: right; }
.t { font-weight: bold; }
tr.l0 .t { font-size: 10.5pt; }
tr.l0 td { background: #f4f4f4; }
.d { font-size: 8.5pt; color: #333; white-space: pre-line; margin-top: 0.5mm; }
.o { font-size: 8pt; color: #333; margin-top: 0.5mm; }
.code, .id, .hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; }
.hash { word-break: break-all; overflow-wrap: anywhere; }
.r { font-size: 8.5pt; }
.m { font-size: 8pt; color: #333; }
.inh { color: #555; font-style: italic; }
.fa { font-size: 8.5pt; font-weight: bold; margin-top: 0.5mm; }
.missing { color: #888; font-style: italic; }
.cote { font-size: 8.5pt; overflow-wrap: anywhere; }
table.sign { width: 100%%; margin-top: 4mm; break-inside: avoid; page-break-inside: avoid; }
table.sign td { width: 50%%; border: 1px solid #555; padding: 3mm; vertical-align: top;
  height: 55mm; }
table.sign .who { font-size: 10.5pt; }
table.sign p { margin: 0 0 7mm 0; }
.foot { margin-top: 6mm; font-size: 8pt; color: #555; }
.lv { font-size: 8pt; color: #555; font-weight: normal; }
.f { font-size: 8.5pt; margin-top: 0.5mm; }
.ok { font-weight: bold; }
.bad { font-weight: bold; color: #a00; }
table.files { width: 100%%; margin-top: 2mm; }
table.files th, table.files td { border: 1px solid #bbb; padding: 0.5mm 1.5mm; font-size: 8pt;
  vertical-align: top; }
table.files th { background: #e8e8e8; }
.p { overflow-wrap: anywhere; }
.note { font-size: 8.5pt; color: #333; }
@media print {
  body { padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
}
"""


# What Qt's rich text engine understands (a CSS subset: no @page, no box-sizing); the
# PDF's page header, numbers and margins are painted by app.bordereau_pdf.
_QT_CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 8.5pt; color: #111; }
h1 { font-size: 16pt; margin-top: 0; margin-bottom: 4px; }
h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; }
h2.annex { page-break-before: always; }
.sub { font-size: 10pt; color: #333; margin-bottom: 6px; }
th { background-color: #e8e8e8; font-size: 8pt; font-weight: bold; }
th.k { background-color: #ffffff; font-weight: normal; color: #444; font-size: 8.5pt; }
td.n { text-align: right; }
td.num { color: #666; font-size: 7.5pt; }
.t { font-weight: bold; }
tr.l0 td { background-color: #f4f4f4; }
.d { font-size: 8pt; color: #333; white-space: pre-wrap; }
.o { font-size: 7.5pt; color: #333; }
.f { font-size: 8pt; }
.lv { font-size: 7.5pt; color: #555; }
.code, .id, .hash { font-size: 7pt; color: #333; }
.r { font-size: 8pt; }
.m { font-size: 7.5pt; color: #333; }
.inh { color: #555; font-style: italic; }
.fa { font-size: 8pt; font-weight: bold; }
.missing { color: #888; font-style: italic; }
.cote { font-size: 8pt; }
.ok { font-weight: bold; }
.bad { font-weight: bold; color: #a00; }
table.files td, table.files th { font-size: 7.5pt; }
.note { font-size: 8pt; color: #333; }
.foot { font-size: 7.5pt; color: #555; }
"""


def _signature(lines: list[RuleLine]) -> tuple[object, ...]:
    """What two rows must share for the second to say « idem »."""
    return tuple((r.rule_id, r.start_date, r.end_date, r.final_action) for r in lines)


# -- writer -------------------------------------------------------------------------------
class _Writer:
    """Writes the document section by section; rows are streamed one at a time."""

    def __init__(self, out: IO[str], lang: str, *, qt: bool = False) -> None:
        self.out = out
        self.qt = qt
        self.with_cote = True
        self.previous: dict[str, tuple[object, ...]] = {}  # the row above's rules
        self.full_rows: frozenset[str] = frozenset()
        self.lang = lang if lang in LANGS else "fr"
        self.t = _TEXT[self.lang]

    def w(self, text: str) -> None:
        self.out.write(text)

    def missing(self) -> str:
        return f'<span class="missing">{esc(self.t["missing"])}</span>'

    def agency(self, name: str, identifier: str) -> str:
        if name and identifier and name != identifier:
            return f'{esc(name)} <span class="id">({esc(identifier)})</span>'
        return esc(name or identifier) if (name or identifier) else self.missing()

    def kv(self, rows: Iterable[tuple[str, str]]) -> None:
        self.w('<table class="kv" cellpadding="2" cellspacing="0">\n')
        for label, value in rows:
            self.w(f'<tr><th class="k" align="left">{esc(label)}</th><td>{value}</td></tr>\n')
        self.w("</table>\n")

    # header and summary ------------------------------------------------------------------
    def head(self, doc: Bordereau) -> None:
        t, h = self.t, doc.header
        title = t["title"] + (f" — {h.message_identifier}" if h.message_identifier else "")
        self.w(
            f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="Verso">\n<title>{esc(title)}</title>\n'
            f"<style>{_QT_CSS if self.qt else _CSS % {'page': esc(t['page'])}}</style>\n"
            "</head>\n<body>\n"
        )
        self.w(f"<h1>{esc(t['title'])}</h1>\n")
        who = " → ".join(
            x
            for x in (
                h.transferring_agency_name or h.transferring_agency,
                h.archival_agency_name or h.archival_agency,
            )
            if x
        )
        if who:
            self.w(f'<p class="sub">{esc(who)}</p>\n')

    def identification(
        self,
        doc: Bordereau,
        sip_path: Path | None,
        sip_size: int | None,
        sha512: str,
        verdict: Verdict | None = None,
    ) -> None:
        t, h, lang = self.t, doc.header, self.lang
        self.w(f"<h2>{esc(t['identification'])}</h2>\n")
        rows = [
            (t["transferring"], self.agency(h.transferring_agency_name, h.transferring_agency)),
            (t["archival"], self.agency(h.archival_agency_name, h.archival_agency)),
            (t["originating"], self.agency(h.originating_agency_name, h.originating_agency)),
        ]
        if h.submission_agency:
            rows.append(
                (t["submission"], self.agency(h.submission_agency_name, h.submission_agency))
            )
        rows += [
            (t["agreement"], esc(h.archival_agreement) if h.archival_agreement else self.missing()),
            (
                t["message"],
                f'<span class="id">{esc(h.message_identifier)}</span>'
                if h.message_identifier
                else self.missing(),
            ),
            (t["date"], esc(date_text(h.date, lang)) if h.date else self.missing()),
            (t["seda"], esc(h.seda_version)),
        ]
        if h.legal_status:
            rows.append((t["legal_status"], esc(legal_status_label(h.legal_status, lang))))
        if h.acquisition_information:
            rows.append((t["acquisition"], esc(h.acquisition_information)))
        if h.comment:
            rows.append((t["comment"], f'<span class="d">{esc(h.comment)}</span>'))
        if sip_path is not None:
            parts = [f'<span class="id">{esc(sip_path.name)}</span>']
            if sip_size is not None:
                word = "octets" if lang == "fr" else "bytes"
                parts.append(
                    f"{esc(t['sip_size'])} : {esc(size_text(sip_size, lang))} "
                    f"({esc(number(sip_size, lang))} {word})"
                    if lang == "fr"
                    else f"{esc(t['sip_size'])}: {esc(size_text(sip_size, lang))} "
                    f"({esc(number(sip_size, lang))} {word})"
                )
            if sha512:
                parts.append(f'SHA-512 : <span class="hash">{esc(sha512)}</span>')
            rows.append((t["sip"], "<br>".join(parts)))
        if verdict is not None:
            when = date_text(verdict.checked_at.date(), lang)
            if verdict.errors:
                text = t["verdict_errors"].format(
                    date=when, n=_counted(verdict.errors, "error", lang)
                )
            elif verdict.warnings:
                text = t["verdict_warnings"].format(
                    date=when, n=_counted(verdict.warnings, "warning", lang)
                )
            else:
                text = t["verdict_ok"].format(date=when)
            cls = "bad" if verdict.errors else "ok"
            rows.append((t["verdict"], f'<span class="{cls}">{esc(text)}</span>'))
        self.kv(rows)

    def summary(self, doc: Bordereau) -> None:
        t, tot, lang = self.t, doc.totals, self.lang
        self.w(f"<h2>{esc(t['summary'])}</h2>\n")
        dates = range_text(tot.start_date, tot.end_date, lang)
        self.kv(
            [
                (t["units"], esc(number(tot.units, lang))),
                (t["files"], esc(number(tot.files, lang))),
                (t["volume"], esc(size_text(tot.size, lang))),
                (t["dates"], esc(dates) if dates else self.missing()),
            ]
        )
        if not tot.formats:
            return
        self.w(
            '<table class="list formats" border="1" cellpadding="3" cellspacing="0">\n'
            f'<thead><tr><th align="left">{esc(t["puid"])}</th>'
            f'<th align="left">{esc(t["format"])}</th><th class="n">{esc(t["count"])}</th>'
            f'<th class="n">{esc(t["volume"])}</th></tr></thead>\n<tbody>\n'
        )
        for f in tot.formats:
            puid = f'<span class="code">{esc(f.puid)}</span>' if f.puid else ""
            name = (
                esc(f.name)
                if f.puid
                else f'<span class="missing">{esc(t["unknown_format"])}</span>'
            )
            self.w(
                f'<tr><td>{puid}</td><td>{name}</td><td class="n">{esc(number(f.count, lang))}</td>'
                f'<td class="n">{esc(size_text(f.size, lang))}</td></tr>\n'
            )
        self.w("</tbody>\n</table>\n")

    def target(self, a: RootAttachment) -> str:
        t = self.t
        parts = []
        if a.node_title:
            parts.append(
                f"{esc(t['node'])} « {esc(a.node_title)} »"
                if self.lang == "fr"
                else f"{esc(t['node'])} “{esc(a.node_title)}”"
            )
        if a.system_id:
            parts.append(f'{esc(t["system_id"])} <span class="id">{esc(a.system_id)}</span>')
        elif a.metadata_name:
            parts.append(
                f'<span class="id">{esc(a.metadata_name)} = {esc(a.metadata_value)}</span>'
            )
        return ", ".join(parts)

    def attachments(self, doc: Bordereau) -> None:
        t = self.t
        self.w(f"<h2>{esc(t['attachment'])}</h2>\n")
        roots = doc.attachments
        if not any(a.is_set for a in roots):
            self.w(f"<p>{esc(t['attach_none'])}</p>\n")
            return
        keys = {(a.system_id, a.metadata_name, a.metadata_value, a.node_title) for a in roots}
        if len(keys) == 1:
            lead = t["attach_all"].format(n=_counted(len(roots), "root_unit", self.lang))
            sep = " : " if self.lang == "fr" else ": "
            self.w(f"<p>{esc(lead)}{sep}{self.target(roots[0])}.</p>\n")
            return
        self.w("<ul>\n")
        for a in roots:
            if a.is_set:
                lead = t["attach_unit"].format(title=a.unit_title)
                sep = " : " if self.lang == "fr" else ": "
                self.w(f"<li>{esc(lead)}{sep}{self.target(a)}</li>\n")
            else:
                self.w(f"<li>{esc(t['attach_unit_none'].format(title=a.unit_title))}</li>\n")
        self.w("</ul>\n")

    # main table ---------------------------------------------------------------------------
    def table_start(self, with_cote: bool = True) -> None:
        t = self.t
        self.with_cote = with_cote
        self.w(f"<h2>{esc(t['description'])}</h2>\n")
        cols = (
            "col_number",
            "col_cote",
            "col_title",
            "col_dates",
            "col_appraisal",
            "col_access",
        )
        self.w(
            '<table class="units" border="1" cellpadding="3" cellspacing="0" width="100%">\n'
            "<thead><tr>"
        )
        widths = _WIDTHS if with_cote else _WIDTHS_NO_COTE
        for key, width in zip(cols, widths, strict=True):
            if width:
                self.w(f'<th align="left" width="{width}%">{esc(t[key])}</th>')
        self.w("</tr></thead>\n<tbody>\n")

    def rule_name(self, r: RuleLine) -> str:
        """« 10 ans — Délibérations » (code in small), the code alone when unknown."""
        code = f'<span class="code">{esc(r.rule_id)}</span>'
        words = [duration_label(r.duration, self.lang)] if r.duration else []
        if r.label:
            words.append(r.label)
        return f"{esc(' — '.join(words))} {code}" if words else code

    def rule_lines(self, lines: list[RuleLine], *, with_final: bool) -> str:
        t, lang = self.t, self.lang
        out = []
        for r in lines:
            meta = []
            if r.end_date is not None:
                meta.append(esc(t["until"].format(date=date_text(r.end_date, lang))))
            elif r.start_date is not None:
                meta.append(esc(t["from"].format(date=date_text(r.start_date, lang))))
            elif r.category != "HoldRule":
                meta.append(esc(t["no_start"]))
            if r.inherited:  # one line, code left to the row declaring it
                words = [duration_label(r.duration, lang)] if r.duration else []
                name = esc(" — ".join([*words, r.label])) if r.label else self.rule_name(r)
                tail = " · ".join([name, *meta])
                out.append(
                    f'<div class="r">{tail} <span class="inh">({esc(t["inherited"])})</span></div>'
                )
                continue
            out.append(f'<div class="r">{self.rule_name(r)}</div>')
            if meta:
                out.append(f'<div class="m">{" · ".join(meta)}</div>')
        if with_final and lines and lines[0].final_action:
            action = final_action_label(lines[0].final_action, lang)
            out.append(f'<div class="fa">{esc(t["final"].format(action=action))}</div>')
        return "".join(out)

    def others(self, row: Row) -> str:
        parts = []
        for category, lines in row.rules.items():
            if category in ("AppraisalRule", "AccessRule"):
                continue
            items = []
            for r in lines:
                text = r.label or r.rule_id
                if r.end_date is not None:
                    text += (
                        " (" + self.t["until"].format(date=date_text(r.end_date, self.lang)) + ")"
                    )
                items.append(text)
            if category in ("StorageRule",) and lines and lines[0].final_action:
                items.append(final_action_label(lines[0].final_action, self.lang))
            sep = " : " if self.lang == "fr" else ": "
            parts.append(category_label(category, self.lang) + sep + ", ".join(items))
        if not parts:
            return ""
        sep = " : " if self.lang == "fr" else ": "
        return f'<div class="o">{esc(self.t["other_rules"] + sep + " ; ".join(parts))}</div>'

    def files_text(self, n: int) -> str:
        key = "file_one" if n <= 1 else "file_many"
        return self.t[key].format(n=number(n, self.lang))

    def summary_text(self, row: Row) -> str:
        """ "12 fichiers, 4,2 Mo, PDF ×10, ODT ×2" (+ the whole subtree when larger)."""
        lang, folded = self.lang, row.folded
        parts = []
        if folded is not None and folded.files:
            parts = [self.files_text(folded.files), size_text(folded.size, lang)]
            for kind, n in folded.kinds:
                parts.append(f"{kind or self.t['no_ext']} ×{number(n, lang)}")
        text = ", ".join(parts)
        if row.files and (folded is None or row.files > folded.files):
            whole = self.t["in_all"].format(
                files=self.files_text(row.files), size=size_text(row.size, lang)
            )
            text = f"{text} — {whole}" if text else whole
        return text

    def row(self, row: Row) -> None:
        lang = self.lang
        indent = min(row.depth, _MAX_INDENT) * 1.1
        style = f' style="margin-left:{indent:.1f}em"' if row.depth else ""
        desc = f'<div class="d">{esc(row.description)}</div>' if row.description else ""
        cote = "<br>".join(esc(c) for c in row.cote)
        cote_cell = f'<td class="cote">{cote}</td>' if self.with_cote else ""
        files = self.summary_text(row)
        files_html = f'<div class="f">{esc(files)}</div>' if files else ""
        level = f'<span class="lv">{esc(level_label(row.level, lang))}</span>'
        self.w(
            f'<tr class="l{min(row.depth, 1)}">'
            f'<td class="num">{row.number}</td>{cote_cell}'
            f'<td><div{style}><strong class="t">{esc(row.title)}</strong> {level}'
            f"{desc}{files_html}{self.others(row)}</div></td>"
            f"<td>{esc(range_text(row.start_date, row.end_date, lang))}</td>"
            f"<td>{self.rules_cell(row, 'AppraisalRule')}</td>"
            f"<td>{self.rules_cell(row, 'AccessRule')}</td>"
            "</tr>\n"
        )
        self.previous = {c: _signature(lines) for c, lines in row.rules.items()}

    def rules_cell(self, row: Row, category: str) -> str:
        """The category's rules, or « idem » when the row only inherits exactly what the
        row above shows (same rules, end dates and final action): a slip of 40 dossiers
        under one rule reads, and prints, as the archivist writes it by hand."""
        lines = row.rules.get(category, [])
        if (
            lines
            and str(row.number) not in self.full_rows
            and all(r.inherited for r in lines)
            and self.previous.get(category) == _signature(lines)
        ):
            return f'<div class="r inh">{esc(self.t["idem"])}</div>'
        return self.rule_lines(lines, with_final=category == "AppraisalRule")

    def table_end(self, empty: bool) -> None:
        if empty:
            span = 6 if self.with_cote else 5
            self.w(f'<tr><td colspan="{span}">{esc(self.t["no_units"])}</td></tr>\n')
        self.w("</tbody>\n</table>\n")

    # annex --------------------------------------------------------------------------------
    def annex_start(self) -> None:
        t = self.t
        self.w(
            f'<h2 class="annex">{esc(t["annex"])}</h2>\n<p class="note">{esc(t["annex_note"])}</p>\n'
        )
        self.w(
            '<table class="files" border="1" cellpadding="2" cellspacing="0" width="100%">\n'
            f'<thead><tr><th align="left" width="6%">{esc(t["col_number"])}</th>'
            f'<th align="left" width="50%">{esc(t["col_file"])}</th>'
            f'<th align="left" width="20%">{esc(t["col_format"])}</th>'
            f'<th align="right" width="11%">{esc(t["col_size"])}</th>'
            f'<th align="left" width="13%">{esc(t["col_modified"])}</th></tr></thead>\n<tbody>\n'
        )

    def annex_line(self, f: FileLine) -> None:
        lang = self.lang
        fmt = (
            f'<span class="code">{esc(f.puid)}</span> {esc(f.format_name)}'
            if f.puid
            else f'<span class="missing">{esc(self.t["unknown_format"])}</span>'
        )
        modified = f.last_modified.date() if f.last_modified is not None else None
        self.w(
            f'<tr><td class="num">{f.row_number}</td><td class="p">{esc(f.path)}</td>'
            f'<td class="fm">{fmt}</td><td class="n" align="right">{esc(size_text(f.size, lang))}</td>'
            f"<td>{esc(date_text(modified, lang))}</td></tr>\n"
        )

    def annex_end(self) -> None:
        self.w("</tbody>\n</table>\n")

    # signatures ---------------------------------------------------------------------------
    def signatures(self, doc: Bordereau) -> None:
        t, h = self.t, doc.header
        boxes = (
            (
                t["sign_transferring"],
                h.transferring_agency_name or h.transferring_agency,
                "signature",
            ),
            (t["sign_archival"], h.archival_agency_name or h.archival_agency, "visa"),
        )
        self.w(f"<h2>{esc(t['visas'])}</h2>\n")
        self.w('<table class="sign" border="1" cellpadding="8" cellspacing="0" width="100%"><tr>')
        for who, name, last in boxes:
            self.w(
                f'<td width="50%" valign="top"><p><strong class="who">{esc(who)}</strong>'
                + (f"<br>{esc(name)}" if name else "")
                + f"</p><p>{esc(t['name_role'])}</p><p>{esc(t['sign_date'])}</p>"
                f"<p>{esc(t[last])}</p><p>&nbsp;</p>"
                # Qt ignores the cell's CSS height: room to sign, as blank lines
                 + ("<p>&nbsp;</p>" * 4 if self.qt else "") + "</td>"
            )
        self.w("</tr></table>\n")

    def foot(self) -> None:
        from seda import __version__

        now = datetime.now().astimezone()
        text = self.t["generated"].format(version=__version__, date=date_text(now, self.lang))
        self.w(f'<p class="foot">{esc(text)}</p>\n</body>\n</html>\n')


# -- public -------------------------------------------------------------------------------
def sip_digest(path: str | os.PathLike[str], progress: Progress | None = None) -> str:
    """SHA-512 of the SIP zip, streamed in 1 MiB chunks (cancellable)."""
    digest = hashlib.sha512()
    total = os.path.getsize(path)
    done = 0
    name = os.path.basename(os.fspath(path))
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            check(progress)
            digest.update(chunk)
            done += len(chunk)
            if progress is not None:
                progress.report(done, total, name)
    return digest.hexdigest()


def slip_error(code: Code, path: Path, error: str) -> BordereauError:
    """One finding about the slip at ``path``, raised as ``BordereauError``."""
    return BordereauError([Finding(code, Severity.ERROR, str(path), {"error": error})])


def write_failure(exc: OSError, path: Path) -> BordereauError:
    """The slip could not be written at ``path``: a full disk says so (``DISK_FULL``, the
    export's sentence), anything else names the system's reason and its errno, which
    ``app.messages`` says in French when it is a common one (access refused, read-only)."""
    if is_disk_full(exc):
        return BordereauError([Finding(Code.DISK_FULL, Severity.ERROR, str(path), {})])
    params = {"error": exc.strerror or str(exc), "errno": errno.errorcode.get(exc.errno or 0, "")}
    return BordereauError([Finding(Code.BORDEREAU_WRITE_ERROR, Severity.ERROR, str(path), params)])


def slip_destination(
    dest: str | os.PathLike[str],
    package: Package,
    sip_path: str | os.PathLike[str] | None = None,
) -> Path:
    """``dest`` made absolute; ``BordereauError`` when the one output guard
    (``seda.safepath``) refuses it: a folder, a missing folder, a special file, the SIP,
    a described file, or a place inside a described folder (links and ``..`` seen through)."""
    sources = [obj.source for _unit, obj in package.objects()]
    zips = {s[4:].rsplit("!", 1)[0] for s in sources if s.startswith("zip:")}
    inputs: list[str | Path] = [*(u.source for u in package.roots if u.source), *zips]
    if sip_path:
        inputs.append(Path(os.path.abspath(os.fspath(sip_path))))
    unsafe = check_destination(dest, inputs=inputs, files=sources)
    if unsafe is not None:
        raise BordereauError([unsafe])
    return Path(os.path.abspath(os.fspath(dest)))


def sip_facts(
    sip_path: str | os.PathLike[str] | None,
    sip_sha512: str | None,
    progress: Progress | None,
) -> tuple[Path | None, int | None, str]:
    """(absolute SIP path, its size, its SHA-512) — the digest read once when not given."""
    sip: Path | None = Path(os.path.abspath(os.fspath(sip_path))) if sip_path else None
    size: int | None = None
    digest = sip_sha512 or ""
    if sip is not None:
        try:
            size = sip.stat().st_size
            if not digest:
                digest = sip_digest(sip, progress)
        except OSError as exc:
            raise slip_error(Code.BORDEREAU_SIP_UNREADABLE, sip, exc.strerror or str(exc)) from exc
    return sip, size, digest


def render(
    out: IO[str],
    doc: Bordereau,
    *,
    lang: str = "fr",
    sip: Path | None = None,
    sip_size: int | None = None,
    sha512: str = "",
    verdict: Verdict | None = None,
    depth: int | None = None,
    annex: bool = False,
    progress: Progress | None = None,
    qt: bool = False,
    full_rows: frozenset[str] = frozenset(),
) -> None:
    """Write the whole document to ``out``; ``qt``: the markup and style Qt's rich text
    engine renders (``app.bordereau_pdf``), not the browser's print stylesheet.

    Progress counts units (each row stands for its own unit and those folded into it).
    """
    total = doc.totals.units
    writer = _Writer(out, lang, qt=qt)
    writer.full_rows = full_rows  # rows that start a PDF page: never « idem »
    writer.head(doc)
    writer.identification(doc, sip, sip_size, sha512, verdict)
    writer.summary(doc)
    writer.attachments(doc)
    writer.table_start(with_cote=doc.has_cote)
    done = rows = 0
    last = 0
    if progress is not None:
        progress.report(0, total, "")
    for row in doc.described_rows(depth):
        check(progress)
        writer.row(row)
        rows += 1
        done += row.folded.units if row.folded is not None else 1
        if progress is not None and done - last >= _REPORT_EVERY:
            last = done
            progress.report(min(done, total), total, "")
    writer.table_end(empty=rows == 0)
    writer.signatures(doc)
    if annex and doc.totals.files:
        writer.annex_start()
        for n, line in enumerate(doc.files(depth)):
            if n % _REPORT_EVERY == 0:
                check(progress)
            writer.annex_line(line)
        writer.annex_end()
    writer.foot()
    if progress is not None:
        progress.report(total, total, "")


def write_bordereau(
    package: Package,
    dest: str | os.PathLike[str],
    *,
    lang: str = "fr",
    rules: RulesReferential | None = None,
    agencies: AgenciesReferential | None = None,
    sip_path: str | os.PathLike[str] | None = None,
    sip_sha512: str | None = None,
    progress: Progress | None = None,
    message_identifier: str = "",
    date: datetime | None = None,
    verdict: Verdict | None = None,
    depth: int | None = None,
    annex: bool = False,
) -> Path:
    """Write the slip for ``package`` at ``dest`` (HTML, UTF-8) and return its path.

    ``sip_path``: the exported zip, named in the document with its size and SHA-512
    (``sip_sha512``, or computed by reading the zip once). ``message_identifier`` / ``date``:
    what ``export_sip`` wrote when the header left them empty. ``agencies`` names the
    agencies the header leaves unnamed; ``verdict``: the checks' result at export time.
    ``depth``: list units down to this depth only (default: every described unit);
    ``annex``: add the list of every file. Progress is per unit (after the SIP's bytes
    when its digest is computed). Raises ``Cancelled`` or ``BordereauError``; either way
    nothing is left behind and a previous ``dest`` is kept.
    Thread-affinity: none (reads the package; the caller does not mutate it meanwhile).
    """
    dest = slip_destination(dest, package, sip_path)
    sip, sip_size, digest = sip_facts(sip_path, sip_sha512, progress)
    doc = collect(
        package,
        rules=rules,
        agencies=agencies,
        message_identifier=message_identifier,
        date=date,
    )
    try:
        with atomic_file(dest, text=True, errors="replace") as out:
            render(
                out,
                doc,
                lang=lang,
                sip=sip,
                sip_size=sip_size,
                sha512=digest,
                verdict=verdict,
                depth=depth,
                annex=annex,
                progress=progress,
            )
    except OSError as exc:
        raise write_failure(exc, dest) from exc
    return dest


__all__ = [
    "BordereauError",
    "Verdict",
    "slip_destination",
    "slip_error",
    "default_path",
    "render",
    "sip_facts",
    "sip_digest",
    "write_bordereau",
    "write_failure",
]
