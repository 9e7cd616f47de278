from jixiao.findings import Finding
from jixiao.narrative.mask import finding_message, mask_id, mask_name, mask_phone, scrub


def test_mask_id_keeps_region_and_last_four():
    assert mask_id("11010119900101123X") == "110101********123X"


def test_mask_name_keeps_the_surname():
    assert [mask_name(n) for n in ("张三", "欧阳娜娜", "李")] == ["张*", "欧***", "李"]


def test_mask_phone_keeps_prefix_and_last_four():
    assert mask_phone("13812341234") == "138****1234"


def test_scrub_masks_ids_and_phones_in_free_text():
    text = "经核实 11010119900101123X（电话13812341234）已死亡，旧证 110101900101123"
    assert scrub(text) == "经核实 110101********123X（电话138****1234）已死亡，旧证 110101******123"


def test_scrub_leaves_money_and_dates_alone():
    text = "发放 1,266,901.00 元，2022-05-01，凭证 20220501"
    assert scrub(text) == text


def test_finding_message_masks_quoted_names_and_long_numbers():
    f = Finding("name-mismatch", "payments", 7, "发放明细姓名“张三”与花名册姓名“张叁”不一致", person_id="11010119900101123X")
    assert finding_message(f) == "发放明细姓名“张*”与花名册姓名“张*”不一致"
    g = Finding("phone-invalid", "roster", 3, "联系电话1381234567不是有效号码")
    assert "1381234567" not in finding_message(g)
