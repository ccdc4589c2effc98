"""A corpus line for every entry of every data file in lib/arqam/data/.

Each entry is put into a short sentence of the kind papers write, and the
extraction must read it as the entry says. The sentences are generated, so
adding a month spelling, a unit or a qualifier to the data adds its test.
Entries the grammar cannot read in such a frame are listed in XFAIL with the
reason, never dropped.
"""

from __future__ import annotations

import datetime as dt

import pytest

import arqam
from arqam.lexicon import lexicon, rows, tokens_of
from arqam.numbers import cardinal, fraction_at, ordinal

PUBLISHED = dt.date(2024, 5, 15)  # a Wednesday


def run(text: str, published=PUBLISHED):
    return arqam.extract(arqam.from_text(text, published))


def split(cell: str) -> list[str]:
    return [w for w in cell.split("|") if w.strip()]


def entries(name: str, build):
    out = []
    for row in rows(name):
        for case in build(row):
            out.append(pytest.param(*case, id=f"{name}:{case[0]}"))
    return out


# numbers.tsv ---------------------------------------------------------------
def _number_rows(row):
    value, role, _note, forms = row
    for form in split(forms):
        yield form, float(value), role


@pytest.mark.parametrize("form,value,role", entries("numbers.tsv", _number_rows))
def test_number_words(form, value, role):
    words = list(tokens_of(form))
    if role == "scale":  # a scale word multiplies the number before it: 13 ألفا
        number = cardinal(["13"] + words, 0)
        assert number is not None and number.end == len(words) + 1, form
        assert number.value == pytest.approx(13 * value), form
    elif role in ("unit", "teen", "ten", "hundred", "dual_scale"):
        number = cardinal(words, 0)
        assert number is not None and number.end == len(words), form
        assert number.value == pytest.approx(value), form
    elif role in ("fraction", "fractions"):
        words = words if role == "fraction" else ["ثلاثه"] + words
        number = fraction_at(words, 0)
        expected = value if role == "fraction" else 3 * value
        assert number is not None and number.value == pytest.approx(expected), form
    elif role == "ordinal":
        number = ordinal(words, 0)
        assert number is not None and number.value == value, form
    elif role == "ordinal_one":
        number = ordinal(words + ["عشر"], 0)
        assert number is not None and number.value == 11, form


def _unit_number_rows(row):
    value, role, _note, forms = row
    if role == "unit" and 3 <= float(value) <= 10:
        for form in split(forms):
            yield form, float(value)


@pytest.mark.parametrize("form,value", entries("numbers.tsv", _unit_number_rows))
def test_number_words_count_people_in_a_sentence(form, value):
    result = run(f"وقالت الشرطة إن {form} أشخاص قتلوا في الانفجار.")
    assert [f.value for f in result.figures] == [value]
    assert result.figures[0].text == f"{form} أشخاص"


# qualifiers.tsv ------------------------------------------------------------
def _qualifier_rows(row):
    qualifier, position, phrase = row
    yield phrase, qualifier, position


@pytest.mark.parametrize("phrase,qualifier,position", entries("qualifiers.tsv", _qualifier_rows))
def test_qualifiers(phrase, qualifier, position):
    if position == "change":  # من 10 إلى 20 after a change verb: two figures, no range
        figures = run(f"و{phrase} عدد القتلى من 10 إلى 20 شخصا.").figures
        assert [(f.value, f.qualifier) for f in figures] == [(10, "exact"), (20, "exact")]
        return
    if position == "pre":
        text = f"وقال المسؤول إن {phrase} 40 شخصا قتلوا في القصف."
    elif position == "post":
        text = f"وقتل 40 شخصا {phrase} في القصف."
    else:
        text = f"و{phrase} عدد الضحايا 40 شخصا بحسب الدفاع المدني."
    figures = run(text).figures
    assert len(figures) == 1, [f.text for f in figures]
    assert figures[0].qualifier == qualifier
    assert figures[0].value == 40
    if position in ("pre", "post"):
        assert phrase.replace("الـ", "ال") in figures[0].text.replace("الـ", "ال") or \
            phrase in figures[0].text


# vague.tsv ------------------------------------------------------------------
def _vague_rows(row):
    low, high, _needs, phrases = row
    for phrase in split(phrases):
        yield phrase, int(low), int(high)


