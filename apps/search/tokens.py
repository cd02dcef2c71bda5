"""The tokeniser of the site search: the same words for the documents and for the queries, in both languages.

A text becomes a list of tokens (lower-case, deduplicated, in order of appearance), separated by spaces when
stored, so that neither PostgreSQL's parser nor SQLite's tokenizer has to understand Chinese:
- Chinese runs: jieba's search mode with the project dictionary (`dictionary.txt`: 天然橡胶, 炭黑, 子午线轮胎 ...),
  plus every character and every pair of neighbouring characters, so 1- and 2-character queries find a word
  however jieba cut the text; titles also get the toneless pinyin of each word, in full and as initials
  (轮胎 -> luntai, lt), so Latin keyboards find Chinese names;
- Latin words and numbers: lower-cased, stemmed with the Snowball English stemmer (tires -> tire), and mapped to
  the first word of their line in `synonyms.txt` (tyre -> tire).

A query is cut by jieba's precise mode into terms, with jieba's common words only (a web process does not load the
whole dictionary: 6 MiB instead of 70); every term must match (AND). A term is a tuple of
alternatives, each a tuple of (token, prefix) that must all be present: a Chinese word longer than two characters
matches as itself or by all its pairs; a Latin word by its stem or, from three letters on, as the prefix of a token
("lunt" finds "luntai"; the prefix stands for the indexed title terms it begins).
"""

import logging
import os
import re
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import snowballstemmer

HERE = Path(__file__).resolve().parent
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN_WORD = re.compile(r"[a-z0-9]+")
MAX_QUERY_TERMS = 8
MAX_QUERY_LENGTH = 200
RUN_PINYIN_MAX = 8  # a whole Chinese name up to this length also gets its pinyin (隆远轮胎 -> longyuanluntai, lylt)
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _jieba():
    """The documents' tokenizer: jieba's whole dictionary (349,000 words, ~70 MiB) and the project's."""
    return _tokenizer(None)


QUERY_WORD_MIN_FREQUENCY = 100  # the query tokenizer keeps jieba's words at least this frequent (~36,000)


@lru_cache(maxsize=1)
def _query_jieba():
    """The queries' tokenizer: jieba's common words and the project dictionary (~6 MiB), loaded by every web
    process. A query's word needs no rare dictionary word to match: a word of more than two characters matches
    itself or all its pairs, which the documents always hold (see the module docstring)."""
    return _tokenizer(_common_words())


def _common_words():
    """A dictionary file of jieba's words of at least QUERY_WORD_MIN_FREQUENCY, written once per jieba version."""
    import jieba

    path = Path(tempfile.gettempdir()) / f"valley-jieba-{jieba.__version__}-common-{QUERY_WORD_MIN_FREQUENCY}.txt"
    if not path.exists():
        source = Path(jieba.__file__).with_name("dict.txt")
        partial = path.with_suffix(f".{os.getpid()}.part")
        with source.open(encoding="utf-8") as words, partial.open("w", encoding="utf-8") as kept:
            kept.writelines(line for line in words if int(line.split()[1]) >= QUERY_WORD_MIN_FREQUENCY)
        os.replace(partial, path)
    return path


@lru_cache(maxsize=2)
def _tokenizer(dictionary):
    import jieba

    with _lock:  # a tokenizer of our own: the project dictionary must not change jieba's default one
        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer(str(dictionary)) if dictionary else jieba.Tokenizer()
        tokenizer.initialize()
        tokenizer.load_userdict(str(HERE / "dictionary.txt"))
    return tokenizer


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=1)
def _synonyms():
    """{stem: canonical stem} from synonyms.txt."""
    mapping = {}
    for line in (HERE / "synonyms.txt").read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].lower().split()
        if len(words) > 1:
            stems = _stemmer().stemWords(words)
            mapping.update((stem, stems[0]) for stem in stems[1:])
    return mapping


@lru_cache(maxsize=20000)
def stem(word):
    """The index form of a lower-case Latin word (numbers stay as they are)."""
    if word.isdigit():
        return word
    stemmed = _stemmer().stemWord(word)
    return _synonyms().get(stemmed, stemmed)


def synonyms_of(word):
    """The words of the synonym line `word` belongs to (for highlighting), or just the word."""
    canonical = stem(word)
    found = {word}
    for line in (HERE / "synonyms.txt").read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].lower().split()
        if words and stem(words[0]) == canonical:
            found.update(words)
    return found


def _pinyin(word):
    from pypinyin import lazy_pinyin  # 57 MiB: indexing needs it, a visitor's query does not

    syllables = lazy_pinyin(word)
    return "".join(syllables), "".join(syllable[:1] for syllable in syllables)


@lru_cache(maxsize=50000)  # names, terms and stock phrases come back again and again
def _han_tokens(run, pinyin):
    words = [word for word in _jieba().cut_for_search(run) if HAN_RUN.fullmatch(word)]
    tokens = [*words, *run, *(run[i:i + 2] for i in range(len(run) - 1))]
    if pinyin:
        named = {word for word in words if len(word) > 1}
        if 1 < len(run) <= RUN_PINYIN_MAX:
            named.add(run)
        for word in sorted(named):
            tokens.extend(_pinyin(word))
    return tuple(tokens)


def text_tokens(texts, *, pinyin=False):
    """The tokens of some texts, deduplicated in order (see the module docstring)."""
    tokens = []
    for raw in texts:
        text = (raw or "").lower()
        position = 0
        for match in HAN_RUN.finditer(text):
            tokens.extend(stem(word) for word in LATIN_WORD.findall(text[position:match.start()]))
            tokens.extend(_han_tokens(match.group(), pinyin))
            position = match.end()
        tokens.extend(stem(word) for word in LATIN_WORD.findall(text[position:]))
    return list(dict.fromkeys(token for token in tokens if token))


def tokens_text(texts, *, pinyin=False):
    return " ".join(text_tokens(texts, pinyin=pinyin))


def query_terms(query):
    """[term]: what a query must match, a term being a tuple of alternatives (see the module docstring)."""
    terms = []
    for piece in _query_jieba().cut((query or "").lower()[:MAX_QUERY_LENGTH]):
        if HAN_RUN.fullmatch(piece):
            if len(piece) <= 2:
                terms.append((((piece, False),),))
            else:
                pairs = tuple((piece[i:i + 2], False) for i in range(len(piece) - 1))
                terms.append((((piece, False),), pairs))
            continue
        for word in LATIN_WORD.findall(piece):
            alternatives = [((stem(word), False),)]
            if len(word) >= 3 and not word.isdigit():
                alternatives.append(((word, True),))
            terms.append(tuple(alternatives))
    return list(dict.fromkeys(terms))[:MAX_QUERY_TERMS]


def highlight_words(query):
    """The surface forms worth marking in a snippet: Chinese words (and their pairs), Latin words with their stem
    and synonyms (marked as word prefixes)."""
    han, latin = [], []
    for piece in _query_jieba().cut((query or "").lower()[:MAX_QUERY_LENGTH]):
        if HAN_RUN.fullmatch(piece):
            han.append(piece)
            if len(piece) > 2:
                han.extend(piece[i:i + 2] for i in range(len(piece) - 1))
        else:
            for word in LATIN_WORD.findall(piece):
                latin.extend(synonyms_of(word))
                latin.append(stem(word))
    return list(dict.fromkeys(han)), sorted(set(latin), key=len, reverse=True)


def warm_up():
    """Load the query tokenizer now rather than in the first visitor's search."""
    _query_jieba()
    _synonyms()
