"""Deterministic synthetic news corpus for scale benchmarks: N articles as JSONL.

Run:  python benchmarks/make_corpus.py N OUT.jsonl [--seed S]

Each record is ``{"id", "text", "outlet", "lang", "url", "published"}`` (the JSONL input
of ``transcheck``). The same N and seed always give byte-identical output.

How the corpus is built:

* A built-in bank of 40 utterances by 12 speakers (10 quoted in en/ru/ka/fa, the Georgian
  prime minister in en/ka/ru, the Iranian foreign minister in en/fa), each written in every
  language it is rendered in. Some carry a place slot ("in Geneva" / "в Женеве" /
  "ჟენევაში" / "در ژنو") or a number slot, filled per event.
* An *event* is one appearance of a speaker on one day (uniform over 2023): one to three
  utterances of the bank plus one or two off-topic remarks (the distractors: same
  speaker, same day, other subject). Each event is covered by 3 to 8 outlets in several languages,
  published 0 to 2 days later; some articles also quote a second event of the same days.
  The number of events grows with N, so the density of quotes per speaker per week (what
  the 7-day date blocking of the aligner sees) grows with N as in a real feed.
* Each rendering of an utterance is the outlet's own: verbatim (wire copy), with synonym
  swaps, with an intensifier, with a clause dropped, as a fragment inside reported speech
  ("X said the signals “reflect a lack of understanding ...”"), or with a high-risk edit
  (negation flipped, number changed, place changed).
* Articles have a headline, a dateline, 150 to 400 words of prose around 2 to 5 quotes,
  and the attribution conventions of each language: “...,” X said / «...», — заявил X /
  „...“, – განაცხადა X / X گفت: «...», with name variants and inflected forms
  (по словам Рябкова, რიაბკოვმა, ریابکوف).

The generator imports nothing from transcheck, so it is cheap to run from a benchmark
parent process. ``generate()`` returns the records; ``write_corpus()`` writes them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

LANGS = ("en", "ru", "ka", "fa")
YEAR_START = date(2023, 1, 1)
YEAR_DAYS = 365

# ---------------------------------------------------------------------------
# Speakers


@dataclass(frozen=True)
class Speaker:
    id: str
    gender: str  # "m" / "f"
    home: str  # city key for the dateline
    langs: tuple[str, ...]
    en_full: tuple[str, ...]  # spelling variants; an outlet sticks to one
    en_sur: str
    en_title: str
    ru_full: str
    ru_sur: str
    ru_gen: str
    ru_title: str
    ka_full: str
    ka_title: str
    ka_title_erg: str
    fa_full: str
    fa_sur: str
    fa_title: str

    @property
    def ka_sur(self) -> str:
        return self.ka_full.split()[-1] if self.ka_full else ""


def _ka_case(name: str, case: str) -> str:
    """Ergative (-მა / -მ) and genitive (-ის / -ს) of the last word of a Georgian name."""
    *head, last = name.split()
    if last.endswith("ი"):
        last = last[:-1] + ("მა" if case == "erg" else "ის")
    else:  # ends in a vowel such as ა
        last = last + ("მ" if case == "erg" else "ს")
    return " ".join([*head, last])


ALL = LANGS
SPEAKERS: dict[str, Speaker] = {s.id: s for s in (
    Speaker("sergei-ryabkov", "m", "moscow", ALL, ("Sergei Ryabkov", "Sergey Ryabkov"),
            "Ryabkov", "Russian Deputy Foreign Minister",
            "Сергей Рябков", "Рябков", "Рябкова", "замглавы МИД России",
            "სერგეი რიაბკოვი", "რუსეთის საგარეო საქმეთა მინისტრის მოადგილე",
            "რუსეთის საგარეო საქმეთა მინისტრის მოადგილემ",
            "سرگئی ریابکوف", "ریابکوف", "معاون وزیر امور خارجه روسیه"),
    Speaker("sergey-lavrov", "m", "moscow", ALL, ("Sergey Lavrov", "Sergei Lavrov"),
            "Lavrov", "Russian Foreign Minister",
            "Сергей Лавров", "Лавров", "Лаврова", "глава МИД России",
            "სერგეი ლავროვი", "რუსეთის საგარეო საქმეთა მინისტრი",
            "რუსეთის საგარეო საქმეთა მინისტრმა",
            "سرگئی لاوروف", "لاوروف", "وزیر امور خارجه روسیه"),
    Speaker("dmitry-peskov", "m", "moscow", ALL, ("Dmitry Peskov", "Dmitri Peskov"),
            "Peskov", "Kremlin spokesman",
            "Дмитрий Песков", "Песков", "Пескова", "пресс-секретарь президента России",
            "დმიტრი პესკოვი", "კრემლის პრესმდივანი", "კრემლის პრესმდივანმა",
            "دیمیتری پسکوف", "پسکوف", "سخنگوی کرملین"),
    Speaker("maria-zakharova", "f", "moscow", ALL, ("Maria Zakharova",),
            "Zakharova", "Russian Foreign Ministry spokeswoman",
            "Мария Захарова", "Захарова", "Захаровой", "официальный представитель МИД России",
            "მარია ზახაროვა", "რუსეთის საგარეო უწყების სპიკერი",
            "რუსეთის საგარეო უწყების სპიკერმა",
            "ماریا زاخارووا", "زاخارووا", "سخنگوی وزارت امور خارجه روسیه"),
    Speaker("vladimir-putin", "m", "moscow", ALL, ("Vladimir Putin",),
            "Putin", "Russian President",
            "Владимир Путин", "Путин", "Путина", "президент России",
            "ვლადიმერ პუტინი", "რუსეთის პრეზიდენტი", "რუსეთის პრეზიდენტმა",
            "ولادیمیر پوتین", "پوتین", "رئیس جمهور روسیه"),
    Speaker("antony-blinken", "m", "washington", ALL, ("Antony Blinken",),
            "Blinken", "US Secretary of State",
            "Энтони Блинкен", "Блинкен", "Блинкена", "госсекретарь США",
            "ენტონი ბლინკენი", "აშშ-ის სახელმწიფო მდივანი", "აშშ-ის სახელმწიფო მდივანმა",
            "آنتونی بلینکن", "بلینکن", "وزیر امور خارجه آمریکا"),
    Speaker("ned-price", "m", "washington", ALL, ("Ned Price",),
            "Price", "State Department spokesperson",
            "Нед Прайс", "Прайс", "Прайса", "официальный представитель Госдепартамента",
            "ნედ პრაისი", "სახელმწიფო დეპარტამენტის სპიკერი",
            "სახელმწიფო დეპარტამენტის სპიკერმა",
            "ند پرایس", "پرایس", "سخنگوی وزارت امور خارجه آمریکا"),
    Speaker("wendy-sherman", "f", "washington", ALL, ("Wendy Sherman",),
            "Sherman", "US Deputy Secretary of State",
            "Венди Шерман", "Шерман", "Шерман", "заместитель госсекретаря США",
            "ვენდი შერმანი", "აშშ-ის სახელმწიფო მდივნის მოადგილე",
            "აშშ-ის სახელმწიფო მდივნის მოადგილემ",
            "وندی شرمن", "شرمن", "معاون وزیر امور خارجه آمریکا"),
    Speaker("jens-stoltenberg", "m", "brussels", ALL, ("Jens Stoltenberg",),
            "Stoltenberg", "NATO Secretary General",
            "Йенс Столтенберг", "Столтенберг", "Столтенберга", "генсек НАТО",
            "იენს სტოლტენბერგი", "ნატოს გენერალური მდივანი", "ნატოს გენერალურმა მდივანმა",
            "ینس استولتنبرگ", "استولتنبرگ", "دبیرکل ناتو"),
    Speaker("joe-biden", "m", "washington", ALL, ("Joe Biden",),
            "Biden", "US President",
            "Джо Байден", "Байден", "Байдена", "президент США",
            "ჯო ბაიდენი", "აშშ-ის პრეზიდენტი", "აშშ-ის პრეზიდენტმა",
            "جو بایدن", "بایدن", "رئیس جمهور آمریکا"),
    Speaker("irakli-garibashvili", "m", "tbilisi", ("en", "ru", "ka"), ("Irakli Garibashvili",),
            "Garibashvili", "Georgian Prime Minister",
            "Ираклий Гарибашвили", "Гарибашвили", "Гарибашвили", "премьер-министр Грузии",
            "ირაკლი ღარიბაშვილი", "საქართველოს პრემიერ-მინისტრი",
            "საქართველოს პრემიერ-მინისტრმა",
            "", "", ""),
    Speaker("hossein-amir-abdollahian", "m", "tehran", ("en", "fa"),
            ("Hossein Amir-Abdollahian",), "Amir-Abdollahian", "Iranian Foreign Minister",
            "", "", "", "", "", "", "",
            "حسین امیرعبداللهیان", "امیرعبداللهیان", "وزیر امور خارجه ایران"),
)}

CITIES = {
    "moscow": {"en": "MOSCOW", "ru": "МОСКВА", "ka": "მოსკოვი", "fa": "مسکو"},
    "washington": {"en": "WASHINGTON", "ru": "ВАШИНГТОН", "ka": "ვაშინგტონი", "fa": "واشنگتن"},
    "brussels": {"en": "BRUSSELS", "ru": "БРЮССЕЛЬ", "ka": "ბრიუსელი", "fa": "بروکسل"},
    "tbilisi": {"en": "TBILISI", "ru": "ТБИЛИСИ", "ka": "თბილისი", "fa": "تفلیس"},
    "tehran": {"en": "TEHRAN", "ru": "ТЕГЕРАН", "ka": "თეირანი", "fa": "تهران"},
}

#: Places in the locative form every template uses.
PLACES = {
    "geneva": ("in Geneva", "в Женеве", "ჟენევაში", "در ژنو"),
    "vienna": ("in Vienna", "в Вене", "ვენაში", "در وین"),
    "brussels": ("in Brussels", "в Брюсселе", "ბრიუსელში", "در بروکسل"),
    "istanbul": ("in Istanbul", "в Стамбуле", "სტამბოლში", "در استانبول"),
    "helsinki": ("in Helsinki", "в Хельсинки", "ჰელსინკიში", "در هلسینکی"),
    "minsk": ("in Minsk", "в Минске", "მინსკში", "در مینسک"),
    "tbilisi": ("in Tbilisi", "в Тбилиси", "თბილისში", "در تفلیس"),
    "batumi": ("in Batumi", "в Батуми", "ბათუმში", "در باتومی"),
    "doha": ("in Doha", "в Дохе", "დოჰაში", "در دوحه"),
    "muscat": ("in Muscat", "в Маскате", "მასკატში", "در مسقط"),
    "newyork": ("in New York", "в Нью-Йорке", "ნიუ-იორკში", "در نیویورک"),
    "poland": ("in Poland", "в Польше", "პოლონეთში", "در لهستان"),
    "romania": ("in Romania", "в Румынии", "რუმინეთში", "در رومانی"),
    "baltics": ("in the Baltic states", "в странах Балтии", "ბალტიისპირეთის ქვეყნებში",
                "در کشورهای بالتیک"),
    "ukraine": ("in Ukraine", "в Украине", "უკრაინაში", "در اوکراین"),
    "blacksea": ("in the Black Sea", "в Черном море", "შავ ზღვაში", "در دریای سیاه"),
}
TALKS = ("geneva", "vienna", "istanbul", "helsinki", "doha", "newyork")
ALLIES = ("poland", "romania", "baltics")

# ---------------------------------------------------------------------------
# The utterance bank
#
# In a text: {P} is the place slot, {N} the number slot, [...] the span a fragment
# quotes, and | starts the clause that a shortened rendering drops. A frame is the
# reported-speech sentence around a fragment: {S} the speaker (nominative; {E} the
# Georgian ergative), {F} the fragment, {a} the Russian feminine ending. syn, up and neg
# are (old, new) replacements: a synonym, an intensifier, a negation flip.


@dataclass(frozen=True)
class R:
    text: str
    frame: str = ""
    syn: tuple[tuple[str, str], ...] = ()
    up: tuple[str, str] | None = None
    neg: tuple[str, str] | None = None


@dataclass(frozen=True)
class Utterance:
    speaker: str
    topic: str
    renderings: dict[str, R]
    places: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()


def U(speaker: str, topic: str, *, places: tuple[str, ...] = (),
      numbers: tuple[str, ...] = (), **langs: R) -> Utterance:
    return Utterance(speaker, topic, dict(langs), places, numbers)


BANK: tuple[Utterance, ...] = (
    # --- Sergei Ryabkov
    U("sergei-ryabkov", "security",
      en=R("These signals [reflect a lack of understanding of what we need]|. We need legal "
           "guarantees that NATO will not expand any further.",
           "{S} said the signals from Washington and Brussels “{F}”.",
           (("signals", "statements"), ("legal guarantees", "legally binding guarantees")),
           ("a lack of understanding", "a complete lack of understanding"),
           ("will not expand", "will expand")),
      ru=R("Эти сигналы [отражают непонимание того, что нам нужно]|. Нам нужны юридические "
           "гарантии того, что НАТО не будет расширяться дальше.",
           "{S} считает, что сигналы из Вашингтона и Брюсселя «{F}».",
           (("сигналы", "заявления"), ("юридические гарантии", "юридически обязывающие гарантии")),
           ("непонимание", "полное непонимание"),
           ("не будет расширяться", "будет расширяться")),
      ka=R("ეს სიგნალები [ასახავს იმის გაუგებრობას, თუ რა გვჭირდება]|. ჩვენ გვჭირდება "
           "იურიდიული გარანტიები, რომ ნატო აღარ გაფართოვდება.",
           "{E} განაცხადა, რომ ვაშინგტონისა და ბრიუსელის სიგნალები „{F}“.",
           (("სიგნალები", "განცხადებები"), ("იურიდიული გარანტიები", "სამართლებრივი გარანტიები")),
           ("გაუგებრობას", "სრულ გაუგებრობას"),
           ("აღარ გაფართოვდება", "გაფართოვდება")),
      fa=R("این سیگنال‌ها [نشان‌دهنده عدم درک آن چیزی است که ما نیاز داریم]|. ما به "
           "تضمین‌های حقوقی نیاز داریم که ناتو بیش از این گسترش نخواهد یافت.",
           "{S} گفت سیگنال‌های واشنگتن و بروکسل «{F}».",
           (("سیگنال‌ها", "اظهارات"), ("تضمین‌های حقوقی", "تضمین‌های الزام‌آور حقوقی")),
           ("عدم درک", "عدم درک کامل"),
           ("گسترش نخواهد یافت", "گسترش خواهد یافت"))),
    U("sergei-ryabkov", "security",
      en=R("We will not make any concessions [under pressure and threats]|, and our partners "
           "in Washington know this very well.",
           "{S} said Moscow would not give ground “{F}” from the West.",
           (("concessions", "compromises"), ("know this very well", "are well aware of this")),
           ("any concessions", "any concessions whatsoever"),
           ("will not make any", "will make")),
      ru=R("Мы не пойдем ни на какие уступки [под давлением и угрозами]|, и наши партнеры в "
           "Вашингтоне это прекрасно знают.",
           "{S} подчеркнул{a}, что Москва не уступит «{F}» со стороны Запада.",
           (("уступки", "компромиссы"), ("прекрасно знают", "хорошо понимают")),
           ("ни на какие уступки", "ни на какие уступки вообще"),
           ("не пойдем ни на какие уступки", "пойдем на уступки")),
      ka=R("ჩვენ არანაირ დათმობაზე არ წავალთ [ზეწოლისა და მუქარის ქვეშ]|, და ეს ვაშინგტონში "
           "ჩვენმა პარტნიორებმა კარგად იციან.",
           "{E} განაცხადა, რომ მოსკოვი „{F}“ არაფერს დათმობს.",
           (("დათმობაზე", "კომპრომისზე"),),
           ("კარგად იციან", "ძალიან კარგად იციან"),
           ("არანაირ დათმობაზე არ წავალთ", "დათმობაზე წავალთ")),
      fa=R("ما [تحت فشار و تهدید] هیچ امتیازی نخواهیم داد|، و شرکای ما در واشنگتن این را به "
           "خوبی می‌دانند.",
           "{S} تاکید کرد مسکو «{F}» عقب‌نشینی نخواهد کرد.",
           (("به خوبی می‌دانند", "کاملاً آگاه هستند"),),
           ("هیچ امتیازی", "هیچ امتیازی به هیچ وجه"),
           ("هیچ امتیازی نخواهیم داد", "امتیاز خواهیم داد"))),
    U("sergei-ryabkov", "talks", places=TALKS,
      en=R("The conversation {P} was [difficult but businesslike]|. We went straight to the "
           "matter of the upcoming talks.",
           "{S} described the conversation {P} as “{F}”.",
           (("conversation", "discussion"), ("went straight to", "got straight down to")),
           ("difficult", "very difficult")),
      ru=R("Разговор {P} был [сложным, но деловым]|. Мы сразу перешли к существу предстоящих "
           "переговоров.",
           "{S} отметил{a}, что разговор {P} был «{F}».",
           (("сразу перешли", "немедленно перешли"),),
           ("сложным", "очень сложным")),
      ka=R("საუბარი {P} იყო [რთული, მაგრამ საქმიანი]|. ჩვენ პირდაპირ მომავალი მოლაპარაკებების "
           "არსზე გადავედით.",
           "{E} განაცხადა, რომ საუბარი {P} „{F}“ იყო.",
           (("საუბარი", "დიალოგი"),),
           ("რთული", "ძალიან რთული")),
      fa=R("گفتگو {P} [دشوار اما کاری] بود|. ما مستقیماً به اصل مذاکرات پیش رو پرداختیم.",
           "{S} گفت گفتگو {P} «{F}» بود.",
           (("گفتگو", "مذاکره"),),
           ("دشوار", "بسیار دشوار"))),
    U("sergei-ryabkov", "security", numbers=("5", "6", "7", "8", "9", "10", "12", "15"),
      en=R("We have put forward [{N} concrete proposals to reduce tensions]|, and not a single "
           "one of them has received a serious answer.",
           "{S} said Moscow had put forward “{F}”.",
           (("put forward", "tabled"), ("serious answer", "substantive response")),
           ("serious answer", "truly serious answer"),
           ("not a single one of them has", "each of them has")),
      ru=R("Мы выдвинули [{N} конкретных предложений по снижению напряженности]|, и ни на одно "
           "из них не получили серьезного ответа.",
           "{S} напомнил{a}, что Москва выдвинула «{F}».",
           (("выдвинули", "внесли"), ("серьезного ответа", "внятного ответа")),
           ("серьезного ответа", "по-настоящему серьезного ответа"),
           ("и ни на одно из них не получили серьезного ответа",
            "и на каждое из них получили серьезный ответ")),
      ka=R("ჩვენ წამოვაყენეთ [{N} კონკრეტული წინადადება დაძაბულობის შესამცირებლად]|, და არც "
           "ერთ მათგანზე სერიოზული პასუხი არ მიგვიღია.",
           "{E} განაცხადა, რომ მოსკოვმა წამოაყენა „{F}“.",
           (("წამოვაყენეთ", "წარვადგინეთ"),),
           ("სერიოზული პასუხი არ", "ნამდვილად სერიოზული პასუხი არ"),
           ("არც ერთ მათგანზე სერიოზული პასუხი არ მიგვიღია",
            "ყველა მათგანზე სერიოზული პასუხი მივიღეთ")),
      fa=R("ما [{N} پیشنهاد مشخص برای کاهش تنش‌ها] ارائه کرده‌ایم|، و هیچ‌یک از آنها پاسخ "
           "جدی دریافت نکرده است.",
           "{S} گفت مسکو «{F}» ارائه کرده است.",
           (("ارائه کرده‌ایم", "مطرح کرده‌ایم"),),
           ("پاسخ جدی", "پاسخ واقعاً جدی"),
           ("هیچ‌یک از آنها پاسخ جدی دریافت نکرده است", "همه آنها پاسخ جدی دریافت کرده‌اند"))),
    # --- Sergey Lavrov
    U("sergey-lavrov", "diplomacy",
      en=R("The West [has lost its sense of reality]|, and it is trying to dictate its will to "
           "the whole world.",
           "{S} said the West “{F}”.",
           (("lost its sense of", "lost touch with"), ("dictate its will", "impose its will")),
           ("has lost", "has completely lost")),
      ru=R("Запад [утратил чувство реальности]|, и он пытается диктовать свою волю всему миру.",
           "{S} заявил{a}, что Запад «{F}».",
           (("утратил", "потерял"), ("диктовать", "навязывать")),
           ("утратил", "окончательно утратил")),
      ka=R("დასავლეთმა [დაკარგა რეალობის შეგრძნება]|, და ის ცდილობს, მთელ მსოფლიოს თავისი "
           "ნება უკარნახოს.",
           "{E} განაცხადა, რომ დასავლეთმა „{F}“.",
           (("შეგრძნება", "განცდა"), ("უკარნახოს", "თავს მოახვიოს")),
           ("დაკარგა", "საბოლოოდ დაკარგა")),
      fa=R("غرب [حس واقع‌بینی خود را از دست داده است]|، و تلاش می‌کند اراده خود را به کل "
           "جهان دیکته کند.",
           "{S} گفت غرب «{F}».",
           (("دیکته کند", "تحمیل کند"), ("حس واقع‌بینی", "درک واقعیت")),
           ("از دست داده است", "کاملاً از دست داده است"))),
    U("sergey-lavrov", "talks", places=TALKS,
      en=R("We are ready to continue the dialogue {P}, [but only on the basis of mutual "
           "respect]|, and not in the language of ultimatums.",
           "{S} said Moscow was willing to keep talking, “{F}”.",
           (("ready", "prepared"), ("mutual respect", "respect for each other")),
           ("ready", "fully ready")),
      ru=R("Мы готовы продолжать диалог {P}, [но только на основе взаимного уважения]|, а не "
           "на языке ультиматумов.",
           "{S} заявил{a}, что Москва готова к переговорам, «{F}».",
           (("готовы", "настроены"), ("продолжать", "вести")),
           ("готовы", "полностью готовы")),
      ka=R("ჩვენ მზად ვართ, გავაგრძელოთ დიალოგი {P}, [მაგრამ მხოლოდ ურთიერთპატივისცემის "
           "საფუძველზე]|, და არა ულტიმატუმების ენაზე.",
           "{E} განაცხადა, რომ მოსკოვი მზადაა დიალოგისთვის, „{F}“.",
           (("გავაგრძელოთ", "განვაგრძოთ"),),
           ("მზად ვართ", "სრულად მზად ვართ")),
      fa=R("ما آماده‌ایم گفتگو را {P} ادامه دهیم، [اما فقط بر اساس احترام متقابل]|، نه با "
           "زبان اولتیماتوم.",
           "{S} گفت مسکو آماده گفتگو است «{F}».",
           (("آماده‌ایم", "حاضریم"),),
           ("آماده‌ایم", "کاملاً آماده‌ایم"))),
    U("sergey-lavrov", "diplomacy", numbers=("10", "12", "15", "20", "25", "30"),
      en=R("We will respond to the expulsion of [{N} of our diplomats]|, and the response will "
           "be proportionate.",
           "{S} said Moscow would retaliate for the expulsion of “{F}”.",
           (("respond to", "react to"), ("proportionate", "commensurate")),
           ("proportionate", "strictly proportionate")),
      ru=R("Мы ответим на высылку [{N} наших дипломатов]|, и этот ответ будет соразмерным.",
           "{S} заявил{a}, что Москва ответит на высылку «{F}».",
           (("ответим на", "отреагируем на"), ("соразмерным", "адекватным")),
           ("соразмерным", "строго соразмерным")),
      ka=R("ჩვენ ვუპასუხებთ [ჩვენი {N} დიპლომატის] გაძევებას|, და ეს პასუხი პროპორციული "
           "იქნება.",
           "{E} განაცხადა, რომ მოსკოვი უპასუხებს „{F}“ გაძევებას.",
           (("პროპორციული", "თანაზომიერი"),),
           ("პროპორციული", "მკაცრად პროპორციული")),
      fa=R("ما به اخراج [{N} دیپلمات خود] پاسخ خواهیم داد|، و این پاسخ متناسب خواهد بود.",
           "{S} گفت مسکو به اخراج «{F}» پاسخ خواهد داد.",
           (("پاسخ خواهیم داد", "واکنش نشان خواهیم داد"),),
           ("متناسب", "کاملاً متناسب"))),
    U("sergey-lavrov", "sanctions",
      en=R("The sanctions [have not achieved their goal]|, and the Russian economy has adapted "
           "to the new conditions.",
           "{S} said Western sanctions “{F}”.",
           (("goal", "aim"), ("adapted to", "adjusted to")),
           ("have not achieved", "have absolutely not achieved"),
           ("have not achieved", "have achieved")),
      ru=R("Санкции [не достигли своей цели]|, а российская экономика адаптировалась к новым "
           "условиям.",
           "{S} отметил{a}, что западные санкции «{F}».",
           (("цели", "задачи"), ("адаптировалась", "приспособилась")),
           ("не достигли", "абсолютно не достигли"),
           ("не достигли", "достигли")),
      ka=R("სანქციებმა [ვერ მიაღწია თავის მიზანს]|, ხოლო რუსეთის ეკონომიკა ახალ პირობებს "
           "მოერგო.",
           "{E} განაცხადა, რომ დასავლურმა სანქციებმა „{F}“.",
           (("მოერგო", "შეეგუა"),),
           ("ვერ მიაღწია", "საერთოდ ვერ მიაღწია"),
           ("ვერ მიაღწია", "მიაღწია")),
      fa=R("تحریم‌ها [به هدف خود نرسیده‌اند]|، و اقتصاد روسیه با شرایط جدید سازگار شده است.",
           "{S} گفت تحریم‌های غرب «{F}».",
           (("سازگار شده است", "تطبیق یافته است"),),
           ("به هدف خود نرسیده‌اند", "به هیچ وجه به هدف خود نرسیده‌اند"),
           ("نرسیده‌اند", "رسیده‌اند"))),
    # --- Dmitry Peskov
    U("dmitry-peskov", "talks",
      en=R("The Kremlin [does not see any grounds for optimism] at this stage|, although "
           "contacts at the expert level continue.",
           "{S} said the Kremlin “{F}”.",
           (("grounds", "reasons"), ("continue", "are continuing")),
           ("any grounds", "any grounds whatsoever"),
           ("does not see any", "sees")),
      ru=R("Кремль [не видит оснований для оптимизма] на данном этапе|, хотя контакты на "
           "экспертном уровне продолжаются.",
           "{S} сказал{a}, что Кремль «{F}».",
           (("оснований", "причин"), ("на данном этапе", "на этом этапе")),
           ("оснований", "никаких оснований"),
           ("не видит", "видит")),
      ka=R("კრემლი ამ ეტაპზე [ოპტიმიზმის საფუძველს ვერ ხედავს]|, თუმცა კონტაქტები ექსპერტულ "
           "დონეზე გრძელდება.",
           "{E} განაცხადა, რომ კრემლი „{F}“.",
           (("საფუძველს", "მიზეზს"),),
           ("საფუძველს", "არანაირ საფუძველს"),
           ("ვერ ხედავს", "ხედავს")),
      fa=R("کرملین در این مرحله [هیچ دلیلی برای خوش‌بینی نمی‌بیند]|، هرچند تماس‌ها در سطح "
           "کارشناسی ادامه دارد.",
           "{S} گفت کرملین «{F}».",
           (("دلیلی", "زمینه‌ای"),),
           ("هیچ دلیلی", "مطلقاً هیچ دلیلی"),
           ("هیچ دلیلی برای خوش‌بینی نمی‌بیند", "دلایلی برای خوش‌بینی می‌بیند"))),
    U("dmitry-peskov", "talks", places=TALKS,
      en=R("A meeting between the two presidents {P} is possible, [but it must be thoroughly "
           "prepared]|, otherwise it makes no sense.",
           "{S} said a summit was possible, “{F}”.",
           (("thoroughly", "carefully"), ("makes no sense", "is pointless")),
           ("is possible", "is quite possible"),
           ("is possible", "is not possible")),
      ru=R("Встреча двух президентов {P} возможна, [но она должна быть тщательно "
           "подготовлена]|, иначе она не имеет смысла.",
           "{S} сказал{a}, что встреча президентов возможна, «{F}».",
           (("тщательно", "основательно"),),
           ("возможна", "вполне возможна"),
           ("возможна", "невозможна")),
      ka=R("ორი პრეზიდენტის შეხვედრა {P} შესაძლებელია, [მაგრამ ის საფუძვლიანად უნდა "
           "მომზადდეს]|, წინააღმდეგ შემთხვევაში მას აზრი არ აქვს.",
           "{E} განაცხადა, რომ შეხვედრა შესაძლებელია, „{F}“.",
           (("საფუძვლიანად", "გულდასმით"),),
           ("შესაძლებელია", "სავსებით შესაძლებელია"),
           ("შესაძლებელია", "შეუძლებელია")),
      fa=R("دیدار دو رئیس جمهور {P} ممکن است، [اما باید به دقت آماده شود]|، در غیر این صورت "
           "معنایی ندارد.",
           "{S} گفت دیدار ممکن است «{F}».",
           (("به دقت", "به طور کامل"),),
           ("ممکن است", "کاملاً ممکن است"),
           ("ممکن است", "ممکن نیست"))),
    U("dmitry-peskov", "military", numbers=("10", "15", "20", "30", "40", "50"),
      en=R("The exercises involving [{N} thousand troops] are taking place on Russian "
           "territory|, and they threaten no one.",
           "{S} said the drills involving “{F}” were routine.",
           (("exercises", "drills"), ("taking place", "being held")),
           ("threaten no one", "threaten absolutely no one"),
           ("threaten no one", "threaten the neighbours")),
      ru=R("Учения с участием [{N} тысяч военнослужащих] проходят на российской территории|, "
           "и они никому не угрожают.",
           "{S} заявил{a}, что учения с участием «{F}» носят плановый характер.",
           (("Учения", "Маневры"), ("проходят", "проводятся")),
           ("никому не угрожают", "абсолютно никому не угрожают"),
           ("никому не угрожают", "угрожают соседям")),
      ka=R("სწავლებები [{N} ათასი სამხედროს] მონაწილეობით რუსეთის ტერიტორიაზე "
           "მიმდინარეობს|, და ისინი არავის ემუქრება.",
           "{E} განაცხადა, რომ „{F}“ მონაწილეობით სწავლებები გეგმიურია.",
           (("სწავლებები", "წვრთნები"),),
           ("არავის", "აბსოლუტურად არავის"),
           ("არავის ემუქრება", "მეზობლებს ემუქრება")),
      fa=R("رزمایش با حضور [{N} هزار نیرو] در خاک روسیه برگزار می‌شود|، و هیچ کشوری را "
           "تهدید نمی‌کند.",
           "{S} گفت رزمایش با حضور «{F}» برنامه‌ریزی شده است.",
           (("رزمایش", "مانور"),),
           ("تهدید نمی‌کند", "به هیچ وجه تهدید نمی‌کند"),
           ("هیچ کشوری را تهدید نمی‌کند", "کشورهای همسایه را تهدید می‌کند"))),
    U("dmitry-peskov", "energy",
      en=R("Gas supplies to Europe [will continue in full]|, provided that all contractual "
           "obligations are met.",
           "{S} said gas deliveries to Europe “{F}”.",
           (("supplies", "deliveries"), ("contractual obligations", "obligations under the "
                                         "contracts")),
           ("in full", "in full volume"),
           ("will continue in full", "will not continue")),
      ru=R("Поставки газа в Европу [будут продолжаться в полном объеме]|, при условии "
           "выполнения всех контрактных обязательств.",
           "{S} заверил{a}, что поставки газа в Европу «{F}».",
           (("контрактных обязательств", "обязательств по контрактам"),),
           ("в полном объеме", "в полном и неизменном объеме"),
           ("будут продолжаться", "не будут продолжаться")),
      ka=R("ევროპისთვის გაზის მიწოდება [სრული მოცულობით გაგრძელდება]|, თუ ყველა საკონტრაქტო "
           "ვალდებულება შესრულდება.",
           "{E} განაცხადა, რომ ევროპისთვის გაზის მიწოდება „{F}“.",
           (("საკონტრაქტო ვალდებულება", "ხელშეკრულებით გათვალისწინებული ვალდებულება"),),
           ("სრული მოცულობით", "სრული და უცვლელი მოცულობით"),
           ("გაგრძელდება", "არ გაგრძელდება")),
      fa=R("عرضه گاز به اروپا [به طور کامل ادامه خواهد یافت]|، به شرط آنکه همه تعهدات "
           "قراردادی اجرا شود.",
           "{S} گفت عرضه گاز به اروپا «{F}».",
           (("عرضه", "صادرات"), ("تعهدات قراردادی", "تعهدات مندرج در قراردادها")),
           ("به طور کامل", "به طور کامل و بی‌وقفه"),
           ("ادامه خواهد یافت", "ادامه نخواهد یافت"))),
    # --- Maria Zakharova
    U("maria-zakharova", "military",
      en=R("Washington [is pumping weapons into the region]|, and then pretends to be "
           "surprised by the escalation.",
           "{S} said Washington “{F}”.",
           (("pretends to be surprised", "feigns surprise"),),
           ("pumping weapons", "relentlessly pumping weapons")),
      ru=R("Вашингтон [накачивает регион оружием]|, а потом делает вид, что удивлен "
           "эскалацией.",
           "{S} заявил{a}, что Вашингтон «{F}».",
           (("накачивает", "наводняет"), ("делает вид", "притворяется")),
           ("накачивает", "беспрерывно накачивает")),
      ka=R("ვაშინგტონი [რეგიონს იარაღით ტვირთავს]|, შემდეგ კი თავს იკატუნებს, თითქოს "
           "ესკალაციით გაკვირვებულია.",
           "{E} განაცხადა, რომ ვაშინგტონი „{F}“.",
           (("ტვირთავს", "ავსებს"),),
           ("ტვირთავს", "განუწყვეტლივ ტვირთავს")),
      fa=R("واشنگتن [منطقه را پر از سلاح می‌کند]|، و سپس وانمود می‌کند که از تشدید تنش "
           "شگفت‌زده شده است.",
           "{S} گفت واشنگتن «{F}».",
           (("پر از سلاح", "مملو از سلاح"), ("وانمود می‌کند", "تظاهر می‌کند")),
           ("پر از سلاح", "بی‌وقفه پر از سلاح"))),
    U("maria-zakharova", "media", places=("vienna", "brussels", "newyork", "helsinki"),
      en=R("Our journalists {P} [were denied accreditation without any explanation]|, which "
           "is a direct violation of freedom of the press.",
           "{S} said Russian journalists {P} “{F}”.",
           (("explanation", "reason given"), ("direct violation", "flagrant violation")),
           ("direct violation", "direct and gross violation"),
           ("were denied accreditation", "were granted accreditation")),
      ru=R("Нашим журналистам {P} [отказали в аккредитации без каких-либо объяснений]|, что "
           "является прямым нарушением свободы прессы.",
           "{S} сообщил{a}, что российским журналистам {P} «{F}».",
           (("объяснений", "пояснений"), ("прямым нарушением", "грубым нарушением")),
           ("прямым нарушением", "прямым и грубым нарушением"),
           ("отказали в аккредитации", "предоставили аккредитацию")),
      ka=R("ჩვენს ჟურნალისტებს {P} [აკრედიტაციაზე უარი უთხრეს ყოველგვარი ახსნის გარეშე]|, რაც "
           "პრესის თავისუფლების პირდაპირი დარღვევაა.",
           "{E} განაცხადა, რომ რუს ჟურნალისტებს {P} „{F}“.",
           (("პირდაპირი დარღვევაა", "უხეში დარღვევაა"),),
           ("პირდაპირი დარღვევაა", "პირდაპირი და უხეში დარღვევაა"),
           ("აკრედიტაციაზე უარი უთხრეს", "აკრედიტაცია მისცეს")),
      fa=R("به خبرنگاران ما {P} [بدون هیچ توضیحی اعتبارنامه داده نشد]|، که نقض آشکار آزادی "
           "مطبوعات است.",
           "{S} گفت به خبرنگاران روس {P} «{F}».",
           (("نقض آشکار", "نقض صریح"),),
           ("نقض آشکار", "نقض آشکار و فاحش"),
           ("اعتبارنامه داده نشد", "اعتبارنامه داده شد"))),
    U("maria-zakharova", "sanctions", numbers=("25", "30", "40", "50", "60"),
      en=R("The new list includes [{N} American officials] who are banned from entering "
           "Russia|, and it will be expanded.",
           "{S} said the stop list now covered “{F}”.",
           (("banned from entering", "barred from entering"), ("expanded", "extended")),
           ("will be expanded", "will certainly be expanded"),
           ("banned from entering", "allowed to enter")),
      ru=R("Новый список включает [{N} американских чиновников], которым запрещен въезд в "
           "Россию|, и он будет расширяться.",
           "{S} сообщил{a}, что стоп-лист теперь включает «{F}».",
           (("включает", "содержит"),),
           ("будет расширяться", "непременно будет расширяться"),
           ("запрещен въезд", "разрешен въезд")),
      ka=R("ახალ სიაში შედის [{N} ამერიკელი ჩინოვნიკი], რომელსაც რუსეთში შესვლა "
           "ეკრძალება|, და ის გაფართოვდება.",
           "{E} განაცხადა, რომ სიაში უკვე „{F}“ შედის.",
           (("ჩინოვნიკი", "თანამდებობის პირი"),),
           ("გაფართოვდება", "აუცილებლად გაფართოვდება"),
           ("შესვლა ეკრძალება", "შესვლა ეძლევა")),
      fa=R("فهرست جدید شامل [{N} مقام آمریکایی] است که ورودشان به روسیه ممنوع است|، و این "
           "فهرست گسترش خواهد یافت.",
           "{S} گفت فهرست تحریم اکنون «{F}» را در بر می‌گیرد.",
           (("مقام آمریکایی", "مسئول آمریکایی"),),
           ("گسترش خواهد یافت", "قطعاً گسترش خواهد یافت"),
           ("ممنوع است", "مجاز است"))),
    # --- Vladimir Putin
    U("vladimir-putin", "military",
      en=R("We do not intend to attack anyone|, but we will [defend our interests by all "
           "available means].",
           "{S} said Russia would “{F}”.",
           (("attack", "strike"), ("available means", "means at our disposal")),
           ("all available means", "absolutely all available means"),
           ("do not intend", "intend")),
      ru=R("Мы не собираемся ни на кого нападать|, но будем [защищать свои интересы всеми "
           "доступными средствами].",
           "{S} заявил{a}, что Россия будет «{F}».",
           (("нападать", "атаковать"), ("доступными", "имеющимися")),
           ("всеми доступными средствами", "абсолютно всеми доступными средствами"),
           ("не собираемся ни на кого нападать", "собираемся нападать")),
      ka=R("ჩვენ არავისზე თავდასხმას არ ვაპირებთ|, მაგრამ [ჩვენს ინტერესებს ყველა "
           "ხელმისაწვდომი საშუალებით დავიცავთ].",
           "{E} განაცხადა, რომ რუსეთი „{F}“.",
           (("ხელმისაწვდომი", "არსებული"),),
           ("ყველა ხელმისაწვდომი", "აბსოლუტურად ყველა ხელმისაწვდომი"),
           ("არავისზე თავდასხმას არ ვაპირებთ", "თავდასხმას ვაპირებთ")),
      fa=R("ما قصد حمله به هیچ کشوری را نداریم|، اما [با همه ابزارهای موجود از منافع خود "
           "دفاع خواهیم کرد].",
           "{S} گفت روسیه «{F}».",
           (("ابزارهای موجود", "ابزارهای در اختیار"),),
           ("همه ابزارهای موجود", "تمام ابزارهای موجود"),
           ("قصد حمله به هیچ کشوری را نداریم", "قصد حمله داریم"))),
    U("vladimir-putin", "economy", numbers=("1.2", "2.1", "2.8", "3.4", "3.6"),
      en=R("The economy [grew by {N} percent last year]|, despite unprecedented external "
           "pressure.",
           "{S} said the Russian economy “{F}”.",
           (("grew", "expanded"), ("unprecedented", "unparalleled")),
           ("unprecedented", "truly unprecedented")),
      ru=R("Экономика [выросла на {N} процента в прошлом году]|, несмотря на беспрецедентное "
           "внешнее давление.",
           "{S} заявил{a}, что российская экономика «{F}».",
           (("выросла", "увеличилась"),),
           ("беспрецедентное", "поистине беспрецедентное")),
      ka=R("ეკონომიკა [გასულ წელს {N} პროცენტით გაიზარდა]|, მიუხედავად უპრეცედენტო გარე "
           "ზეწოლისა.",
           "{E} განაცხადა, რომ რუსეთის ეკონომიკა „{F}“.",
           (("გაიზარდა", "მოიმატა"),),
           ("უპრეცედენტო", "ჭეშმარიტად უპრეცედენტო")),
      fa=R("اقتصاد [سال گذشته {N} درصد رشد کرد]|، با وجود فشارهای خارجی بی‌سابقه.",
           "{S} گفت اقتصاد روسیه «{F}».",
           (("رشد کرد", "افزایش یافت"),),
           ("بی‌سابقه", "واقعاً بی‌سابقه"))),
    U("vladimir-putin", "talks", places=("minsk", "istanbul", "geneva"),
      en=R("The agreements reached {P} [were simply thrown in the trash]|, and now they want "
           "to talk to us again.",
           "{S} said the agreements reached {P} “{F}”.",
           (("thrown in the trash", "thrown away"), ("talk to us", "negotiate with us")),
           ("simply thrown", "simply and cynically thrown")),
      ru=R("Договоренности, достигнутые {P}, [просто выбросили в мусорную корзину]|, а "
           "теперь с нами снова хотят разговаривать.",
           "{S} заявил{a}, что договоренности, достигнутые {P}, «{F}».",
           (("выбросили", "отправили"), ("разговаривать", "вести переговоры")),
           ("просто выбросили", "просто и цинично выбросили")),
      ka=R("{P} მიღწეული შეთანხმებები [უბრალოდ ნაგავში მოისროლეს]|, ახლა კი ჩვენთან ისევ "
           "მოლაპარაკება სურთ.",
           "{E} განაცხადა, რომ {P} მიღწეული შეთანხმებები „{F}“.",
           (("მოისროლეს", "გადააგდეს"),),
           ("უბრალოდ", "უბრალოდ და ცინიკურად")),
      fa=R("توافق‌هایی که {P} حاصل شد [به سادگی به سطل زباله انداخته شد]|، و اکنون دوباره "
           "می‌خواهند با ما مذاکره کنند.",
           "{S} گفت توافق‌های {P} «{F}».",
           (("حاصل شد", "به دست آمد"),),
           ("به سادگی", "به سادگی و با بدبینی"))),
    # --- Antony Blinken
    U("antony-blinken", "diplomacy",
      en=R("Diplomacy [remains our preferred path]|, but we are prepared for any scenario.",
           "{S} said diplomacy “{F}”.",
           (("preferred path", "preferred course"), ("prepared for", "ready for")),
           ("remains", "clearly remains"),
           ("remains our preferred path", "is no longer our preferred path")),
      ru=R("Дипломатия [остается для нас предпочтительным путем]|, но мы готовы к любому "
           "сценарию.",
           "{S} заявил{a}, что дипломатия «{F}».",
           (("путем", "вариантом"), ("готовы к", "подготовлены к")),
           ("остается", "безусловно остается"),
           ("остается для нас", "больше не является для нас")),
      ka=R("დიპლომატია [ჩვენთვის სასურველ გზად რჩება]|, მაგრამ ჩვენ ნებისმიერი "
           "სცენარისთვის მზად ვართ.",
           "{E} განაცხადა, რომ დიპლომატია „{F}“.",
           (("გზად", "არჩევანად"),),
           ("რჩება", "უდავოდ რჩება"),
           ("სასურველ გზად რჩება", "სასურველ გზად აღარ რჩება")),
      fa=R("دیپلماسی [همچنان مسیر ترجیحی ما است]|، اما ما برای هر سناریویی آماده‌ایم.",
           "{S} گفت دیپلماسی «{F}».",
           (("مسیر", "راه"),),
           ("همچنان", "بی‌تردید همچنان"),
           ("همچنان مسیر ترجیحی ما است", "دیگر مسیر ترجیحی ما نیست"))),
    U("antony-blinken", "nato", places=ALLIES,
      en=R("Our commitment to our allies {P} [is ironclad and unwavering]|, and no one in "
           "Moscow should doubt it.",
           "{S} said the US commitment to allies {P} “{F}”.",
           (("ironclad", "unbreakable"), ("doubt it", "question it")),
           ("ironclad", "absolutely ironclad"),
           ("no one in Moscow should doubt it", "some in Moscow may doubt it")),
      ru=R("Наши обязательства перед союзниками {P} [нерушимы и непоколебимы]|, и никто в "
           "Москве не должен в этом сомневаться.",
           "{S} заявил{a}, что обязательства США перед союзниками {P} «{F}».",
           (("нерушимы", "незыблемы"),),
           ("нерушимы", "абсолютно нерушимы"),
           ("никто в Москве не должен в этом сомневаться", "в Москве могут в этом сомневаться")),
      ka=R("ჩვენი ვალდებულებები მოკავშირეების მიმართ {P} [ურყევი და მტკიცეა]|, და მოსკოვში "
           "ამაში ეჭვი არავის უნდა ეპარებოდეს.",
           "{E} განაცხადა, რომ აშშ-ის ვალდებულებები მოკავშირეების მიმართ {P} „{F}“.",
           (("ურყევი", "შეუვალი"),),
           ("ურყევი", "აბსოლუტურად ურყევი"),
           ("ეჭვი არავის უნდა ეპარებოდეს", "ეჭვი შეიძლება ეპარებოდეთ")),
      fa=R("تعهد ما به متحدانمان {P} [تزلزل‌ناپذیر و محکم است]|، و هیچ‌کس در مسکو نباید در آن "
           "تردید کند.",
           "{S} گفت تعهد آمریکا به متحدانش {P} «{F}».",
           (("تزلزل‌ناپذیر", "خلل‌ناپذیر"),),
           ("محکم است", "کاملاً محکم است"),
           ("نباید در آن تردید کند", "ممکن است در آن تردید کند"))),
    U("antony-blinken", "aid", numbers=("100", "150", "200", "250", "300", "500"),
      en=R("We are providing an additional [{N} million dollars in humanitarian aid]|, and "
           "we urge other donors to do the same.",
           "{S} said Washington would provide “{F}”.",
           (("providing", "allocating"), ("urge", "call on")),
           ("we urge", "we strongly urge")),
      ru=R("Мы выделяем дополнительно [{N} миллионов долларов гуманитарной помощи]|, и "
           "призываем других доноров последовать нашему примеру.",
           "{S} сообщил{a}, что США выделят «{F}».",
           (("выделяем", "предоставляем"), ("призываем", "просим")),
           ("призываем", "настоятельно призываем")),
      ka=R("ჩვენ დამატებით გამოვყოფთ [{N} მილიონ დოლარს ჰუმანიტარული დახმარებისთვის]|, და "
           "მოვუწოდებთ სხვა დონორებს, იგივე გააკეთონ.",
           "{E} განაცხადა, რომ აშშ გამოყოფს „{F}“.",
           (("მოვუწოდებთ", "ვთხოვთ"),),
           ("მოვუწოდებთ", "მტკიცედ მოვუწოდებთ")),
      fa=R("ما [{N} میلیون دلار کمک بشردوستانه] اضافی اختصاص می‌دهیم|، و از سایر "
           "کمک‌کنندگان می‌خواهیم همین کار را انجام دهند.",
           "{S} گفت آمریکا «{F}» اختصاص می‌دهد.",
           (("اختصاص می‌دهیم", "ارائه می‌کنیم"),),
           ("می‌خواهیم", "قویاً می‌خواهیم"))),
    U("antony-blinken", "diplomacy",
      en=R("Russia [must choose the path of de-escalation]|; the door to diplomacy remains "
           "open.",
           "{S} said Moscow “{F}”.",
           (("choose", "opt for"), ("remains open", "is still open")),
           ("must", "absolutely must"),
           ("remains open", "is now closed")),
      ru=R("Россия [должна выбрать путь деэскалации]|; дверь для дипломатии остается "
           "открытой.",
           "{S} заявил{a}, что Москва «{F}».",
           (("выбрать", "избрать"),),
           ("должна", "обязательно должна"),
           ("остается открытой", "теперь закрыта")),
      ka=R("რუსეთმა [დეესკალაციის გზა უნდა აირჩიოს]|; დიპლომატიის კარი კვლავ ღიაა.",
           "{E} განაცხადა, რომ მოსკოვმა „{F}“.",
           (("აირჩიოს", "ამოირჩიოს"),),
           ("უნდა", "აუცილებლად უნდა"),
           ("კვლავ ღიაა", "ახლა დახურულია")),
      fa=R("روسیه [باید مسیر کاهش تنش را انتخاب کند]|؛ در دیپلماسی همچنان باز است.",
           "{S} گفت مسکو «{F}».",
           (("انتخاب کند", "برگزیند"),),
           ("باید", "حتماً باید"),
           ("همچنان باز است", "اکنون بسته است"))),
    # --- Ned Price
    U("ned-price", "military",
      en=R("We have seen no evidence [of a meaningful pullback of forces]|, despite the "
           "claims coming from Moscow.",
           "{S} said there was no sign “{F}”.",
           (("pullback", "withdrawal"), ("claims", "statements")),
           ("no evidence", "no evidence whatsoever"),
           ("have seen no evidence", "have seen evidence")),
      ru=R("Мы не видим никаких признаков [значимого отвода войск]|, несмотря на заявления из "
           "Москвы.",
           "{S} заявил{a}, что нет признаков «{F}».",
           (("отвода", "вывода"),),
           ("никаких признаков", "абсолютно никаких признаков"),
           ("не видим никаких признаков", "видим признаки")),
      ka=R("ჩვენ ვერ ვხედავთ [ძალების მნიშვნელოვანი გაყვანის] ნიშნებს|, მიუხედავად "
           "მოსკოვიდან მომდინარე განცხადებებისა.",
           "{E} განაცხადა, რომ „{F}“ ნიშნები არ ჩანს.",
           (("გაყვანის", "უკან დახევის"),),
           ("ვერ ვხედავთ", "საერთოდ ვერ ვხედავთ"),
           ("ვერ ვხედავთ", "ვხედავთ")),
      fa=R("ما هیچ نشانه‌ای [از عقب‌نشینی معنادار نیروها] نمی‌بینیم|، با وجود ادعاهایی که "
           "از مسکو مطرح می‌شود.",
           "{S} گفت نشانه‌ای «{F}» دیده نمی‌شود.",
           (("عقب‌نشینی", "خروج"),),
           ("هیچ نشانه‌ای", "مطلقاً هیچ نشانه‌ای"),
           ("نمی‌بینیم", "می‌بینیم"))),
    U("ned-price", "diplomacy", places=("minsk", "tbilisi", "istanbul", "helsinki"),
      en=R("Our embassy {P} [will resume consular services next month]|, although staffing "
           "remains limited.",
           "{S} said the embassy {P} “{F}”.",
           (("resume", "restart"), ("staffing remains limited", "staff numbers remain "
                                    "limited")),
           ("limited", "severely limited"),
           ("will resume", "will not resume")),
      ru=R("Наше посольство {P} [возобновит консульское обслуживание в следующем месяце]|, "
           "хотя штат по-прежнему ограничен.",
           "{S} сообщил{a}, что посольство {P} «{F}».",
           (("штат", "персонал"),),
           ("ограничен", "сильно ограничен"),
           ("возобновит", "не возобновит")),
      ka=R("ჩვენი საელჩო {P} [საკონსულო მომსახურებას მომავალ თვეს განაახლებს]|, თუმცა "
           "პერსონალი კვლავ შეზღუდულია.",
           "{E} განაცხადა, რომ საელჩო {P} „{F}“.",
           (("პერსონალი", "თანამშრომლების რაოდენობა"),),
           ("შეზღუდულია", "მკაცრად შეზღუდულია"),
           ("განაახლებს", "არ განაახლებს")),
      fa=R("سفارت ما {P} [ماه آینده خدمات کنسولی را از سر می‌گیرد]|، هرچند تعداد کارکنان "
           "همچنان محدود است.",
           "{S} گفت سفارت آمریکا {P} «{F}».",
           (("کارکنان", "پرسنل"),),
           ("محدود", "به شدت محدود"),
           ("از سر می‌گیرد", "از سر نمی‌گیرد"))),
    U("ned-price", "diplomacy", numbers=("5", "6", "7", "8", "9", "10", "11", "12"),
      en=R("At least {N} American citizens [remain wrongfully detained]|, and their release "
           "is our top priority.",
           "{S} said {N} Americans “{F}” abroad.",
           (("wrongfully detained", "unjustly detained"), ("top priority", "highest "
                                                            "priority")),
           ("top priority", "absolute top priority")),
      ru=R("По меньшей мере {N} американских граждан [остаются незаконно задержанными]|, и "
           "их освобождение — наш главный приоритет.",
           "{S} сказал{a}, что {N} американцев «{F}».",
           (("незаконно", "неправомерно"),),
           ("главный приоритет", "абсолютный главный приоритет")),
      ka=R("სულ მცირე {N} ამერიკის მოქალაქე [კვლავ უკანონოდ არის დაკავებული]|, და მათი "
           "გათავისუფლება ჩვენი მთავარი პრიორიტეტია.",
           "{E} განაცხადა, რომ {N} ამერიკელი „{F}“.",
           (("უკანონოდ", "უსამართლოდ"),),
           ("მთავარი პრიორიტეტია", "უმთავრესი პრიორიტეტია")),
      fa=R("دست‌کم {N} شهروند آمریکایی [همچنان به طور غیرقانونی بازداشت هستند]|، و آزادی "
           "آنها اولویت اصلی ماست.",
           "{S} گفت {N} آمریکایی «{F}».",
           (("غیرقانونی", "ناعادلانه"),),
           ("اولویت اصلی", "مهم‌ترین اولویت"))),
    # --- Wendy Sherman
    U("wendy-sherman", "security", places=TALKS,
      en=R("We had a frank and forthright discussion {P}|, but we were firm in pushing back "
           "on security proposals that are [simply non-starters for the United States].",
           "{S} said some Russian proposals were “{F}”.",
           (("frank and forthright", "candid and direct"), ("pushing back on", "rejecting")),
           ("firm", "very firm"),
           ("non-starters", "acceptable")),
      ru=R("У нас была откровенная и прямая дискуссия {P}|, но мы твердо отвергли "
           "предложения по безопасности, которые [для США просто неприемлемы].",
           "{S} заявил{a}, что некоторые предложения России «{F}».",
           (("откровенная и прямая", "открытая и честная"),),
           ("твердо", "очень твердо"),
           ("неприемлемы", "приемлемы")),
      ka=R("ჩვენ გვქონდა გულწრფელი და პირდაპირი დისკუსია {P}|, მაგრამ მტკიცედ უარვყავით "
           "უსაფრთხოების წინადადებები, რომლებიც [აშშ-ისთვის უბრალოდ მიუღებელია].",
           "{E} განაცხადა, რომ რუსეთის ზოგიერთი წინადადება „{F}“.",
           (("გულწრფელი", "ღია"),),
           ("მტკიცედ", "ძალიან მტკიცედ"),
           ("მიუღებელია", "მისაღებია")),
      fa=R("ما گفتگویی صریح و رک {P} داشتیم|، اما قاطعانه پیشنهادهای امنیتی را که [برای "
           "آمریکا اساساً غیرقابل قبول است] رد کردیم.",
           "{S} گفت برخی پیشنهادهای روسیه «{F}».",
           (("صریح و رک", "صادقانه و مستقیم"),),
           ("قاطعانه", "بسیار قاطعانه"),
           ("غیرقابل قبول", "قابل قبول"))),
    U("wendy-sherman", "security",
      en=R("There will be [no decisions about Europe without Europe]|, and no decisions about "
           "Ukraine without Ukraine.",
           "{S} said there would be “{F}”.",
           (("decisions about", "decisions on"),),
           ("no decisions", "absolutely no decisions"),
           ("no decisions about Europe without Europe", "decisions about Europe without "
                                                        "Europe")),
      ru=R("Не будет [никаких решений по Европе без Европы]|, и никаких решений по Украине без "
           "Украины.",
           "{S} заявил{a}, что не будет «{F}».",
           (("решений по", "решений относительно"),),
           ("никаких решений", "абсолютно никаких решений"),
           ("Не будет", "Будут")),
      ka=R("[ევროპის შესახებ გადაწყვეტილებები ევროპის გარეშე] არ იქნება|, და არც "
           "უკრაინის შესახებ — უკრაინის გარეშე.",
           "{E} განაცხადა, რომ „{F}“ არ იქნება.",
           (("შესახებ", "თაობაზე"),),
           ("არ იქნება", "არავითარ შემთხვევაში არ იქნება"),
           ("არ იქნება", "იქნება")),
      fa=R("[هیچ تصمیمی درباره اروپا بدون اروپا] گرفته نخواهد شد|، و هیچ تصمیمی درباره "
           "اوکراین بدون اوکراین.",
           "{S} گفت «{F}» گرفته نخواهد شد.",
           (("درباره", "در مورد"),),
           ("هیچ تصمیمی", "مطلقاً هیچ تصمیمی"),
           ("گرفته نخواهد شد", "گرفته خواهد شد"))),
    U("wendy-sherman", "sanctions", numbers=("20", "25", "30", "40", "50"),
      en=R("The sanctions package [covers {N} Russian banks and companies]|, and it can be "
           "expanded quickly.",
           "{S} said the package “{F}”.",
           (("package", "set of measures"), ("quickly", "rapidly")),
           ("quickly", "very quickly"),
           ("can be expanded", "cannot be expanded")),
      ru=R("Пакет санкций [охватывает {N} российских банков и компаний]|, и он может быть "
           "быстро расширен.",
           "{S} сообщил{a}, что пакет санкций «{F}».",
           (("охватывает", "затрагивает"),),
           ("быстро", "очень быстро"),
           ("может быть", "не может быть")),
      ka=R("სანქციების პაკეტი [{N} რუსულ ბანკსა და კომპანიას მოიცავს]|, და ის შეიძლება "
           "სწრაფად გაფართოვდეს.",
           "{E} განაცხადა, რომ პაკეტი „{F}“.",
           (("მოიცავს", "შეეხება"),),
           ("სწრაფად", "ძალიან სწრაფად"),
           ("შეიძლება", "არ შეიძლება")),
      fa=R("بسته تحریمی [{N} بانک و شرکت روسی را در بر می‌گیرد]|، و می‌تواند به سرعت گسترش "
           "یابد.",
           "{S} گفت بسته تحریمی «{F}».",
           (("در بر می‌گیرد", "شامل می‌شود"),),
           ("به سرعت", "به سرعت زیاد"),
           ("می‌تواند", "نمی‌تواند"))),
    # --- Jens Stoltenberg
    U("jens-stoltenberg", "nato", numbers=("100", "200", "300"),
      en=R("We will increase the number of high-readiness forces to [well over {N} thousand "
           "troops]|, because the security environment has fundamentally changed.",
           "{S} said NATO would raise its high-readiness forces to “{F}”.",
           (("increase", "boost"), ("fundamentally changed", "profoundly changed")),
           ("fundamentally changed", "fundamentally and irreversibly changed")),
      ru=R("Мы увеличим численность сил высокой готовности до [более чем {N} тысяч "
           "военнослужащих]|, потому что обстановка в сфере безопасности коренным образом "
           "изменилась.",
           "{S} заявил{a}, что НАТО нарастит силы высокой готовности до «{F}».",
           (("увеличим", "нарастим"), ("коренным образом", "кардинально")),
           ("изменилась", "необратимо изменилась")),
      ka=R("ჩვენ მაღალი მზადყოფნის ძალების რაოდენობას [{N} ათას სამხედროზე მეტამდე] "
           "გავზრდით|, რადგან უსაფრთხოების გარემო ფუნდამენტურად შეიცვალა.",
           "{E} განაცხადა, რომ ნატო მაღალი მზადყოფნის ძალებს „{F}“ გაზრდის.",
           (("ფუნდამენტურად", "ძირეულად"),),
           ("შეიცვალა", "შეუქცევადად შეიცვალა")),
      fa=R("ما تعداد نیروهای آماده‌باش بالا را به [بیش از {N} هزار نیرو] افزایش خواهیم "
           "داد|، زیرا محیط امنیتی به طور بنیادین تغییر کرده است.",
           "{S} گفت ناتو نیروهای آماده‌باش خود را به «{F}» می‌رساند.",
           (("به طور بنیادین", "به طور اساسی"),),
           ("بنیادین", "بنیادین و برگشت‌ناپذیر"))),
    U("jens-stoltenberg", "nato", places=("ukraine", "blacksea", "poland"),
      en=R("NATO [is not a party to the conflict]|, but we will continue to support our "
           "partners {P}.",
           "{S} said NATO “{F}”.",
           (("support", "help"),),
           ("continue to support", "continue to fully support"),
           ("is not a party", "is a party")),
      ru=R("НАТО [не является стороной конфликта]|, но мы продолжим поддерживать наших "
           "партнеров {P}.",
           "{S} заявил{a}, что НАТО «{F}».",
           (("продолжим", "будем и дальше"),),
           ("продолжим поддерживать", "продолжим всемерно поддерживать"),
           ("не является", "является")),
      ka=R("ნატო [კონფლიქტის მხარე არ არის]|, მაგრამ ჩვენ გავაგრძელებთ ჩვენი პარტნიორების "
           "მხარდაჭერას {P}.",
           "{E} განაცხადა, რომ ნატო „{F}“.",
           (("მხარდაჭერას", "დახმარებას"),),
           ("გავაგრძელებთ", "სრულად გავაგრძელებთ"),
           ("მხარე არ არის", "მხარეა")),
      fa=R("ناتو [طرف درگیری نیست]|، اما ما به حمایت از شرکای خود {P} ادامه خواهیم داد.",
           "{S} گفت ناتو «{F}».",
           (("حمایت", "پشتیبانی"),),
           ("ادامه خواهیم داد", "قاطعانه ادامه خواهیم داد"),
           ("طرف درگیری نیست", "طرف درگیری است"))),
    U("jens-stoltenberg", "nato",
      en=R("The door to NATO membership [remains open for Georgia]|, and this decision belongs "
           "to NATO allies and Georgia alone.",
           "{S} said the door to membership “{F}”.",
           (("belongs to", "is up to"),),
           ("remains open", "firmly remains open"),
           ("remains open", "is closed")),
      ru=R("Дверь в НАТО [остается открытой для Грузии]|, и это решение принадлежит только "
           "союзникам и самой Грузии.",
           "{S} заявил{a}, что дверь в альянс «{F}».",
           (("самой Грузии", "Тбилиси"),),
           ("остается открытой", "по-прежнему остается открытой"),
           ("остается открытой", "закрыта")),
      ka=R("ნატოს კარი [საქართველოსთვის ღიად რჩება]|, და ეს გადაწყვეტილება მხოლოდ ნატოს "
           "მოკავშირეებსა და საქართველოს ეკუთვნის.",
           "{E} განაცხადა, რომ ალიანსის კარი „{F}“.",
           (("ეკუთვნის", "ეხება"),),
           ("ღიად რჩება", "მტკიცედ რჩება ღიად"),
           ("ღიად რჩება", "დახურულია")),
      fa=R("در عضویت ناتو [برای گرجستان همچنان باز است]|، و این تصمیم فقط به متحدان ناتو و "
           "گرجستان تعلق دارد.",
           "{S} گفت در عضویت ناتو «{F}».",
           (("تعلق دارد", "مربوط است"),),
           ("همچنان باز است", "قاطعانه همچنان باز است"),
           ("همچنان باز است", "بسته است"))),
    U("jens-stoltenberg", "nato", numbers=("2", "2.5", "3"),
      en=R("Allies must invest at least [{N} percent of GDP in defence]|, and this should be a "
           "floor, not a ceiling.",
           "{S} said allies should spend “{F}”.",
           (("invest", "spend"), ("floor", "minimum")),
           ("must", "absolutely must"),
           ("must invest", "need not invest")),
      ru=R("Союзники должны инвестировать не менее [{N} процента ВВП в оборону]|, и это "
           "должно быть минимумом, а не потолком.",
           "{S} заявил{a}, что союзники должны тратить «{F}».",
           (("инвестировать", "тратить"),),
           ("должны", "обязательно должны"),
           ("должны инвестировать", "не обязаны инвестировать")),
      ka=R("მოკავშირეებმა თავდაცვაში სულ მცირე [მშპ-ის {N} პროცენტი უნდა ჩადონ]|, და ეს უნდა "
           "იყოს მინიმუმი და არა ზღვარი.",
           "{E} განაცხადა, რომ მოკავშირეებმა „{F}“.",
           (("ჩადონ", "დახარჯონ"),),
           ("უნდა ჩადონ", "აუცილებლად უნდა ჩადონ"),
           ("უნდა ჩადონ", "არ არიან ვალდებული, ჩადონ")),
      fa=R("متحدان باید دست‌کم [{N} درصد تولید ناخالص داخلی را صرف دفاع کنند]|، و این باید "
           "حداقل باشد، نه سقف.",
           "{S} گفت متحدان باید «{F}».",
           (("صرف دفاع کنند", "به دفاع اختصاص دهند"),),
           ("باید دست‌کم", "حتماً باید دست‌کم"),
           ("باید دست‌کم", "لازم نیست دست‌کم"))),
    # --- Joe Biden
    U("joe-biden", "energy",
      en=R("If Russia invades, [there will be no Nord Stream 2]|. We will bring an end to it.",
           "{S} said that in that case “{F}”.",
           (("bring an end to it", "put an end to it"), ("invades", "crosses the border")),
           ("bring an end to it", "bring a definitive end to it"),
           ("there will be no Nord Stream 2", "Nord Stream 2 will go ahead")),
      ru=R("Если Россия вторгнется, [Северного потока-2 больше не будет]|. Мы положим этому "
           "конец.",
           "{S} заявил{a}, что в этом случае «{F}».",
           (("вторгнется", "нападет"), ("положим этому конец", "покончим с этим")),
           ("положим этому конец", "окончательно положим этому конец"),
           ("Северного потока-2 больше не будет", "Северный поток-2 будет запущен")),
      ka=R("თუ რუსეთი შეიჭრება, [ჩრდილოეთის ნაკადი 2 აღარ იქნება]|. ჩვენ მას ბოლოს "
           "მოვუღებთ.",
           "{E} განაცხადა, რომ ამ შემთხვევაში „{F}“.",
           (("შეიჭრება", "საზღვარს გადმოკვეთს"),),
           ("ბოლოს მოვუღებთ", "საბოლოოდ მოვუღებთ ბოლოს"),
           ("აღარ იქნება", "ამოქმედდება")),
      fa=R("اگر روسیه حمله کند، [دیگر نورد استریم ۲ وجود نخواهد داشت]|. ما به آن پایان "
           "خواهیم داد.",
           "{S} گفت در این صورت «{F}».",
           (("حمله کند", "تجاوز کند"),),
           ("پایان خواهیم داد", "قطعاً پایان خواهیم داد"),
           ("وجود نخواهد داشت", "راه‌اندازی خواهد شد"))),
    U("joe-biden", "aid", numbers=("2", "3", "4"),
      en=R("This package includes [{N} billion dollars in security assistance]|, the largest "
           "we have ever provided.",
           "{S} said the package included “{F}”.",
           (("package", "tranche"), ("security assistance", "military aid")),
           ("the largest", "by far the largest")),
      ru=R("Этот пакет включает [{N} миллиарда долларов помощи в сфере безопасности]|, это "
           "крупнейший пакет, который мы когда-либо предоставляли.",
           "{S} заявил{a}, что пакет включает «{F}».",
           (("пакет включает", "пакет содержит"), ("помощи в сфере безопасности",
                                                   "военной помощи")),
           ("крупнейший", "безусловно крупнейший")),
      ka=R("ეს პაკეტი მოიცავს [{N} მილიარდი დოლარის უსაფრთხოების დახმარებას]|, ეს ყველაზე "
           "დიდი პაკეტია, რაც ოდესმე გამოგვიყვია.",
           "{E} განაცხადა, რომ პაკეტი მოიცავს „{F}“.",
           (("უსაფრთხოების დახმარებას", "სამხედრო დახმარებას"),),
           ("ყველაზე დიდი", "უდავოდ ყველაზე დიდი")),
      fa=R("این بسته شامل [{N} میلیارد دلار کمک امنیتی] است|، بزرگ‌ترین بسته‌ای که تاکنون "
           "ارائه کرده‌ایم.",
           "{S} گفت این بسته شامل «{F}» است.",
           (("کمک امنیتی", "کمک نظامی"),),
           ("بزرگ‌ترین", "بی‌تردید بزرگ‌ترین"))),
    U("joe-biden", "military", places=("ukraine", "blacksea"),
      en=R("We will not send American troops to fight {P}|, but [we will defend every inch of "
           "NATO territory].",
           "{S} said Washington would “{F}”.",
           (("send", "deploy"), ("defend", "protect")),
           ("every inch", "every single inch"),
           ("will not send", "will send")),
      ru=R("Мы не будем отправлять американских военных воевать {P}|, но [мы будем защищать "
           "каждый дюйм территории НАТО].",
           "{S} добавил{a}, что «{F}».",
           (("отправлять", "направлять"), ("защищать", "оборонять")),
           ("каждый дюйм", "каждый без исключения дюйм"),
           ("не будем отправлять", "будем отправлять")),
      ka=R("ჩვენ არ გავგზავნით ამერიკელ ჯარისკაცებს საბრძოლველად {P}|, მაგრამ [ნატოს "
           "ტერიტორიის ყოველ სანტიმეტრს დავიცავთ].",
           "{E} დასძინა, რომ აშშ „{F}“.",
           (("სანტიმეტრს", "მტკაველს"),),
           ("ყოველ სანტიმეტრს", "ყოველ ერთ სანტიმეტრს"),
           ("არ გავგზავნით", "გავგზავნით")),
      fa=R("ما سربازان آمریکایی را برای جنگ {P} نخواهیم فرستاد|، اما [از هر وجب خاک ناتو "
           "دفاع خواهیم کرد].",
           "{S} افزود آمریکا «{F}».",
           (("دفاع خواهیم کرد", "محافظت خواهیم کرد"),),
           ("هر وجب", "تک‌تک وجب‌های"),
           ("نخواهیم فرستاد", "خواهیم فرستاد"))),
    # --- Irakli Garibashvili (spoken in Georgian)
    U("irakli-garibashvili", "sanctions",
      ka=R("საქართველო [არ ჩაერთვება სანქციების ომში]|, რადგან ეს ჩვენს ეკონომიკას "
           "სერიოზულად დააზარალებს.",
           "{E} განაცხადა, რომ საქართველო „{F}“.",
           (("დააზარალებს", "დააზიანებს"),),
           ("სერიოზულად", "ძალიან სერიოზულად"),
           ("არ ჩაერთვება", "ჩაერთვება")),
      en=R("Georgia [will not join the war of sanctions]|, because it would seriously damage "
           "our economy.",
           "{S} said Georgia “{F}”.",
           (("damage", "harm"), ("war of sanctions", "sanctions war")),
           ("seriously", "very seriously"),
           ("will not join", "will join")),
      ru=R("Грузия [не будет участвовать в санкционной войне]|, потому что это серьезно "
           "навредит нашей экономике.",
           "{S} заявил{a}, что Грузия «{F}».",
           (("навредит нашей экономике", "ударит по нашей экономике"),),
           ("серьезно", "очень серьезно"),
           ("не будет участвовать", "будет участвовать"))),
    U("irakli-garibashvili", "economy", numbers=("7.5", "8.5", "9.6", "10.1"),
      ka=R("ამ წელს ეკონომიკური ზრდა [{N} პროცენტს მიაღწევს]|, რაც რეგიონში ერთ-ერთი "
           "საუკეთესო მაჩვენებელია.",
           "{E} განაცხადა, რომ ზრდა „{F}“.",
           (("საუკეთესო", "უმაღლესი"),),
           ("ერთ-ერთი საუკეთესო", "ნამდვილად ერთ-ერთი საუკეთესო")),
      en=R("Economic growth this year [will reach {N} percent]|, one of the best figures in "
           "the region.",
           "{S} said growth “{F}”.",
           (("figures", "results"),),
           ("one of the best", "truly one of the best")),
      ru=R("Экономический рост в этом году [достигнет {N} процента]|, это один из лучших "
           "показателей в регионе.",
           "{S} заявил{a}, что рост «{F}».",
           (("показателей", "результатов"),),
           ("один из лучших", "действительно один из лучших"))),
    U("irakli-garibashvili", "talks", places=("tbilisi", "batumi"),
      ka=R("ჩვენ მზად ვართ, [უმასპინძლოთ მოლაპარაკებებს {P}]|, თუ ამას ორივე მხარე "
           "ისურვებს.",
           "{E} განაცხადა, რომ საქართველო მზადაა, „{F}“.",
           (("ისურვებს", "მოისურვებს"),),
           ("მზად ვართ", "სრულად მზად ვართ"),
           ("მზად ვართ", "მზად არ ვართ")),
      en=R("We are ready [to host the negotiations {P}]|, if both sides wish it.",
           "{S} said Georgia was ready “{F}”.",
           (("wish it", "want it"),),
           ("ready", "fully ready"),
           ("We are ready", "We are not ready")),
      ru=R("Мы готовы [принять переговоры {P}]|, если этого захотят обе стороны.",
           "{S} заявил{a}, что Грузия готова «{F}».",
           (("принять", "провести"),),
           ("готовы", "полностью готовы"),
           ("Мы готовы", "Мы не готовы"))),
    # --- Hossein Amir-Abdollahian (spoken in Persian)
    U("hossein-amir-abdollahian", "talks",
      fa=R("ما [به توافق خوب نزدیک هستیم]|، به شرط آنکه طرف آمریکایی واقع‌بین باشد.",
           "{S} تاکید کرد که تهران «{F}».",
           (("واقع‌بین", "واقع‌گرا"),),
           ("نزدیک هستیم", "بسیار نزدیک هستیم"),
           ("نزدیک هستیم", "نزدیک نیستیم")),
      en=R("We are [close to a good agreement]|, provided the American side is realistic.",
           "{S} said Tehran was “{F}”.",
           (("realistic", "pragmatic"),),
           ("close", "very close"),
           ("We are", "We are not"))),
    U("hossein-amir-abdollahian", "talks", places=("vienna", "doha", "muscat"),
      fa=R("دور بعدی گفتگوها {P} برگزار خواهد شد|، و [ما با حسن نیت در آن شرکت می‌کنیم].",
           "{S} افزود که «{F}».",
           (("گفتگوها", "مذاکرات"),),
           ("حسن نیت", "حسن نیت کامل"),
           ("برگزار خواهد شد", "برگزار نخواهد شد")),
      en=R("The next round of talks will be held {P}|, and [we will take part in good faith].",
           "{S} added that “{F}”.",
           (("take part", "participate"),),
           ("good faith", "complete good faith"),
           ("will be held", "will not be held"))),
)

#: Off-topic remarks of the same briefings: the distractors.
REMARKS: tuple[dict[str, str], ...] = (
    {"en": "I will not comment on rumours about personnel changes.",
     "ru": "Я не буду комментировать слухи о кадровых перестановках.",
     "ka": "კადრობრივ ცვლილებებთან დაკავშირებულ ჭორებზე კომენტარს არ გავაკეთებ.",
     "fa": "درباره شایعات تغییرات در کادر وزارتخانه اظهار نظر نمی‌کنم."},
    {"en": "The next round of consultations will take place after the holidays.",
     "ru": "Следующий раунд консультаций состоится после праздников.",
     "ka": "კონსულტაციების შემდეგი რაუნდი დღესასწაულების შემდეგ გაიმართება.",
     "fa": "دور بعدی رایزنی‌ها پس از تعطیلات برگزار خواهد شد."},
    {"en": "We received the letter yesterday and are studying it carefully.",
     "ru": "Мы получили письмо вчера и внимательно его изучаем.",
     "ka": "წერილი გუშინ მივიღეთ და მას ყურადღებით ვსწავლობთ.",
     "fa": "نامه را دیروز دریافت کردیم و با دقت در حال بررسی آن هستیم."},
    {"en": "The delegation will return home tomorrow evening.",
     "ru": "Делегация вернется домой завтра вечером.",
     "ka": "დელეგაცია სახლში ხვალ საღამოს დაბრუნდება.",
     "fa": "هیئت فردا عصر به کشور بازمی‌گردد."},
    {"en": "I have not seen that interview, so I cannot comment on it.",
     "ru": "Я не видел{a} этого интервью, поэтому не могу его комментировать.",
     "ka": "ის ინტერვიუ არ მინახავს, ამიტომ კომენტარს ვერ გავაკეთებ.",
     "fa": "آن مصاحبه را ندیده‌ام، بنابراین نمی‌توانم درباره آن اظهار نظر کنم."},
    {"en": "Questions about the budget should be addressed to the finance ministry.",
     "ru": "Вопросы о бюджете следует адресовать министерству финансов.",
     "ka": "ბიუჯეტთან დაკავშირებული კითხვები ფინანსთა სამინისტროს უნდა მიემართოს.",
     "fa": "پرسش‌ها درباره بودجه را باید از وزارت دارایی پرسید."},
    {"en": "Our experts are working around the clock on the details.",
     "ru": "Наши эксперты круглосуточно работают над деталями.",
     "ka": "ჩვენი ექსპერტები დეტალებზე დღე და ღამე მუშაობენ.",
     "fa": "کارشناسان ما شبانه‌روز روی جزئیات کار می‌کنند."},
    {"en": "The schedule for next week has not been finalised yet.",
     "ru": "График на следующую неделю еще не утвержден.",
     "ka": "მომავალი კვირის განრიგი ჯერ არ დამტკიცებულა.",
     "fa": "برنامه هفته آینده هنوز نهایی نشده است."},
    {"en": "I thank our hosts for their hospitality and the excellent organisation.",
     "ru": "Я благодарю наших хозяев за гостеприимство и отличную организацию.",
     "ka": "მადლობას ვუხდი მასპინძლებს სტუმართმოყვარეობისა და შესანიშნავი ორგანიზებისთვის.",
     "fa": "از میزبانان برای مهمان‌نوازی و سازماندهی عالی سپاسگزارم."},
    {"en": "We will publish the full text of the document on our website.",
     "ru": "Мы опубликуем полный текст документа на нашем сайте.",
     "ka": "დოკუმენტის სრულ ტექსტს ჩვენს ვებგვერდზე გამოვაქვეყნებთ.",
     "fa": "متن کامل سند را در وب‌سایت خود منتشر خواهیم کرد."},
    {"en": "Bilateral trade continues to grow steadily despite all the difficulties.",
     "ru": "Двусторонняя торговля продолжает стабильно расти, несмотря на все трудности.",
     "ka": "ორმხრივი ვაჭრობა ყველა სირთულის მიუხედავად სტაბილურად იზრდება.",
     "fa": "تجارت دوجانبه با وجود همه دشواری‌ها به طور پیوسته رشد می‌کند."},
    {"en": "Journalists will be informed about the results in due course.",
     "ru": "О результатах журналистов проинформируют в установленном порядке.",
     "ka": "შედეგების შესახებ ჟურნალისტებს დროულად ვაცნობებთ.",
     "fa": "خبرنگاران در زمان مناسب از نتایج مطلع خواهند شد."},
)

TOPICS = {  # headline forms: en noun phrase, ru prepositional, ka genitive, fa noun phrase
    "security": ("security guarantees", "гарантиях безопасности",
                 "უსაფრთხოების გარანტიების", "تضمین‌های امنیتی"),
    "talks": ("the talks", "переговорах", "მოლაპარაკებების", "مذاکرات"),
    "sanctions": ("sanctions", "санкциях", "სანქციების", "تحریم‌ها"),
    "military": ("military activity", "военной активности", "სამხედრო აქტივობის",
                 "فعالیت‌های نظامی"),
    "economy": ("the economy", "экономике", "ეკონომიკის", "اقتصاد"),
    "energy": ("gas supplies", "поставках газа", "გაზის მიწოდების", "عرضه گاز"),
    "media": ("press freedom", "свободе прессы", "პრესის თავისუფლების", "آزادی مطبوعات"),
    "aid": ("new aid", "новой помощи", "ახალი დახმარების", "کمک‌های جدید"),
    "nato": ("NATO", "НАТО", "ნატოს", "ناتو"),
    "diplomacy": ("diplomacy", "дипломатии", "დიპლომატიის", "دیپلماسی"),
}

#: Background prose, no quotations and no speech verbs.
PROSE: dict[str, tuple[str, ...]] = {
    "en": (
        "The talks are part of a wider effort to reduce tensions that have been building for "
        "months.",
        "Diplomats on both sides have described the atmosphere as tense but professional.",
        "Analysts expect the next round of consultations to focus on arms control and "
        "military transparency.",
        "The foreign ministries of both countries have exchanged several rounds of written "
        "proposals since the start of the year.",
        "Markets reacted calmly to the news, with the main indices closing almost unchanged.",
        "European governments have repeatedly pushed for a return to the negotiating table.",
        "The meeting took place behind closed doors and lasted more than four hours.",
        "Public positions often differ from what is discussed in private, observers believe.",
        "Several members of parliament have demanded more transparency about the "
        "negotiations.",
        "The issue is expected to dominate the agenda of the upcoming ministerial meeting.",
        "Earlier this month, both governments agreed on a limited exchange of detained "
        "citizens.",
        "A breakdown of the dialogue could have serious consequences for regional security, "
        "in the view of many experts.",
        "The previous round of talks ended without a joint statement.",
        "Trade between the two countries has fallen sharply over the past two years.",
        "Independent monitors have recorded an increase in military flights near the border.",
        "The full transcript of the briefing has not been published.",
        "No date has been set for the next meeting of the two sides.",
        "Humanitarian organisations want all parties to protect civilians and critical "
        "infrastructure.",
    ),
    "ru": (
        "Переговоры являются частью более широких усилий по снижению напряженности, которая "
        "нарастала в течение нескольких месяцев.",
        "Дипломаты обеих сторон описывают атмосферу как напряженную, но профессиональную.",
        "Аналитики ожидают, что следующий раунд консультаций будет посвящен контролю над "
        "вооружениями и военной прозрачности.",
        "С начала года министерства иностранных дел двух стран обменялись несколькими "
        "раундами письменных предложений.",
        "Рынки восприняли новости спокойно, основные индексы закрылись практически без "
        "изменений.",
        "Европейские правительства неоднократно выступали за возвращение за стол переговоров.",
        "Встреча прошла за закрытыми дверями и продолжалась более четырех часов.",
        "Публичные позиции сторон часто расходятся с тем, что обсуждается в частном порядке.",
        "Ряд депутатов потребовал большей прозрачности в ходе переговоров.",
        "Ожидается, что этот вопрос станет главным на предстоящей встрече министров.",
        "Ранее в этом месяце правительства двух стран договорились об ограниченном обмене "
        "задержанными гражданами.",
        "Срыв диалога может иметь серьезные последствия для региональной безопасности.",
        "Предыдущий раунд переговоров завершился без совместного заявления.",
        "Товарооборот между двумя странами за последние два года резко сократился.",
        "Независимые наблюдатели фиксируют рост числа военных полетов вблизи границы.",
        "Полная стенограмма брифинга не публиковалась.",
        "Дата следующей встречи сторон пока не определена.",
        "Гуманитарные организации призывают все стороны защищать мирное население и "
        "критическую инфраструктуру.",
    ),
    "ka": (
        "მოლაპარაკებები დაძაბულობის შემცირების უფრო ფართო ძალისხმევის ნაწილია, რომელიც "
        "თვეების განმავლობაში იზრდებოდა.",
        "ორივე მხარის დიპლომატები ატმოსფეროს დაძაბულად, მაგრამ პროფესიონალურად აფასებენ.",
        "ანალიტიკოსები ელიან, რომ კონსულტაციების მომდევნო რაუნდი შეიარაღების კონტროლსა და "
        "სამხედრო გამჭვირვალობას დაეთმობა.",
        "წლის დასაწყისიდან ორი ქვეყნის საგარეო უწყებებმა წერილობითი წინადადებების რამდენიმე "
        "რაუნდი გაცვალეს.",
        "ბაზრებზე ვითარება მშვიდი იყო, ძირითადი ინდექსები თითქმის უცვლელად დაიხურა.",
        "ევროპის მთავრობები არაერთხელ ითხოვდნენ მოლაპარაკების მაგიდასთან დაბრუნებას.",
        "შეხვედრა დახურულ კარს მიღმა გაიმართა და ოთხ საათზე მეტხანს გაგრძელდა.",
        "საჯარო პოზიციები ხშირად განსხვავდება იმისგან, რაც კულუარებში განიხილება.",
        "რამდენიმე დეპუტატმა მოლაპარაკებების მეტი გამჭვირვალობა მოითხოვა.",
        "მოსალოდნელია, რომ ეს საკითხი მინისტრების მომავალი შეხვედრის მთავარი თემა იქნება.",
        "ამ თვის დასაწყისში ორი ქვეყნის მთავრობები დაკავებული მოქალაქეების შეზღუდულ "
        "გაცვლაზე შეთანხმდნენ.",
        "დიალოგის ჩაშლას რეგიონული უსაფრთხოებისთვის სერიოზული შედეგები შეიძლება მოჰყვეს.",
        "მოლაპარაკებების წინა რაუნდი ერთობლივი დოკუმენტის გარეშე დასრულდა.",
        "ორ ქვეყანას შორის ვაჭრობა ბოლო ორი წლის განმავლობაში მკვეთრად შემცირდა.",
        "დამოუკიდებელი დამკვირვებლები საზღვართან სამხედრო ფრენების ზრდას აფიქსირებენ.",
        "ბრიფინგის სრული ჩანაწერი არ გამოქვეყნებულა.",
        "მხარეების შემდეგი შეხვედრის თარიღი ჯერჯერობით უცნობია.",
        "ჰუმანიტარული ორგანიზაციები ყველა მხარეს მშვიდობიანი მოსახლეობისა და კრიტიკული "
        "ინფრასტრუქტურის დაცვისკენ მოუწოდებენ.",
    ),
    "fa": (
        "این مذاکرات بخشی از تلاش گسترده‌تر برای کاهش تنش‌هایی است که ماه‌ها رو به افزایش "
        "بوده است.",
        "دیپلمات‌های دو طرف فضای مذاکرات را پرتنش اما حرفه‌ای توصیف کرده‌اند.",
        "تحلیلگران انتظار دارند دور بعدی رایزنی‌ها بر کنترل تسلیحات و شفافیت نظامی متمرکز "
        "باشد.",
        "وزارتخانه‌های خارجه دو کشور از ابتدای سال چندین دور پیشنهاد مکتوب رد و بدل "
        "کرده‌اند.",
        "بازارها با آرامش به این خبر واکنش نشان دادند و شاخص‌های اصلی تقریباً بدون تغییر "
        "بسته شدند.",
        "دولت‌های اروپایی بارها خواستار بازگشت به میز مذاکره شده‌اند.",
        "این دیدار پشت درهای بسته برگزار شد و بیش از چهار ساعت طول کشید.",
        "به باور ناظران، مواضع علنی اغلب با آنچه در پشت پرده مطرح می‌شود تفاوت دارد.",
        "شماری از نمایندگان مجلس خواستار شفافیت بیشتر درباره مذاکرات شده‌اند.",
        "انتظار می‌رود این موضوع در صدر دستور کار نشست آینده وزیران قرار گیرد.",
        "اوایل این ماه، دولت‌های دو کشور بر سر تبادل محدود شهروندان بازداشت‌شده توافق "
        "کردند.",
        "شکست گفتگوها می‌تواند پیامدهای جدی برای امنیت منطقه داشته باشد.",
        "دور قبلی مذاکرات بدون صدور بیانیه مشترک به پایان رسید.",
        "حجم تجارت میان دو کشور در دو سال گذشته به شدت کاهش یافته است.",
        "ناظران مستقل افزایش پروازهای نظامی در نزدیکی مرز را ثبت کرده‌اند.",
        "متن کامل این نشست خبری منتشر نشده است.",
        "هنوز تاریخ دیدار بعدی طرفین مشخص نشده است.",
        "سازمان‌های بشردوستانه از همه طرف‌ها خواسته‌اند از غیرنظامیان و زیرساخت‌های حیاتی "
        "محافظت کنند.",
    ),
}

#: Outlets per language: (name in the text, outlet field, host for the URL).
OUTLETS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "en": (("Global Wire", "Global Wire", "globalwire"),
           ("Daily Ledger", "Daily Ledger", "dailyledger"),
           ("Eurasia Monitor", "Eurasia Monitor", "eurasiamonitor"),
           ("Capital Post", "Capital Post", "capitalpost"),
           ("World Desk", "World Desk", "worlddesk"),
           ("Atlantic Review", "Atlantic Review", "atlanticreview")),
    "ru": (("Вестник", "Vestnik", "vestnik"),
           ("Эхо недели", "Ekho Nedeli", "ekhonedeli"),
           ("Столичный курьер", "Stolichny Kurier", "stolkurier"),
           ("Лента событий", "Lenta Sobytiy", "lentasobytiy"),
           ("Политика сегодня", "Politika Segodnya", "politikasegodnya")),
    "ka": (("ქართული მოამბე", "Kartuli Moambe", "moambe"),
           ("დღის კურიერი", "Dghis Kurieri", "dghiskurieri"),
           ("თბილისის ამბები", "Tbilisis Ambebi", "tbilisisambebi"),
           ("ახალი ამბები 24", "Akhali Ambebi 24", "ambebi24")),
    "fa": (("خبرگزاری افق", "Ofogh News Agency", "ofoghnews"),
           ("روزنامه پیام امروز", "Payam-e Emrooz", "payamemrooz"),
           ("دیده‌بان", "Didehban", "didehban"),
           ("پارس خبر", "Pars Khabar", "parskhabar")),
}
LANG_WEIGHT = {"en": 4, "ru": 3, "ka": 2, "fa": 2}

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "ka": ("იანვარი", "თებერვალი", "მარტი", "აპრილი", "მაისი", "ივნისი", "ივლისი",
           "აგვისტო", "სექტემბერი", "ოქტომბერი", "ნოემბერი", "დეკემბერი"),
    "fa": ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر",
           "اکتبر", "نوامبر", "دسامبر"),
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FA_DIGITS = str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫")

#: How a rendering differs from the event's words, with its weight.
VARIANTS = (("wire", 30), ("syn", 20), ("up", 8), ("drop", 12), ("syn+drop", 7),
            ("frag", 15), ("risk", 8))


# ---------------------------------------------------------------------------
# Rendering


def _num(value: str, lang: str) -> str:
    if lang == "fa":
        return value.translate(FA_DIGITS)
    if lang in ("ru", "ka"):
        return value.replace(".", ",")
    return value


def _place(key: str, lang: str) -> str:
    return PLACES[key][LANGS.index(lang)]


def _sub(text: str, pair: tuple[str, str] | None) -> str:
    if pair and pair[0] in text:
        return text.replace(pair[0], pair[1], 1)
    return text


@dataclass
class Quoted:
    """One quotation of an article: its text, or a whole reported-speech sentence."""

    text: str
    speaker: str
    kind: str  # wire, syn, up, drop, frag, risk:neg, risk:number, risk:place, remark
    frame: str = ""  # for fragments: the sentence with {S}/{E}/{a} still to fill


def render(utt: Utterance, lang: str, place: str | None, number: str | None, kind: str,
           rng: random.Random) -> Quoted:
    r = utt.renderings[lang]
    tmpl = r.text
    label = kind
    if kind == "risk":
        options = []
        if r.neg and r.neg[0] in tmpl:
            options.append("neg")
        if number is not None and len(utt.numbers) > 1:
            options.append("number")
        if place is not None and len(utt.places) > 1:
            options.append("place")
        if not options:
            kind = label = "syn"
        else:
            what = rng.choice(options)
            label = f"risk:{what}"
            if what == "neg":
                tmpl = _sub(tmpl, r.neg)
            elif what == "number":
                number = rng.choice([n for n in utt.numbers if n != number])
            else:
                place = rng.choice([p for p in utt.places if p != place])
    if "syn" in kind and r.syn:
        for pair in rng.sample(r.syn, rng.randint(1, len(r.syn))):
            tmpl = _sub(tmpl, pair)
    if kind == "up":
        tmpl = _sub(tmpl, r.up)

    def fill(s: str) -> str:
        if place is not None:
            s = s.replace("{P}", _place(place, lang))
        if number is not None:
            s = s.replace("{N}", _num(number, lang))
        return s

    tmpl = fill(tmpl)
    if kind == "frag" and r.frame and "[" in tmpl:
        frag = tmpl[tmpl.index("[") + 1:tmpl.index("]")].replace("|", "")
        return Quoted(frag, utt.speaker, "frag", fill(r.frame))
    if "drop" in kind and "|" in tmpl:
        head = tmpl.split("|")[0].rstrip(" ,;،؛")
        end = tmpl.rstrip()[-1]
        tmpl = head + (end if end in ".!?" else ".")
    text = tmpl.replace("[", "").replace("]", "").replace("|", "")
    return Quoted(re.sub(r"\s+", " ", text).strip(), utt.speaker, label)


# ---------------------------------------------------------------------------
# Attribution: the sentences around a quotation


@dataclass
class Voice:
    """How one article names its speakers: full name with title first, then shorter."""

    lang: str
    outlet_index: int
    marks: tuple[str, str]
    seen: set[str] = field(default_factory=set)
    last: str | None = None
    pronoun: bool = False  # the last attribution was "he added" (no name)

    def en_full(self, sp: Speaker) -> str:
        return sp.en_full[self.outlet_index % len(sp.en_full)]

    def names(self, sp: Speaker) -> dict[str, str]:
        """Surface forms for this mention (first: title and full name)."""
        first = sp.id not in self.seen
        self.seen.add(sp.id)
        if self.lang == "en":
            s = f"{sp.en_title} {self.en_full(sp)}" if first else sp.en_sur
            return {"S": s, "short": sp.en_sur, "full": self.en_full(sp), "first": str(first)}
        if self.lang == "ru":
            s = f"{sp.ru_title} {sp.ru_full}" if first else sp.ru_sur
            return {"S": s, "gen": sp.ru_gen, "full": sp.ru_full, "short": sp.ru_sur,
                    "a": "а" if sp.gender == "f" else "", "first": str(first)}
        if self.lang == "ka":
            s = f"{sp.ka_title} {sp.ka_full}" if first else sp.ka_sur
            e = (f"{sp.ka_title_erg} {_ka_case(sp.ka_full, 'erg')}" if first
                 else _ka_case(sp.ka_sur, "erg"))
            return {"S": s, "E": e, "gen": _ka_case(sp.ka_sur, "gen"), "first": str(first)}
        s = f"{sp.fa_full}، {sp.fa_title}،" if first else sp.fa_sur
        return {"S": s, "full": sp.fa_full, "short": sp.fa_sur, "first": str(first)}


def _cap(s: str) -> str:
    if s[:1] and "\u10a0" <= s[0] <= "\u10ff":
        return s  # Georgian has no capitals in running text (upper() gives Mtavruli)
    return s[:1].upper() + s[1:]


def _strip_stop(q: str) -> str:
    return q[:-1] if q.endswith(".") else q


def attribute(q: Quoted, voice: Voice, rng: random.Random) -> str:
    sp = SPEAKERS[q.speaker]
    same = voice.last == sp.id and q.kind != "frag"
    voice.last = sp.id
    voice.pronoun = same and rng.random() < 0.5
    o, c = voice.marks
    n = voice.names(sp)
    lang = voice.lang
    if q.kind == "frag":
        s = q.frame.replace("{S}", n["S"]).replace("{E}", n.get("E", ""))
        s = s.replace("{a}", n.get("a", ""))
        s = s.replace("“{F}”", f"{o}{q.text}{c}").replace("«{F}»", f"«{q.text}»")
        return _cap(s.replace("„{F}“", f"„{q.text}“"))
    text = q.text.replace("{a}", "а" if sp.gender == "f" else "")
    pick = rng.randrange(4)
    if lang == "en":
        pron = "she" if sp.gender == "f" else "he"
        if voice.pronoun:
            return _cap(f"{o}{_strip_stop(text)},{c} {pron} added.")
        if pick == 0:
            return f"{o}{_strip_stop(text)},{c} {n['S']} said."
        if pick == 1:
            return f"{_cap(n['S'])} said: {o}{text}{c}"
        if pick == 2:
            return f"{_cap(n['S'])} told reporters: {o}{text}{c}"
        return f"{o}{_strip_stop(text)},{c} {n['S']} stressed."
    if lang == "ru":
        a = n["a"]
        if voice.pronoun:
            return f"«{_strip_stop(text)}», — добавил{a} {'она' if a else 'он'}."
        if pick == 0:
            return f"«{_strip_stop(text)}», — заявил{a} {n['S']}."
        if pick == 1:
            return f"{_cap(n['S'])} подчеркнул{a}: «{_strip_stop(text)}»."
        if pick == 2 and n["first"] == "False":
            return f"По словам {n['gen']}, «{_strip_stop(text)}»."
        return f"«{_strip_stop(text)}», — сказал{a} {n['S']} журналистам."
    if lang == "ka":
        if voice.pronoun:
            return f"„{_strip_stop(text)}“, – დასძინა მან."
        if pick == 0:
            return f"„{_strip_stop(text)}“, – განაცხადა {n['E']}."
        if pick == 1:
            return f"{n['E']} ჟურნალისტებთან საუბარში განაცხადა: „{_strip_stop(text)}“."
        if pick == 2 and n["first"] == "False":
            return f"{n['gen']} თქმით, „{_strip_stop(text)}“."
        return f"„{_strip_stop(text)}“, – აღნიშნა {n['E']}."
    if voice.pronoun:
        return f"وی افزود: «{_strip_stop(text)}»."
    if pick == 0:
        return f"{n['S']} گفت: «{_strip_stop(text)}»."
    if pick == 1:
        return f"{n['S']} تاکید کرد: «{_strip_stop(text)}»."
    if pick == 2 and n["first"] == "False":
        return f"به گفته {n['S']}، «{_strip_stop(text)}»."
    return f"{n['S']} در جمع خبرنگاران اظهار داشت: «{_strip_stop(text)}»."


def headline(lang: str, sp: Speaker, topic: str, rng: random.Random) -> str:
    t = TOPICS[topic][LANGS.index(lang)]
    if lang == "en":
        return rng.choice((f"{sp.en_sur} on {t}: what was said",
                           f"{sp.en_sur} speaks out on {t}",
                           f"{_cap(t)} in focus as {sp.en_sur} briefs reporters"))
    if lang == "ru":
        return rng.choice((f"{sp.ru_sur} — о {t}", f"{sp.ru_sur} высказал"
                           f"{'ась' if sp.gender == 'f' else 'ся'} о {t}"))
    if lang == "ka":
        return f"{sp.ka_sur} {t} შესახებ"
    return f"{sp.fa_sur} درباره {t}"


def lead(lang: str, sp: Speaker, voice: Voice, day: date, outlet_name: str, topic: str) -> str:
    city = CITIES[sp.home][lang]
    t = TOPICS[topic][LANGS.index(lang)]
    n = voice.names(sp)
    if lang == "en":
        return (f"{city}, {MONTHS['en'][day.month - 1]} {day.day} ({outlet_name}) — "
                f"{_cap(n['S'])} spoke to reporters on {WEEKDAYS[day.weekday()]} about {t}.")
    if lang == "ru":
        return (f"{city}, {day.day} {MONTHS['ru'][day.month - 1]}. /{outlet_name}/. "
                f"{_cap(n['S'])} провел{n['a']} брифинг для журналистов.")
    if lang == "ka":
        return (f"{city}, {day.day} {MONTHS['ka'][day.month - 1]}. {outlet_name}. "
                f"{n['S']} ჟურნალისტებს {t} შესახებ ესაუბრა.")
    return (f"به گزارش {outlet_name} از {city}، {n['S']} روز "
            f"{_num(str(day.day), 'fa')} {MONTHS['fa'][day.month - 1]} درباره {t} با "
            "خبرنگاران صحبت کرد.")


# ---------------------------------------------------------------------------
# Events and articles


@dataclass
class Event:
    speaker: str
    day: date
    items: list[tuple[Utterance, str | None, str | None]]  # utterance, place, number
    remarks: list[dict[str, str]]


BY_SPEAKER: dict[str, list[Utterance]] = {}
for _u in BANK:
    BY_SPEAKER.setdefault(_u.speaker, []).append(_u)


def _validate() -> None:
    """Every replacement of the bank must apply to its template (cheap; run on import)."""
    bad = []
    for u in BANK:
        sp = SPEAKERS[u.speaker]
        for lang, r in u.renderings.items():
            if lang not in sp.langs:
                bad.append(f"{u.speaker}/{lang}: speaker not named in {lang}")
            pairs = [*r.syn, *([r.up] if r.up else []), *([r.neg] if r.neg else [])]
            for old, _new in pairs:
                if old not in r.text:
                    bad.append(f"{u.speaker}/{lang}: {old!r} not in text")
            if r.frame and ("[" not in r.text or "{F}" not in r.frame):
                bad.append(f"{u.speaker}/{lang}: frame without fragment")
            if ("{P}" in r.text) != bool(u.places) or ("{N}" in r.text) != bool(u.numbers):
                bad.append(f"{u.speaker}/{lang}: slot mismatch")
    if bad:
        raise ValueError("utterance bank: " + "; ".join(bad))


_validate()


def _new_event(rng: random.Random) -> Event:
    speaker = rng.choice(sorted(BY_SPEAKER))
    pool = BY_SPEAKER[speaker]
    utts = rng.sample(pool, min(len(pool), rng.choices((1, 2, 3), weights=(3, 4, 3))[0]))
    items = [(u, rng.choice(u.places) if u.places else None,
              rng.choice(u.numbers) if u.numbers else None) for u in utts]
    remarks = rng.sample(REMARKS, rng.randint(1, 2))
    day = YEAR_START + timedelta(days=rng.randrange(YEAR_DAYS))
    return Event(speaker, day, items, remarks)


def _weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


#: A sentence about the speaker's appearance, after the lead ({sur} / {gen}: surname).
CONTEXT: dict[str, tuple[str, ...]] = {
    "en": ("{sur}'s remarks were widely reported by regional media.",
           "The briefing lasted about an hour and covered several subjects.",
           "It was {sur}'s first public appearance since the start of the month."),
    "ru": ("Выступление {gen} широко освещалось региональными СМИ.",
           "Брифинг продолжался около часа и касался нескольких тем.",
           "Это первое публичное выступление {gen} с начала месяца."),
    "ka": ("{gen} გამოსვლა რეგიონულმა მედიამ ფართოდ გააშუქა.",
           "ბრიფინგი დაახლოებით ერთ საათს გაგრძელდა და რამდენიმე თემას შეეხო.",
           "ეს {gen} პირველი საჯარო გამოსვლაა თვის დასაწყისიდან."),
    "fa": ("سخنان {sur} به طور گسترده در رسانه‌های منطقه بازتاب یافت.",
           "این نشست خبری حدود یک ساعت طول کشید و به چند موضوع پرداخت.",
           "این نخستین حضور علنی {sur} از ابتدای ماه جاری بود."),
}


def _context(lang: str, sp: Speaker, rng: random.Random) -> str:
    sur = {"en": sp.en_sur, "ru": sp.ru_sur, "ka": sp.ka_sur, "fa": sp.fa_sur}[lang]
    gen = {"ru": sp.ru_gen, "ka": sp.ka_sur and _ka_case(sp.ka_sur, "gen")}.get(lang, sur)
    return rng.choice(CONTEXT[lang]).format(sur=sur, gen=gen)


def _article(event: Event, extra: Event | None, lang: str, outlet: int, day: date,
             rng: random.Random) -> tuple[str, list[Quoted]]:
    name, _field, _host = OUTLETS[lang][outlet]
    if lang == "en":
        marks = ("“", "”") if outlet % 2 == 0 else ('"', '"')
    else:
        marks = {"ru": ("«", "»"), "ka": ("„", "“"), "fa": ("«", "»")}[lang]
    voice = Voice(lang, outlet, marks)
    sp = SPEAKERS[event.speaker]
    quotes: list[Quoted] = []
    for u, place, number in event.items:
        kind = _weighted(rng, VARIANTS)
        quotes.append(render(u, lang, place, number, kind, rng))
    quotes += [Quoted(r[lang], event.speaker, "remark") for r in event.remarks
               if rng.random() < 0.7]
    if extra is not None:
        u, place, number = rng.choice(extra.items)
        quotes.append(render(u, lang, place, number, _weighted(rng, VARIANTS), rng))
    if len(quotes) < 2:
        quotes.append(Quoted(rng.choice(event.remarks)[lang], event.speaker, "remark"))
    head, tail = quotes[0], quotes[1:]
    rng.shuffle(tail)
    quotes = [head, *tail][:5]
    topic = event.items[0][0].topic
    title = headline(lang, sp, topic, rng)
    first = lead(lang, sp, voice, day, name, topic)
    if rng.random() < 0.5:
        first += " " + _context(lang, sp, rng)
    voice.last = None
    prose = list(PROSE[lang])
    rng.shuffle(prose)
    # (text, may a background paragraph come right before it?)
    paragraphs: list[tuple[str, bool]] = []
    for q in quotes:
        para = attribute(q, voice, rng)
        pronoun = voice.pronoun
        if prose and rng.random() < 0.35:
            para = prose.pop() + " " + para
        paragraphs.append((para, not pronoun))
    target = rng.randint(170, 380)

    def words() -> int:
        return (len(title.split()) + len(first.split())
                + sum(len(p.split()) for p, _ in paragraphs))

    while prose and words() < target:  # background paragraphs of 1 to 3 sentences
        block = " ".join(prose.pop() for _ in range(min(len(prose), rng.randint(1, 3))))
        slots = [i for i in range(1, len(paragraphs) + 1)
                 if i == len(paragraphs) or paragraphs[i][1]]
        paragraphs.insert(rng.choice(slots), (block, True))
    text = "\n\n".join([title, first, *(p for p, _ in paragraphs)]) + "\n"
    return text, quotes


def generate(n: int, seed: int = 0) -> list[dict[str, str]]:
    """``n`` article records, sorted by publication date; deterministic in (n, seed)."""
    return _generate(n, seed)[0]


def _generate(n: int, seed: int) -> tuple[list[dict[str, str]], dict[str, int]]:
    """Records and the count of quotations per kind (``distinct`` = distinct quote texts)."""
    rng = random.Random(f"transcheck-corpus-{seed}")
    drafts: list[tuple[date, str, int, str]] = []  # day, lang, outlet, text
    kinds: dict[str, int] = {}
    texts: set[str] = set()
    events: list[Event] = []
    while len(drafts) < n:
        event = _new_event(rng)
        events.append(event)
        langs = [lg for lg in LANGS
                 if all(lg in u.renderings for u, _, _ in event.items)]
        outlets = [(lg, i) for lg in langs for i in range(len(OUTLETS[lg]))]
        weights = [LANG_WEIGHT[lg] for lg, _ in outlets]
        k = min(rng.randint(3, 8), len(outlets))
        chosen: list[tuple[str, int]] = []
        while len(chosen) < k:
            pick = rng.choices(outlets, weights=weights)[0]
            if pick not in chosen:
                chosen.append(pick)
        nearby = [e for e in events[-40:-1] if abs((e.day - event.day).days) <= 2]
        for lang, outlet in chosen:
            if len(drafts) >= n:
                break
            day = event.day + timedelta(days=rng.choices((0, 1, 2), weights=(6, 3, 1))[0])
            extra = None
            if nearby and rng.random() < 0.45:
                extra = rng.choice(nearby)
                if not all(lang in u.renderings for u, _, _ in extra.items):
                    extra = None
            text, quoted = _article(event, extra, lang, outlet, day, rng)
            for q in quoted:
                kinds[q.kind] = kinds.get(q.kind, 0) + 1
                texts.add(q.text)
            drafts.append((day, lang, outlet, text))
    drafts.sort(key=lambda d: (d[0], d[1], d[2], d[3]))
    records = []
    for i, (day, lang, outlet, text) in enumerate(drafts, start=1):
        _name, field_name, host = OUTLETS[lang][outlet]
        rid = f"syn-{i:06d}"
        records.append({
            "id": rid, "text": text, "outlet": field_name, "lang": lang,
            "url": f"https://{host}.example/{day:%Y/%m/%d}/{rid}",
            "published": day.isoformat(),
        })
    return records, {**kinds, "distinct": len(texts)}


def write_corpus(n: int, out: str | Path, seed: int = 0) -> dict[str, float]:
    """Write the corpus; return a few facts about it (articles, words, langs...)."""
    records, kinds = _generate(n, seed)
    distinct = kinds.pop("distinct")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    words = [len(r["text"].split()) for r in records]
    stats: dict[str, float] = {
        "articles": len(records),
        "words_min": min(words) if words else 0,
        "words_mean": sum(words) / len(words) if words else 0.0,
        "words_max": max(words) if words else 0,
        "bytes": path.stat().st_size,
    }
    for lang in LANGS:
        stats[f"lang_{lang}"] = sum(r["lang"] == lang for r in records)
    stats["quotes"] = sum(kinds.values())
    stats["distinct_quotes"] = distinct
    for kind, count in sorted(kinds.items()):
        stats[f"kind_{kind}"] = count
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", help="output .jsonl file")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--stats", metavar="FILE", help="also write the corpus facts as JSON")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("N must be at least 1")
    stats = write_corpus(args.n, args.out, args.seed)
    if args.stats:
        Path(args.stats).write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {stats['articles']:.0f} articles to {args.out} "
          f"({stats['bytes'] / 1e6:.1f} MB; words per article "
          f"{stats['words_min']:.0f}/{stats['words_mean']:.0f}/{stats['words_max']:.0f} "
          f"min/mean/max; "
          + ", ".join(f"{lg} {stats[f'lang_{lg}']:.0f}" for lg in LANGS) + ")",
          file=sys.stderr)
    kinds = {k[5:]: v for k, v in stats.items() if k.startswith("kind_")}
    print(f"{stats['quotes']:.0f} quotations written, {stats['distinct_quotes']:.0f} distinct ("
          + ", ".join(f"{k} {v:.0f}" for k, v in kinds.items()) + ")", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