@pytest.mark.parametrize("phrase,low,high", entries("vague.tsv", _vague_rows))
def test_vague_quantities(phrase, low, high):
    figures = run(f"وأصيب {phrase} مدنيين في القصف.").figures
    assert len(figures) == 1, [f.text for f in figures]
    fig = figures[0]
    assert (fig.value, fig.low, fig.high, fig.qualifier) == (None, low, high, "vague")


# units.tsv -------------------------------------------------------------------
def _unit_rows(row):
    name, kind, singular, dual, plural = row
    if name in ("share",):
        return
    for form in split(singular) + split(plural):
        yield form, name, kind, None
    for form in split(dual):
        yield form, name, kind, 2


@pytest.mark.parametrize("form,unit,kind,count", entries("units.tsv", _unit_rows))
def test_units(form, unit, kind, count):
    if count == 2:
        text = f"وقالت الشرطة إن {form} وصلا إلى المدينة."
    elif kind == "percent":
        text = f"وقالت الوزارة إن النسبة بلغت 40 {form} هذا العام."
    else:
        text = f"وقالت الوزارة إن 40 {form} وصلوا إلى المدينة."
    figures = run(text).figures
    assert len(figures) == 1, [f.text for f in figures]
    fig = figures[0]
    assert fig.value == (count or 40)
    expected_unit = "person" if unit == "*" else unit
    assert fig.unit == expected_unit
    assert fig.kind == ("count" if kind == "count" else kind)


# currencies.tsv ------------------------------------------------------------
def _currency_rows(row):
    code, _country, phrases, *bare = row
    for phrase in split(phrases):
        yield phrase, code, False
    for phrase in split(bare[0] if bare else ""):
        yield phrase, code, True


@pytest.mark.parametrize("phrase,code,bare", entries("currencies.tsv", _currency_rows))
def test_currencies(phrase, code, bare):
    figures = run(f"وخصصت الحكومة 40 {phrase} لمساعدة المتضررين.").figures
    assert len(figures) == 1 and figures[0].kind == "money", [f.text for f in figures]
    if bare:
        codes = [c for c, _ in lexicon().bare_currency[" ".join(tokens_of(phrase))]]
        assert figures[0].unit == codes[0] and code in codes
    else:
        assert figures[0].unit == code


# months.tsv ------------------------------------------------------------------
def _month_rows(row):
    number, variant, _context, names = row
    for name in split(names):
        yield name, int(number), variant


@pytest.mark.parametrize("name,month,variant", entries("months.tsv", _month_rows))
def test_months(name, month, variant):
    year = 1440 if variant == "hijri" else 2020
    times = run(f"ووقع الهجوم في 12 {name} {year} بحسب الشرطة.").times
    assert len(times) == 1, [t.text for t in times]
    if variant == "hijri":
        from arqam.calendar import hijri_to_gregorian
        assert times[0].value == hijri_to_gregorian(1440, month, 12).isoformat()
    else:
        assert times[0].value == f"2020-{month:02d}-12"


# weekdays.tsv ----------------------------------------------------------------
def _weekday_rows(row):
    day, names = row
    for name in split(names):
        yield name, int(day)


@pytest.mark.parametrize("name,day", entries("weekdays.tsv", _weekday_rows))
def test_weekdays(name, day):
    times = run(f"وقالت الوزارة {name} إن الوضع مستقر.").times
    assert len(times) == 1
    value = dt.date.fromisoformat(times[0].value)
    assert value.isoweekday() == day and dt.timedelta(0) <= PUBLISHED - value < dt.timedelta(7)


# relative_times.tsv ----------------------------------------------------------
def _relative_rows(row):
    kind, offset, phrases = row
    for phrase in split(phrases):
        yield phrase, kind, int(offset)


@pytest.mark.parametrize("phrase,kind,offset", entries("relative_times.tsv", _relative_rows))
def test_relative_times(phrase, kind, offset):
    if kind == "now":
        result = run(f"ويعيش {phrase} 40 شخصا في المخيم.")
        assert [f.when for f in result.figures] == [PUBLISHED.isoformat()]
        assert result.times == []
        return
    times = run(f"وأعلنت الوزارة {phrase} أن الوضع مستقر.").times
    assert len(times) == 1, [t.text for t in times]
    value = times[0].value
    if kind == "day":
        assert value == (PUBLISHED + dt.timedelta(days=offset)).isoformat()
    elif kind == "week":
        first, last = (dt.date.fromisoformat(v) for v in value.split("/"))
        assert (last - first).days == 6
    elif kind == "month":
        from arqam.calendar import add_months
        y, m = add_months(PUBLISHED.year, PUBLISHED.month, offset)
        assert value == f"{y:04d}-{m:02d}"
    elif kind == "year":
        assert value == str(PUBLISHED.year + offset)


