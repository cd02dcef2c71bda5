"""What a web process keeps for itself (apps.core.local): memos are served from the process while their content
version lasts (a rendered fragment or a count as it is, an object as a pickled copy each caller unpickles); keys
built on the shell version change when the cache is cleared, although django CMS's own version starts again."""

from cms.cache import CMS_PAGE_CACHE_VERSION_KEY
from django.core.cache import cache

from apps.core.cache import PublicPageCache, shell_version

pages = PublicPageCache("test-local-memos")


def test_a_rendered_fragment_is_served_by_the_process_until_a_bump(db):
    renders = []
    build = lambda: renders.append(1) or f"<p>render {len(renders)}</p>"

    assert pages.memo("main", build) == "<p>render 1</p>"
    for key in cache.keys("test-local-memos:memo:*"):
        cache.delete(key)  # not even Redis holds it now: this process still does, under the same version
    assert pages.memo("main", build) == "<p>render 1</p>" and len(renders) == 1

    pages.bump()
    assert pages.memo("main", build) == "<p>render 2</p>"


def test_objects_are_kept_as_copies_a_caller_cannot_change(db):
    computed = []
    compute = lambda: computed.append(1) or {"rows": [len(computed)]}

    first = pages.memo("tree", compute)
    first["rows"].append("changed by a view")  # a caller may change what it got: the next one must not see it
    for key in cache.keys("test-local-memos:memo:*"):
        cache.delete(key)  # not even Redis holds it now: this process keeps a pickled copy

    second = pages.memo("tree", compute)
    second["rows"].append("changed again")
    assert pages.memo("tree", compute) == {"rows": [1]} and len(computed) == 1

    pages.bump()
    assert pages.memo("tree", compute) == {"rows": [2]}


def test_the_shell_version_is_new_after_the_cache_is_cleared(db):
    before = shell_version()
    cache.clear()
    cache.set(CMS_PAGE_CACHE_VERSION_KEY, int(before.split(".")[1]))  # django CMS's version: the same number again

    after = shell_version()
    assert after != before and after.split(".")[1] == before.split(".")[1]
    assert shell_version() == after


def test_language_links_are_found_once_per_shell_version(client, shell_pages, monkeypatch):
    from cms.cache import invalidate_cms_page_cache

    from apps.core.templatetags import portal_tags

    found = []
    changer = portal_tags.DefaultLanguageChanger
    monkeypatch.setattr(portal_tags, "DefaultLanguageChanger",
                        lambda request: found.append(request.path) or changer(request))
    client.cookies["sessionid"] = "no-such-session"  # rendered each time, not served by the page cache

    pages = [client.get("/en/about/") for _n in range(2)]
    invalidate_cms_page_cache()  # a page was published or renamed
    pages.append(client.get("/en/about/"))

    assert [page.status_code for page in pages] == [200] * 3
    assert found == ["/en/about/"] * 4  # both languages on the first render, none on the second, both again
    assert all('<a href="/zh-hans/about/" hreflang="zh-hans"' in page.content.decode() for page in pages)


def test_the_shells_kept_chunks_are_per_language_and_never_shown_to_signed_in_visitors(client, shell_pages,
                                                                                    django_user_model):
    client.cookies["sessionid"] = "no-such-session"  # rendered each time, not served by the page cache
    anonymous = [client.get(path).content.decode() for path in ("/en/about/", "/zh-hans/about/", "/en/about/")]
    member = django_user_model.objects.create_user("chunk-reader", "chunk@valley.example", "pw-chunk-2026")
    client.force_login(member)
    signed_in = client.get("/en/about/").content.decode()
    client.logout()
    client.cookies["sessionid"] = "no-such-session"
    after = client.get("/en/about/").content.decode()

    for english in (anonymous[0], anonymous[2], after):
        assert ">Log in</a>" in english and "Skip to main content" in english and "Contact the platform" in english
    assert ">登录</a>" in anonymous[1] and "Log in" not in anonymous[1] and "Skip to main content" not in anonymous[1]
    assert "Log out" in signed_in and ">Log in</a>" not in signed_in
    assert "Log out" not in after


def test_the_header_search_box_keeps_the_query_on_the_results_page_only(client, shell_pages):
    client.cookies["sessionid"] = "no-such-session"
    about = client.get("/en/about/").content.decode()
    results = client.get("/en/search/?q=tyre%22%3E").content.decode()
    about_again = client.get("/en/about/").content.decode()

    field = 'id="header-search-q" type="search" name="q" maxlength="200" placeholder="Search" value="'
    assert field + '">' in about and field + '">' in about_again
    assert field + 'tyre&quot;&gt;">' in results  # escaped, between two kept chunks
