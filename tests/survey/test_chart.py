"""The survey chart: a PNG drawn with a CJK font, or one clear sentence without one."""

import pytest

from jixiao.errors import JixiaoError
from jixiao.survey import chart
from tests.survey.test_changji import changji


def test_changji_chart_is_a_png(tmp_path):
    path = chart.survey_chart(changji(), tmp_path / "survey.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_cjk_family_is_found():
    assert "CJK" in chart.cjk_family() or chart.cjk_family() in chart.CJK_FAMILIES


def test_no_cjk_font_is_one_clear_sentence(monkeypatch, tmp_path):
    from matplotlib import font_manager

    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    with pytest.raises(JixiaoError, match="未找到中文字体.*fonts-noto-cjk"):
        chart.survey_chart(changji(), tmp_path / "survey.png")
    assert not (tmp_path / "survey.png").exists()