# durations.tsv ---------------------------------------------------------------
def _duration_rows(row):
    designator, singular, dual, plural = row
    for form in split(singular):
        yield f"خلال {form}", designator, 1
    for form in split(dual):
        yield form, designator, 2
    for form in split(plural):
        yield f"ثلاثة {form}", designator, 3


@pytest.mark.parametrize("phrase,designator,count", entries("durations.tsv", _duration_rows))
def test_durations(phrase, designator, count):
    result = run(f"واستمر القصف {phrase} على المدينة.")
    assert result.figures == []
    assert len(result.times) == 1 and result.times[0].kind == "duration"
    iso = {"S": "PT{}S", "M": "PT{}M", "H": "PT{}H", "D": "P{}D", "W": "P{}W", "MO": "P{}M",
           "Y": "P{}Y"}[designator].format(count)
    assert result.times[0].value == iso


# attribution.tsv -------------------------------------------------------------
def _attribution_rows(row):
    kind, phrases = row
    for phrase in split(phrases):
        yield phrase, kind


def _named_like(word: str):
    """A source whose name begins with the organisation noun (منظمة … for المنظمة)."""
    bare = " ".join(tokens_of(word)).removeprefix("ال")
    for name, _short, _country, aliases in rows("sources.tsv"):
        for alias in split(aliases):
            toks = tokens_of(alias)
            if toks and toks[0] == bare and len(toks) > 1:
                return alias, name
    return None


@pytest.mark.parametrize("phrase,kind", entries("attribution.tsv", _attribution_rows))
def test_attribution_cues(phrase, kind):
    if kind == "title":  # the office is not the speaker: the organisation after it is
        figures = run(f"وقال {phrase} في الأمم المتحدة إن 40 شخصا قتلوا في القصف.").figures
        assert [f.attributed_to for f in figures] == ["United Nations"]
        return
    if kind == "organisation":
        toks = list(tokens_of(phrase))
        itself = lexicon().sources.match(toks, 0, clitics=False)
        named = ((phrase, itself[0].name) if itself and itself[1] == len(toks)  # المرصد is SOHR
                 else _named_like(phrase))
        first = f"وقالت {named[0]} إن عشرة أشخاص قتلوا." if named else ""
        figures = [f for f in run(f"{first} وقالت {phrase} إن 40 شخصا أصيبوا.").figures if f.value == 40]
        assert [f.attributed_to for f in figures] == [named[1] if named else phrase]
        return
    if kind == "prep":
        text = f"و{phrase} الأمم المتحدة، قتل 40 شخصا في القصف."
    elif kind == "verb":
        text = f"و{phrase} الأمم المتحدة إن 40 شخصا قتلوا في القصف."
    else:
        text = f"وقالت الأمم المتحدة إن عشرة أشخاص قتلوا، {phrase} أن 40 شخصا أصيبوا."
    figures = [f for f in run(text).figures if f.value == 40]
    assert len(figures) == 1
    assert figures[0].attributed_to == "United Nations"


# events.tsv --------------------------------------------------------------------
def _event_rows(row):
    name, applies, _english, words = row
    for word in split(words):
        yield word, name, applies


@pytest.mark.parametrize("word,event,applies", entries("events.tsv", _event_rows))
def test_event_words(word, event, applies):
    if lexicon().units.match(list(tokens_of(word)), 0, clitics=False):
        text = f"وقالت السلطات إن عددهم 40 {word} في المنطقة."  # the noun names the event
    elif applies == "measure":
        text = f"وقالت السلطات إن {word} 40 هكتارا من الأراضي."
    elif applies == "money":
        text = f"وقالت السلطات إن {word} 40 مليون دولار للمتضررين."
    else:
        text = f"وقالت السلطات إن {word} 40 شخصا في المنطقة."
    figures = run(text).figures
    assert len(figures) == 1, [f.text for f in figures]
    meanings = lexicon().events.match(list(tokens_of(word)), 0, clitics=False)[0]
    kind = applies if applies in ("measure", "money") else "count"
    first = next(name for name, a in meanings
                 if a == kind or (a == "any" and kind not in ("measure", "money")))
    assert figures[0].event == first
    assert event in [name for name, _ in meanings]


