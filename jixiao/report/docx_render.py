"""The document model → an editable Word file (python-docx): A4, GB/T 9704-style margins,
黑体 / 楷体 headings, 仿宋 body with East-Asian fonts set explicitly (w:eastAsia), page
numbers in the footer, a table-of-contents field Word fills in on opening."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao.narrative.document import Document, Figure, Heading, PageBreak, Paragraph, Table, Toc
from jixiao.narrative.mask import scrub

BODY_FONT = "仿宋"
HEI = "黑体"
KAI = "楷体"
SONG = "宋体"
LATIN = "Times New Roman"
BODY_PT = 14  # 四号
TABLE_PT = 10.5  # 五号
HEADING = {1: (HEI, 16, False), 2: (KAI, 16, True), 3: (BODY_FONT, 14, True)}


def set_font(target: Any, east_asia: str, size: float | None = None, bold: bool | None = None,
             latin: str = LATIN) -> None:
    """Set a run's or style's fonts, East-Asian included (python-docx only sets w:ascii)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = target.font
    font.name = latin
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def render_docx(doc: Document, images: dict[str, Path], path: Path) -> Path:
    import docx
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt, RGBColor

    d = docx.Document()
    _styles(d)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.3), Cm(3.0)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    text_width = sec.page_width - sec.left_margin - sec.right_margin

    _cover(d, doc, text_width)
    body = d.add_section(WD_SECTION.NEW_PAGE)
    _page_numbers(body, doc.footer)

    for block in doc.blocks:
        if isinstance(block, Toc):
            para = d.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(para.add_run(block.title), HEI, 16)
            headings = [b for b in doc.blocks if isinstance(b, Heading) and b.level <= 2]
            _toc(d, headings, text_width)
        elif isinstance(block, PageBreak):
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, Heading):
            level = min(block.level, 3)
            para = d.add_heading(level=level)
            font, size, bold = HEADING[level]
            if block.level <= 2:
                _bookmark(para, block.anchor, scrub(block.text), font, size, bold)
            else:
                run = para.add_run(scrub(block.text))
                set_font(run, font, size, bold)
                run.font.color.rgb = RGBColor(0, 0, 0)
        elif isinstance(block, Paragraph):
            para = d.add_paragraph(style="Normal")
            if block.style in ("center", "note"):
                para.paragraph_format.first_line_indent = Pt(0)
            if block.style == "center":
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if block.style in ("bold", "lead"):  # an item heading, a table's lead: kept with what follows
                para.paragraph_format.keep_with_next = True
            run = para.add_run(scrub(block.text))
            set_font(run, BODY_FONT, 12 if block.style == "note" else None, block.style == "bold" or None)
        elif isinstance(block, Table):
            _table(d, block, text_width)
        elif isinstance(block, Figure):
            para = d.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.paragraph_format.first_line_indent = Pt(0)
            para.paragraph_format.keep_with_next = True  # the caption is below the picture
            para.add_run().add_picture(str(images[block.key]), width=min(text_width, Cm(15.5)))
            _caption(d, block.caption, keep=False)
    _update_fields_on_open(d)
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


def _styles(d: Any) -> None:
    from docx.shared import Pt

    normal = d.styles["Normal"]
    set_font(normal, BODY_FONT, BODY_PT)
    pf = normal.paragraph_format
    pf.first_line_indent = Pt(BODY_PT * 2)
    pf.line_spacing = 1.5
    pf.space_after = Pt(0)
    for level, (font, size, bold) in HEADING.items():
        style = d.styles[f"Heading {level}"]
        set_font(style, font, size, bold)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(12 if level == 1 else 6)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.first_line_indent = Pt(0 if level == 1 else size * 2)
        style.paragraph_format.keep_with_next = True


def _caption(d: Any, text: str, keep: bool = True) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    para = d.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.first_line_indent = Pt(0)
    para.paragraph_format.keep_with_next = keep
    set_font(para.add_run(scrub(text)), HEI, TABLE_PT + 1)


