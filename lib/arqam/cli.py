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
    rep.add_argument("--extraction", metavar="JSON", default=None,
                     help="a saved extraction (arqam extract's JSON) to report instead of extracting")
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

    path = run_report(args.file, published=args.published, lang=args.lang, out=args.out,
                      extraction=args.extraction)
    print(f"arqam: wrote {path}", file=sys.stderr)
    return 0


def _check_out(out: str | None) -> None:
    """Refuse an --out folder that cannot be written, before any work is done."""
    import os
    import tempfile
    from pathlib import Path

    from .errors import OutputError

    if out is None:
        return
    path = Path(out)
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        raise OutputError(f"--out {out}: {probe} is a file, not a folder; choose a folder")
    try:
        fd, name = tempfile.mkstemp(dir=probe, prefix=".arqam-probe-")
        os.close(fd)
        os.unlink(name)
    except OSError as exc:
        raise OutputError(f"--out {out}: cannot write in {probe} ({exc.strerror}); "
                          "choose a folder you can write to") from None


def _check_args(args) -> bool:
    """Check the article and the date (and --out) before any work; True when the
    article is too large to read whole and goes through arqam.stream."""
    from .reader import MAX_ARTICLE_BYTES, open_article, parse_date, read

    path = open_article(args.file)
    parse_date(args.published)
    if args.command == "extract":
        return path.stat().st_size > MAX_ARTICLE_BYTES
    _check_out(args.out)
    read(path, published=args.published)  # refuses a bad file before the report starts
    return False


def main(argv: list[str] | None = None) -> int:
    import os
    import warnings

    from .errors import ArqamWarning

    args = _parser().parse_args(argv)

    shown: set[str] = set()

    def show(message, category, *_rest, **_kw):  # each note once, though read twice
        line = f"arqam: {'note' if issubclass(category, ArqamWarning) else 'warning'}: {message}"
        if line not in shown:
            shown.add(line)
            print(line, file=sys.stderr)

    with warnings.catch_warnings():
        warnings.simplefilter("default", ArqamWarning)
        warnings.showwarning = show
        try:
            large = _check_args(args)
            if large:
                from .stream import write

                return write(args.file, args.published, args.format)
            return _extract(args) if args.command == "extract" else _report(args)
        except ArqamError as exc:
            print(f"arqam: error: {exc}", file=sys.stderr)
            return exc.exit_code
        except KeyboardInterrupt:
            print("arqam: interrupted", file=sys.stderr)
            return 130
        except BrokenPipeError:
            # The reader went away (| head): say nothing, and keep Python from
            # complaining when it flushes stdout at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        except MemoryError:
            print(f"arqam: error: out of memory on {args.file}; split it into smaller files",
                  file=sys.stderr)
            return 2
        except Exception as exc:  # a bug: one line, unless asked for the traceback
            if os.environ.get("ARQAM_DEBUG"):
                raise
            where = exc.__traceback__
            while where.tb_next:
                where = where.tb_next
            site = f"{os.path.basename(where.tb_frame.f_code.co_filename)}:{where.tb_lineno}"
            print(f"arqam: internal error: {type(exc).__name__} at {site}: "
                  f"{' '.join(str(exc).split())[:300]}; this is a bug in arqam, please "
                  "report it with the input (ARQAM_DEBUG=1 shows the traceback)",
                  file=sys.stderr)
            return 70
