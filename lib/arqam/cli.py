"""The `arqam` command: `extract` prints figures, `report` writes the HTML report."""

from __future__ import annotations

import argparse
import csv
import io
import sys

from .errors import ArqamError

FORMATS = ("json", "csv", "table")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arqam", description="The figures an Arabic news article reports.")
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="print the figures and times of an article")
    ext.add_argument("file", help="the article, a UTF-8 text file")
    ext.add_argument("--published", metavar="YYYY-MM-DD",
                     help="publication date; relative times stay unresolved without it "
                          "(default: FILE's .published sidecar)")
    ext.add_argument("--format", choices=FORMATS, default="json",
                     help="json (default, the gold schema), csv or table")

    rep = sub.add_parser("report", help="write the HTML report of an article")
    rep.add_argument("file", help="the article, a UTF-8 text file")
    rep.add_argument("--published", metavar="YYYY-MM-DD", help="publication date")
    rep.add_argument("--lang", choices=("ar", "en", "both"), default="both",
                     help="narrative language (default: both)")
    rep.add_argument("--out", metavar="DIR", default=None,
                     help="folder for the report (default: outputs/<stem>)")
    return parser


def _figures_csv(result) -> str:
    from .model import FIGURE_FIELDS

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(("id",) + FIGURE_FIELDS)
    for fig in result.figures:
        row = fig.to_dict()
        writer.writerow([row["id"]] + ["" if row[k] is None else row[k] for k in FIGURE_FIELDS])
    return buf.getvalue()


def _table(result) -> str:
    lines = []
    for fig in result.figures:
        bound = fig.value if fig.value is not None else f"{fig.low}–{fig.high}"
        lines.append(f"{fig.id:>4}  {fig.qualifier:<9} {bound!s:>10}  {fig.unit or '-':<10} "
                     f"{fig.event or '-':<12} {fig.location or '-':<24} {fig.text}")
    for t in result.times:
        lines.append(f"{t.id:>4}  {t.kind:<9} {t.value or '-':>24}  {t.text}")
    return "\n".join(lines) + "\n"


def _extract(args) -> int:
    from . import extract, read

    article = read(args.file, published=args.published)
    result = extract(article)
    for warning in result.warnings:
        print(f"arqam: warning: {warning}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(result.to_json() + "\n")
    elif args.format == "csv":
        sys.stdout.write(_figures_csv(result))
    else:
        sys.stdout.write(_table(result))
    return 0


def _report(args) -> int:
    from .runner import run_report

    path = run_report(args.file, published=args.published, lang=args.lang, out=args.out)
    print(f"arqam: wrote {path}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _extract(args) if args.command == "extract" else _report(args)
    except ArqamError as exc:
        print(f"arqam: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("arqam: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