def _table(d: Any, block: Table, text_width: int) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    if block.caption:
        _caption(d, block.caption)
    cols = len(block.headers)
    show_header = not block.key_value
    table = d.add_table(rows=(1 if show_header else 0) + len(block.rows), cols=cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = block.widths or (1,) * cols
    total = sum(widths)
    col_widths = [int(text_width * w / total) for w in widths]
    _fixed_layout(table, col_widths)
    keep_all = len(rows_of(block)) <= KEEP_ROWS
    aligns = {"l": WD_ALIGN_PARAGRAPH.LEFT, "L": WD_ALIGN_PARAGRAPH.LEFT, "c": WD_ALIGN_PARAGRAPH.CENTER,
              "r": WD_ALIGN_PARAGRAPH.RIGHT}
    rows = rows_of(block)
    last_bold = bool(block.bold_rows) and block.bold_rows[-1] == len(block.rows) - 1
    for i, values in enumerate(rows):
        row = table.rows[i]
        header = show_header and i == 0
        bold_row = (i - (1 if show_header else 0)) in block.bold_rows
        trpr = row._tr.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:cantSplit"), {qn("w:val"): "true"}))
        if header:  # repeat the header row on every page
            trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
        # small tables stay on one page; a total row stays with the row above it
        keep = i < len(rows) - 1 and (keep_all or header or (last_bold and i == len(rows) - 2))
        for j, value in enumerate(values):
            cell = row.cells[j]
            cell.width = col_widths[j]
            para = cell.paragraphs[0]
            para.paragraph_format.first_line_indent = Pt(0)
            para.paragraph_format.line_spacing = 1.15
            para.paragraph_format.keep_with_next = keep
            if header:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif block.key_value and j == 0:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif block.align:
                para.alignment = aligns.get(block.align[j], WD_ALIGN_PARAGRAPH.LEFT)
            run = para.add_run(scrub(str(value)))
            font = HEI if header or (block.key_value and j == 0) else BODY_FONT
            set_font(run, font, TABLE_PT, True if bold_row else None)
            if header:
                _shade(cell, "D9E2F3")
            elif block.key_value and j == 0:
                _shade(cell, "F2F2F2")
    d.add_paragraph().paragraph_format.first_line_indent = Pt(0)


KEEP_ROWS = 16  # a table of up to this many rows (header included) is kept on one page


def rows_of(block: Table) -> list[tuple[str, ...]]:
    return ([block.headers] if not block.key_value else []) + list(block.rows)


def _fixed_layout(table: Any, widths: list[int]) -> None:
    """Column widths as given (Word and LibreOffice otherwise share the width equally)."""
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    layout = tblpr.makeelement(qn("w:tblLayout"), {qn("w:type"): "fixed"})
    tblpr.append(layout)
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = tblpr.makeelement(qn("w:tblW"), {})
        tblpr.append(tblw)
    tblw.set(qn("w:type"), "dxa")
    tblw.set(qn("w:w"), str(sum(widths) // 635))
    for col, width in zip(table.columns, widths, strict=True):
        col.width = width


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml.ns import qn

    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto",
                                               qn("w:fill"): colour}))


def _field(paragraph: Any, instruction: str, shown: str | list[str]) -> None:  # the page number
    """A complex field: begin, instruction, separate, what is shown until updated (lines
    joined by line breaks), end."""
    from docx.oxml.ns import qn

    def fld(kind: str) -> Any:
        run = paragraph.add_run()
        el = run._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind})
        run._r.append(el)
        return run

    fld("begin")
    run = paragraph.add_run()
    instr = run._r.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld("separate")
    lines = [shown] if isinstance(shown, str) else shown
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        set_font(run, BODY_FONT, 12)
        if i < len(lines) - 1:
            run.add_break()
    fld("end")


