"""A county seat read from the township's roster without a 届次 column is printed in the dossier
as 届次未填, never as the township's term."""
from datetime import date

from app import settings
from app.dossier.loader import dossiers_for
from app.printing.pdf import render_pdf
from app.reports.dossier import DossierReport
from app.roster.importer import apply_import
from app.roster.listing import roster_rows
from tests.fixtures.make_messy_roster import make_messy_roster


def test_the_dossier_prints_an_unknown_county_term_as_unfilled(store, tmp_path):
    with store.write("设置") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000", term=18))
    path = tmp_path / "名册.xlsx"
    make_messy_roster(path)
    apply_import(store, path=path, on=date(2026, 3, 2))
    zhou = next(r for r in roster_rows(store) if r.name == "周九")     # 市、县、乡镇
    [dossier] = dossiers_for(store, deputy_ids=[zhou.id], year=2026, today=date(2026, 3, 5))
    basics = dict(dossier.basics)
    assert basics["代表层级及届次"] == "市级（届次未填）；县级（届次未填）；乡镇级第十八届"
    pdf = tmp_path / "档案.pdf"
    render_pdf(DossierReport(dossier, made_on=date(2026, 3, 5)).document(), pdf)
    from pypdf import PdfReader
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", "")
    assert "县级（届次未填）" in text and "市级第十八届" not in text