# noncount.tsv ------------------------------------------------------------------
def _noncount_rows(row):
    position, words = row
    for word in split(words):
        yield word, position


@pytest.mark.parametrize("word,position", entries("noncount.tsv", _noncount_rows))
def test_labels_are_not_figures(word, position):
    if position == "before":
        text = f"وأشار إلى {word} 40 في البيان."
    else:
        text = f"وانهار مبنى مكون من 40 {word} في المدينة."
    assert run(text).figures == []


# series.tsv ----------------------------------------------------------------------
def _series_rows(row):
    unit, nouns = row
    for noun in split(nouns):
        yield noun, unit


@pytest.mark.parametrize("noun,unit", entries("series.tsv", _series_rows))
def test_series_ordinals(noun, unit):
    word = noun if noun.startswith("ال") else "ال" + noun
    figures = run(f"ووصلت {word} السابعة إلى المدينة.").figures
    assert [(f.kind, f.value, f.unit) for f in figures] == [("ordinal", 7, unit)]


# place_frames.tsv and places_nouns.tsv -------------------------------------------
def _frame_rows(row):
    template, phrases = row
    for phrase in split(phrases):
        yield phrase, template


@pytest.mark.parametrize("phrase,template", entries("place_frames.tsv", _frame_rows))
def test_place_frames(phrase, template):
    figures = run(f"وقتل 40 شخصا {phrase} مدينة إدلب.").figures
    assert [f.location for f in figures] == [template.format("Idlib")]


def _place_noun_rows(row):
    role, words = row
    for word in split(words):
        yield word, role


@pytest.mark.parametrize("word,role", entries("places_nouns.tsv", _place_noun_rows))
def test_place_nouns(word, role):
    if role == "type":
        text, expected = f"وقتل 40 شخصا في {word} إدلب.", {"Idlib"}
    elif role == "direction" and word.startswith("ال"):  # after the place: ريف إدلب الشرقي
        text = f"وقتل 40 شخصا في بلدة سراقب بريف إدلب {word}."
        expected = {lexicon().places.match(["سراقب"], 0, clitics=False)[0].name}
    elif role == "direction":  # a part of the place: شمال سوريا, or a named region of it
        text = f"وقتل 40 شخصا في {word} سوريا."
        syria = {p.name for entries in lexicon().places.by_first.values() for _, p in entries
                 if "Syria" in p.name}
        expected = syria
    else:
        text = f"وقتل 40 شخصا {word} إدلب."
        frame = next((t for t, ps in rows_frames() if word in ps.split("|")), "{}")
        expected = {"Idlib", frame.format("Idlib")}
    figures = run(text).figures
    assert len(figures) == 1 and figures[0].location in expected


def rows_frames():
    return rows("place_frames.tsv")


# countries.tsv, places.tsv, sources.tsv -------------------------------------------
def _gazetteer_rows(name):
    def build(row):
        english, names = (row[2], row[3]) if name == "countries.tsv" else (row[0], row[3])
        for alias in split(names):
            yield alias, english
    return build


def _unique(name, build):
    """Aliases that name one entity only (an ambiguous alias is tested by its first row).
    A place alias that is also a source (قنا is a city and Qatar's news agency) is read
    as the source, and is tested there."""
    seen: dict[str, str] = {}
    for row in rows(name):
        for alias, english in build(row):
            toks = list(tokens_of(alias.lstrip("~")))
            if name != "sources.tsv" and lexicon().sources.match(toks, 0, False):
                continue
            if name != "sources.tsv" and lexicon().months.match(toks, 0, False):
                continue  # إب folds to آب: the month reading wins (see months.tsv)
            seen.setdefault(alias, english)
    return [pytest.param(a, e, id=f"{name}:{a}") for a, e in seen.items()]


@pytest.mark.parametrize("alias,english", _unique("countries.tsv", _gazetteer_rows("countries.tsv"))
                         + _unique("places.tsv", _gazetteer_rows("places.tsv")))
