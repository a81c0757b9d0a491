"""Meta-analysis page and its JSON twin: upload a CSV (the columns of ``acupath meta``), choose
measure, tau² method and test, see the results table, forest and funnel plots, download
results (CSV, JSON) and plots (SVG, PNG)."""

from __future__ import annotations

import base64
import io
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, Field

from acupath.csvsafe import safe_writer
from acupath.errors import InputError
from acupath.meta.csvio import parse_csv
from acupath.meta.effects import MEASURES
from acupath.meta.mh import POOLING
from acupath.meta.plots import forest_plot, funnel_plot
from acupath.meta.report import MetaReport, analyse
from acupath.meta.tau2 import METHODS, check_method
from acupath.web.deps import CsrfChecked
from acupath.web.pages import render

router = APIRouter(tags=["meta"])
MAX_CSV_BYTES = 1_000_000
"""A meta-analysis CSV of thousands of studies is far below this; bigger uploads are refused."""
TESTS = ("z", "knha", "adhoc")
PlotKind = Literal["forest", "funnel"]
PlotFormat = Literal["svg", "png"]
MEDIA = {"svg": "image/svg+xml", "png": "image/png"}


class MetaRequest(BaseModel):
    """A CSV as text with the analysis options (the API's form of the upload)."""

    csv: str = Field(min_length=1, max_length=MAX_CSV_BYTES)
    measure: str = Field(min_length=1, max_length=10)
    method: str = Field(default="REML", max_length=10)
    test: str = Field(default="z", max_length=5)


def run(text: str, measure: str, method: str, test: str) -> MetaReport:
    if test not in TESTS:
        raise InputError.invalid("test", test, "one of: " + ", ".join(TESTS))
    table = parse_csv(text, measure.upper(), source="upload")
    code = method.upper() if method.upper() in POOLING else check_method(method)
    return analyse(table, code, test)


def plot_bytes(report: MetaReport, kind: str, fmt: str) -> bytes:
    """Draw a plot into a temporary file (the plotting core writes files) and return it."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{kind}.{fmt}"
        if kind == "forest":
            forest_plot(report.result, path, measure=report.measure)
        else:
            funnel_plot(report.result, path, measure=report.measure, trimfill=report.trimfill)
        return path.read_bytes()


def results_csv(doc: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = safe_writer(out)
    writer.writerow(["study", "yi", "vi", "weight"])
    for s in doc["studies"]:
        writer.writerow([s["study"], s["yi"], s["vi"], s["weight"]])
    writer.writerow([])
    writer.writerow(["key", "value"])
    for key, value in doc.items():
        if not isinstance(value, list | dict):
            writer.writerow([key, value])
    return out.getvalue()


async def _read_upload(upload: UploadFile) -> str:
    data = await upload.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise InputError.invalid("file", upload.filename, f"a CSV of at most {MAX_CSV_BYTES} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError.invalid("file", upload.filename, "a UTF-8 text CSV") from None


def _choices() -> dict[str, Any]:
    return {"measures": MEASURES, "methods": (*METHODS, *POOLING), "tests": TESTS}


@router.get("/meta", include_in_schema=False)
def meta_page(request: Request) -> Response:
    return render(request, "meta.html", {"title": "Meta-analysis", **_choices(), "form": {}})


@router.post("/meta", include_in_schema=False, dependencies=[CsrfChecked])
async def meta_upload(
    request: Request,
    file: UploadFile,
    measure: Annotated[str, Form(max_length=10)],
    method: Annotated[str, Form(max_length=10)] = "REML",
    test: Annotated[str, Form(max_length=5)] = "z",
) -> Response:
    form = {"measure": measure, "method": method, "test": test}
    try:
        report = run(await _read_upload(file), measure, method, test)
    except InputError as exc:
        context = {"title": "Meta-analysis", **_choices(), "form": form, "error": exc.as_dict()}
        return render(request, "meta.html", context, status=exc.status_code)
    doc = report.as_json()
    files = {
        f"{kind}_{fmt}": base64.b64encode(plot_bytes(report, kind, fmt)).decode()
        for kind in ("forest", "funnel")
        for fmt in ("svg", "png")
    }
    import json

    downloads = {
        "json": base64.b64encode(json.dumps(doc, indent=2).encode()).decode(),
        "csv": base64.b64encode(results_csv(doc).encode()).decode(),
    }
    context = {
        "title": "Meta-analysis",
        **_choices(),
        "form": form,
        "result": doc,
        "plots": files,
        "downloads": downloads,
    }
    return render(request, "meta.html", context)


@router.post("/api/meta")
def api_meta(body: MetaRequest) -> dict[str, Any]:
    """Pool the studies of a CSV (metafor's column names): the JSON of ``acupath meta --json``."""
    result: dict[str, Any] = run(body.csv, body.measure, body.method, body.test).as_json()
    return result


@router.post("/api/meta/results.csv")
def api_meta_csv(body: MetaRequest) -> Response:
    """The same analysis as a CSV download (studies, then the pooled keys)."""
    doc = run(body.csv, body.measure, body.method, body.test).as_json()
    return Response(results_csv(doc), media_type="text/csv")


@router.post("/api/meta/plot")
def api_meta_plot(
    body: MetaRequest, kind: PlotKind = "forest", fmt: PlotFormat = "svg"
) -> Response:
    """A forest or funnel plot of the analysis, as SVG or PNG."""
    report = run(body.csv, body.measure, body.method, body.test)
    return Response(plot_bytes(report, kind, fmt), media_type=MEDIA[fmt])
