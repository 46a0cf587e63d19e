"""The *bordereau de versement* (transfer slip) as one printable, self-contained HTML file.

The transferring service signs it, the archives service countersigns it: it must print well
on A4 from any browser, offline (inline CSS, no script, no external resource), and hold
whatever a title contains (``<``, ``&``, quotes, emoji) safely escaped. French by default.

``seda.bordereau.collect`` gives the facts; this module owns the words and the markup and
streams rows to a temporary file beside the destination, renamed into place at the end
(``os.replace``): an error or a cancel leaves nothing behind. No Qt: the CLI uses it too.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import IO

from app.labels import category_label, final_action_label, legal_status_label, level_label
from seda.atomic import atomic_file
from seda.bordereau import Bordereau, RootAttachment, Row, RuleLine, collect
from seda.findings import Code, Finding, Severity
from seda.model import Package
from seda.progress import Progress, check
from seda.referentials.rules_csv import RulesReferential

LANGS = ("fr", "en")
SUFFIX = "-bordereau.html"
CHUNK = 1 << 20
_REPORT_EVERY = 100  # rows between two progress reports
_MAX_INDENT = 12  # deeper units are indented as much as depth 12
# main table column widths (%): no., cote, title, level, dates, files, appraisal, access
_WIDTHS = (3, 9, 35, 8, 10, 8, 15, 12)


class BordereauError(Exception):
    """The slip could not be written (nothing was left behind); ``findings`` say why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(", ".join(str(f.code) for f in findings))
        self.findings = findings


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
        "attach_all": "Tout le versement ({n} unité(s) racine) est rattaché à",
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
        "attach_all": "The whole transfer ({n} root unit(s)) is attached to",
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
.t { font-weight: bold; display: block; }
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
@media print {
  body { padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
}
"""


# -- writer -------------------------------------------------------------------------------
class _Writer:
    """Writes the document section by section; rows are streamed one at a time."""

    def __init__(self, out: IO[str], lang: str) -> None:
        self.out = out
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
            self.w(f'<tr><th align="left">{esc(label)}</th><td>{value}</td></tr>\n')
        self.w("</table>\n")

    # header and summary ------------------------------------------------------------------
    def head(self, doc: Bordereau) -> None:
        t, h = self.t, doc.header
        title = t["title"] + (f" — {h.message_identifier}" if h.message_identifier else "")
        self.w(
            f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="Verso">\n<title>{esc(title)}</title>\n'
            f"<style>{_CSS % {'page': esc(t['page'])}}</style>\n</head>\n<body>\n"
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
        self, doc: Bordereau, sip_path: Path | None, sip_size: int | None, sha512: str
    ) -> None:
        t, h, lang = self.t, doc.header, self.lang
        self.w(f"<h2>{esc(t['identification'])}</h2>\n")
        rows = [
            (t["transferring"], self.agency(h.transferring_agency_name, h.transferring_agency)),
            (t["archival"], self.agency(h.archival_agency_name, h.archival_agency)),
            (t["originating"], self.agency("", h.originating_agency)),
        ]
        if h.submission_agency:
            rows.append((t["submission"], self.agency("", h.submission_agency)))
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
            lead = t["attach_all"].format(n=number(len(roots), self.lang))
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
    def table_start(self) -> None:
        t = self.t
        self.w(f"<h2>{esc(t['description'])}</h2>\n")
        cols = (
            "col_number",
            "col_cote",
            "col_title",
            "col_level",
            "col_dates",
            "col_files",
            "col_appraisal",
            "col_access",
        )
        self.w(
            '<table class="units" border="1" cellpadding="3" cellspacing="0" width="100%">\n'
            "<thead><tr>"
        )
        for key, width in zip(cols, _WIDTHS, strict=True):
            self.w(f'<th align="left" width="{width}%">{esc(t[key])}</th>')
        self.w("</tr></thead>\n<tbody>\n")

    def rule_lines(self, lines: list[RuleLine], *, with_final: bool) -> str:
        t, lang = self.t, self.lang
        out = []
        for r in lines:
            # the label in full where the rule is declared; inherited ones by code only
            # (a long label repeated on every row of a folder would drown the table)
            name = (
                esc(r.label) + f' <span class="code">{esc(r.rule_id)}</span>'
                if r.label and not r.inherited
                else f'<span class="code">{esc(r.rule_id)}</span>'
            )
            meta = []
            if r.duration and not r.inherited:  # the declaring row says how long
                meta.append(esc(duration_label(r.duration, lang)))
            if r.end_date is not None:
                meta.append(esc(t["until"].format(date=date_text(r.end_date, lang))))
            elif r.start_date is not None:
                meta.append(esc(t["from"].format(date=date_text(r.start_date, lang))))
            elif r.category != "HoldRule":
                meta.append(esc(t["no_start"]))
            if r.inherited:  # one line: code, end, "(inherited)"
                tail = " · ".join([name, *meta])
                out.append(
                    f'<div class="r inh">{tail} <span class="inh">({esc(t["inherited"])})</span></div>'
                )
                continue
            out.append(f'<div class="r">{name}</div>')
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

    def row(self, row: Row) -> None:
        lang = self.lang
        indent = min(row.depth, _MAX_INDENT) * 1.1
        style = f' style="margin-left:{indent:.1f}em"' if row.depth else ""
        desc = f'<div class="d">{esc(row.description)}</div>' if row.description else ""
        cote = "<br>".join(esc(c) for c in row.cote)
        files = ""
        if row.files:
            files = f"{esc(number(row.files, lang))}<br>{esc(size_text(row.size, lang))}"
        self.w(
            f'<tr class="l{min(row.depth, 1)}">'
            f'<td class="num">{row.number}</td>'
            f'<td class="cote">{cote}</td>'
            f'<td><div{style}><strong class="t">{esc(row.title)}</strong>{desc}{self.others(row)}</div></td>'
            f"<td>{esc(level_label(row.level, lang))}</td>"
            f"<td>{esc(range_text(row.start_date, row.end_date, lang))}</td>"
            f'<td class="n">{files}</td>'
            f"<td>{self.rule_lines(row.rules.get('AppraisalRule', []), with_final=True)}</td>"
            f"<td>{self.rule_lines(row.rules.get('AccessRule', []), with_final=False)}</td>"
            "</tr>\n"
        )

    def table_end(self, empty: bool) -> None:
        if empty:
            self.w(f'<tr><td colspan="8">{esc(self.t["no_units"])}</td></tr>\n')
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
                f"<p>{esc(t[last])}</p><p>&nbsp;</p></td>"
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


def write_bordereau(
    package: Package,
    dest: str | os.PathLike[str],
    *,
    lang: str = "fr",
    rules: RulesReferential | None = None,
    sip_path: str | os.PathLike[str] | None = None,
    sip_sha512: str | None = None,
    progress: Progress | None = None,
    message_identifier: str = "",
    date: datetime | None = None,
) -> Path:
    """Write the slip for ``package`` at ``dest`` (HTML, UTF-8) and return its path.

    ``sip_path``: the exported zip, named in the document with its size and SHA-512
    (``sip_sha512``, or computed by reading the zip once). ``message_identifier`` / ``date``:
    what ``export_sip`` wrote when the header left them empty. Progress is per unit row
    (after the SIP's bytes when its digest is computed). Raises ``Cancelled`` or
    ``BordereauError``; either way nothing is left behind and a previous ``dest`` is kept.
    Thread-affinity: none (reads the package; the caller does not mutate it meanwhile).
    """
    dest = Path(os.path.abspath(os.fspath(dest)))
    folder = dest.parent
    if dest.is_dir() or not folder.is_dir():
        error = "is a folder" if dest.is_dir() else "no such folder"
        raise BordereauError(
            [Finding(Code.BORDEREAU_WRITE_ERROR, Severity.ERROR, str(dest), {"error": error})]
        )
    sip: Path | None = Path(os.path.abspath(os.fspath(sip_path))) if sip_path else None
    sip_size: int | None = None
    digest = sip_sha512 or ""
    if sip is not None:
        try:
            sip_size = sip.stat().st_size
            if not digest:
                digest = sip_digest(sip, progress)
        except OSError as exc:
            raise BordereauError(
                [
                    Finding(
                        Code.BORDEREAU_SIP_UNREADABLE,
                        Severity.ERROR,
                        str(sip),
                        {"error": exc.strerror or str(exc)},
                    )
                ]
            ) from exc

    doc = collect(package, rules=rules, message_identifier=message_identifier, date=date)
    total = doc.totals.units
    try:
        with atomic_file(dest, text=True, errors="replace") as out:
            writer = _Writer(out, lang)
            writer.head(doc)
            writer.identification(doc, sip, sip_size, digest)
            writer.summary(doc)
            writer.attachments(doc)
            writer.table_start()
            done = 0
            if progress is not None:
                progress.report(0, total, "")
            for row in doc.rows():
                check(progress)
                writer.row(row)
                done += 1
                if progress is not None and done % _REPORT_EVERY == 0:
                    progress.report(done, total, "")
            writer.table_end(empty=done == 0)
            writer.signatures(doc)
            writer.foot()
        if progress is not None:
            progress.report(total, total, "")
    except OSError as exc:
        raise BordereauError(
            [
                Finding(
                    Code.BORDEREAU_WRITE_ERROR,
                    Severity.ERROR,
                    str(dest),
                    {"error": exc.strerror or str(exc)},
                )
            ]
        ) from exc
    return dest


__all__ = [
    "BordereauError",
    "default_path",
    "sip_digest",
    "write_bordereau",
]