def test_places(alias, english):
    name = alias.lstrip("~")
    found = lexicon().places.match(list(tokens_of(name)), 0, clitics=False)
    if alias.startswith("~"):  # a common word too: a place only after a type noun
        assert run(f"وقتل 40 شخصا في {name} بحسب الشرطة.").figures[0].location != found[0].name
        text = f"وقتل 40 شخصا في مدينة {name} بحسب الشرطة."
    else:
        text = f"وقتل 40 شخصا في {name} بحسب الشرطة."
    figures = run(text).figures
    assert len(figures) == 1
    assert figures[0].location == found[0].name


@pytest.mark.parametrize("alias,english", _unique("sources.tsv", _gazetteer_rows("sources.tsv")))
def test_sources(alias, english):
    figures = run(f"وقالت {alias} إن 40 شخصا قتلوا في القصف.").figures
    assert len(figures) == 1
    found = lexicon().sources.match(list(tokens_of(alias)), 0, clitics=False)
    assert figures[0].attributed_to == found[0].name


# time_words.tsv -------------------------------------------------------------------
def _time_word_rows(row):
    role, value, words = row
    for word in split(words):
        yield word, role, value


def _one_time(text: str):
    times = run(text).times
    assert len(times) == 1, [t.text for t in times]
    return times[0]


@pytest.mark.parametrize("word,role,value", entries("time_words.tsv", _time_word_rows))
def test_time_words(word, role, value):
    if role == "year":
        t = _one_time(f"ووقع الحادث في {word} 2019 بحسب الشرطة.")
        assert (t.kind, t.value) == ("year", "2019")
    elif role == "month":
        t = _one_time(f"ووقع الحادث في {word} نيسان 2019 بحسب الشرطة.")
        assert t.value == "2019-04"
    elif role == "clock":
        t = _one_time(f"وبدأ الهجوم عند {word} 6 صباحا.")
        assert t.kind == "time" and "T06:00" in t.value
    elif role in ("gmt", "local"):
        t = _one_time(f"وبدأ الهجوم عند الساعة 16.00 {word} في المدينة.")
        assert t.kind == "time" and t.value.endswith("Z") == (role == "gmt") and word in t.text
    elif role in ("am", "pm"):
        hour = 12 if value != "-" else 3
        t = _one_time(f"وبدأ الهجوم عند الساعة {hour} {word} في المدينة.")
        expected = 12 if value != "-" else (3 if role == "am" else 15)
        assert t.kind == "time" and f"T{expected:02d}:00" in t.value
    elif role == "day_part":
        t = _one_time(f"ووقع الهجوم {word} أمس في المدينة.")
        assert t.value == (PUBLISHED - dt.timedelta(days=1)).isoformat() and t.text.startswith(word)
    elif role in ("past", "future"):
        t = _one_time(f"ووقع الهجوم الثلاثاء {word} في المدينة.")
        day = dt.date.fromisoformat(t.value)
        assert day.isoweekday() == 2 and (day < PUBLISHED if role == "past" else day > PUBLISHED)
    elif role == "month_part":
        t = _one_time(f"ووقع الهجوم في {word} آذار 2020 في المدينة.")
        if "-" in value:
            first, last = value.split("-")
            assert t.value == f"2020-03-{int(first):02d}/2020-03-{int(last):02d}"
        elif value == "0":
            assert t.value == "2020-03"
        else:
            assert t.value == f"2020-03-{int(value):02d}"
    elif role == "nth":
        from arqam.calendar import nth_weekday
        t = _one_time(f"ووقع الهجوم في {word} ثلاثاء من آذار 2020.")
        assert t.value == nth_weekday(2020, 3, 2, int(value)).isoformat()


def _ambiguous_places():
    """Each alias that names several places, with each place and its country's name."""
    country_names = {code: split(names)[0] for code, _tz, _name, names in rows("countries.tsv")}
    cases = []
    for alias, places in lexicon().place_options.items():
        for place in places:
            if place.country in country_names and place.kind != "country" and not place.common:
                cases.append(pytest.param(" ".join(alias), place.name, country_names[place.country],
                                          id=f"ambiguous:{' '.join(alias)}:{place.name}"))
    return cases


@pytest.mark.parametrize("alias,name,country", _ambiguous_places())
def test_an_ambiguous_place_is_the_one_in_the_story_s_country(alias, name, country):
    text = f"وقتل 40 شخصا في {alias} بحسب الشرطة. ويقع ذلك في {country} كما هو معروف."
    figures = run(text).figures
    assert figures[0].location == name