def _cover(d: Any, doc: Document, text_width: int) -> None:
    """The cover: title (and 草稿 while inputs are missing), the project lines, then the block
    the evaluator signs and seals, with the report date."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    for _ in range(4):
        d.add_paragraph()
    title = d.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    set_font(title.add_run(scrub(doc.cover.title)), SONG, 22, True)
    if doc.cover.draft:
        para = d.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(para.add_run(doc.cover.draft), KAI, 16)
    for _ in range(4):
        d.add_paragraph()
    for label, value in doc.cover.lines:
        para = d.add_paragraph()
        para.paragraph_format.first_line_indent = Pt(0)
        para.paragraph_format.left_indent = Cm(2.5)
        set_font(para.add_run(f"{label}：{scrub(value)}"), BODY_FONT, 16)
    for _ in range(3):
        d.add_paragraph()
    for label, value in doc.cover.signature:
        para = d.add_paragraph()
        para.paragraph_format.first_line_indent = Pt(0)
        para.paragraph_format.left_indent = Cm(7)
        para.paragraph_format.space_after = Pt(10)
        set_font(para.add_run(f"{label}："), BODY_FONT, 15)
        run = para.add_run(scrub(value) or "\u3000" * 8)
        set_font(run, BODY_FONT, 15)
        run.font.underline = not value


def _bookmark(paragraph: Any, name: str, text: str, font: str, size: float, bold: bool) -> None:
    """A heading's text inside a bookmark the contents page refers to."""
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    start = paragraph._p.makeelement(qn("w:bookmarkStart"), {qn("w:id"): name[1:], qn("w:name"): f"_Toc_{name}"})
    paragraph._p.append(start)
    run = paragraph.add_run(text)
    set_font(run, font, size, bold)
    run.font.color.rgb = RGBColor(0, 0, 0)
    paragraph._p.append(paragraph._p.makeelement(qn("w:bookmarkEnd"), {qn("w:id"): name[1:]}))


def _fld(paragraph: Any, kind: str) -> None:
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    run._r.append(run._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind}))


def _instr(paragraph: Any, instruction: str) -> None:
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    instr = run._r.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
    instr.text = f" {instruction} "
    run._r.append(instr)


def _toc(d: Any, headings: list[Heading], text_width: int) -> None:
    """The contents: one entry per heading of levels 1–2 with a dotted tab and a PAGEREF
    field to the heading's bookmark — Word fills the page numbers when it opens the file
    (fields are updated on open) and LibreOffice when it lays the document out."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Pt

    for i, h in enumerate(headings):
        para = d.add_paragraph()
        pf = para.paragraph_format
        pf.first_line_indent = Pt(0)
        pf.left_indent = Pt(0 if h.level == 1 else 24)
        pf.line_spacing = 1.0
        pf.space_after = Pt(1)
        pf.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        set_font(para.add_run(scrub(h.text)), HEI if h.level == 1 else BODY_FONT, 11)
        set_font(para.add_run("\t"), BODY_FONT, 11)
        _fld(para, "begin")
        _instr(para, f"PAGEREF _Toc_{h.anchor} \\h")
        _fld(para, "separate")
        set_font(para.add_run(""), BODY_FONT, 11)
        _fld(para, "end")


def _page_numbers(section: Any, template: str) -> None:
    """Footer: 第 N 页, centred; the cover section keeps an empty footer. Pages are counted
    from the cover (the contents page is 第2页), as the PDF counts them, so the contents'
    page references (PAGEREF) read the same in Word, in LibreOffice and in the PDF."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    footer = section.footer
    footer.is_linked_to_previous = False
    para = footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.first_line_indent = Pt(0)
    before, _, after = template.partition("{page}")
    set_font(para.add_run(before), BODY_FONT, 12)
    _field(para, "PAGE", "1")
    set_font(para.add_run(after), BODY_FONT, 12)


def _update_fields_on_open(d: Any) -> None:
    from docx.oxml.ns import qn

    settings = d.settings.element
    el = settings.makeelement(qn("w:updateFields"), {qn("w:val"): "true"})
    settings.append(el)
