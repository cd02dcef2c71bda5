"""apps.core.diff.inline_diff: the new text with removed words in <del> and added words in <ins>, escaped."""

from apps.core.diff import inline_diff


def test_words_removed_and_added_are_marked():
    assert inline_diff("radial truck tires", "radial bus tires") == "radial <del>truck</del><ins>bus</ins> tires"


def test_chinese_is_compared_character_by_character():
    assert inline_diff("生产载重轮胎", "生产乘用轮胎") == "生产<del>载重</del><ins>乘用</ins>轮胎"


def test_html_in_either_text_is_escaped():
    html = inline_diff("<b>old</b>", "<script>x</script>")

    assert html == ("&lt;<del>b</del><ins>script</ins>&gt;<del>old</del><ins>x</ins>"
                    "&lt;/<del>b</del><ins>script</ins>&gt;")


def test_empty_or_missing_texts():
    assert inline_diff(None, "new") == "<ins>new</ins>"
    assert inline_diff("old", "") == "<del>old</del>"
    assert inline_diff("same", "same") == "same"
