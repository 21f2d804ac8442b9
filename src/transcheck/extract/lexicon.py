"""Words that introduce speech and refer to speakers, in the languages we support.

Kept as plain data so that adding a language is adding entries, not code.
"""

from __future__ import annotations

#: Verbs and phrases that introduce reported or quoted speech. Matched as word prefixes for
#: inflecting languages (Russian, Georgian), so stems are listed there.
CUES: dict[str, tuple[str, ...]] = {
    "en": (
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted",
        "notes", "claimed", "claims", "argued", "argues", "asserted", "asserts", "maintained",
        "highlighted", "stressed", "emphasized", "emphasised", "explained", "clarified",
        "reaffirmed", "announced", "insisted", "warned", "lamented", "remarked", "replied",
        "responded", "continued", "concluded", "wrote", "tweeted", "declared", "underlined",
        "pointed out", "according to", "as per", "went on", "accused", "recalled", "admitted",
        "complained", "suggested", "reiterated", "confirmed", "denied", "urged", "asked",
        "is quoted", "was quoted", "quoted", "it is stated", "reads", "observed", "commented",
        "vows", "vowed", "called", "calls", "urges", "describes", "described", "put it",
        "putting it", "writes", "announces", "insists", "warns", "argues", "believes",
    ),
    "ru": (
        "заявил", "заявила", "сказал", "сказала", "добавил", "добавила", "отметил", "отметила",
        "подчеркнул", "подчеркнула", "пояснил", "пояснила", "сообщил", "сообщила", "указал",
        "указала", "заверил", "признал", "напомнил", "напомнила", "считает", "говорит",
        "по словам", "по мнению", "цитирует", "написал", "написала", "ответил", "ответила",
        "уточнил", "уточнила", "констатировал", "предупредил", "выразил",
    ),
    "ka": (
        "განაცხადა", "თქვა", "აღნიშნა", "დასძინა", "განმარტა", "ხაზი გაუსვა", "მისი თქმით",
        "თქმით", "მიიჩნევს", "აცხადებს", "ამბობს", "დაწერა", "უპასუხა", "გააკეთა განცხადება",
        "შენიშნა", "გაიხსენა", "დაამატა", "განცხადებით", "სიტყვებით",
    ),
    "fa": (
        "گفت", "افزود", "اظهار داشت", "اظهار کرد", "تصریح کرد", "خاطرنشان کرد", "اعلام کرد",
        "به گفته", "تاکید کرد", "تأکید کرد", "عنوان کرد", "بیان کرد", "نوشت", "پاسخ داد",
        "می‌گوید", "میگوید", "گفته است", "ادامه داد", "یادآور شد", "اضافه کرد",
    ),
}

#: Cue words that, at the end of a short line followed by a colon, open a block quote.
BLOCK_CUE_EXTRA: tuple[str, ...] = ("it is stated", "reads", "as follows", "stated", "wrote")

PRONOUNS: dict[str, tuple[str, ...]] = {
    "en": ("he", "she"),
    "ru": ("он", "она", "его словам", "ее словам", "её словам"),
    "ka": ("მან", "იგი", "მისი", "მისივე"),
    "fa": ("وی", "او"),
}

#: Head nouns of descriptions that can stand for a named person ("the senior diplomat").
ROLE_HEADS: dict[str, tuple[str, ...]] = {
    "en": ("diplomat", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman",
           "envoy", "ambassador", "president", "chancellor", "negotiator", "representative",
           "official", "premier", "prime minister", "foreign minister", "deputy foreign minister",
           "state secretary", "secretary of state", "press secretary"),
    "ru": ("дипломат", "министр", "замминистра", "заместитель министра", "замглавы мид",
           "глава мид", "представитель",
           "пресс-секретарь", "официальный представитель", "посол", "президент", "госсекретарь",
           "замгоссекретаря"),
    "ka": ("დიპლომატ", "მინისტრ", "მინისტრის მოადგილე", "სახელმწიფო მდივან", "სპიკერ",
           "ელჩ", "პრეზიდენტ", "პრემიერ", "წარმომადგენელ"),
    "fa": ("دیپلمات", "وزیر", "معاون وزیر", "سخنگو", "سفیر", "رئیس جمهور", "نماینده"),
}

#: Nationality words in titles and descriptions, mapped to one key per country.
NATIONALITY: dict[str, str] = {
    "russian": "ru", "russia's": "ru", "russia’s": "ru", "moscow": "ru", "kremlin": "ru",
    "российский": "ru", "российского": "ru", "россии": "ru", "рф": "ru", "russia": "ru",
    "რუსეთის": "ru", "რუსი": "ru", "روسیه": "ru", "روس": "ru",
    "us": "us", "u.s.": "us", "american": "us", "america's": "us", "washington": "us",
    "united": "us", "американский": "us", "сша": "us", "აშშ-ის": "us", "ამერიკის": "us",
    "ამერიკელი": "us", "آمریکا": "us", "آمریکایی": "us",
    "nato": "nato", "нато": "nato", "ნატო-ს": "nato", "ناتو": "nato",
    "georgian": "ge", "georgia's": "ge", "საქართველოს": "ge", "грузинский": "ge",
    "iranian": "ir", "iran's": "ir", "ایران": "ir", "иранский": "ir",
    "ukrainian": "ua", "ukraine's": "ua", "украинский": "ua",
}

#: Words in a title that are precise enough to rule a description in or out.
ROLE_WORDS: frozenset[str] = frozenset({
    "deputy", "foreign", "minister", "secretary", "state", "spokesperson", "spokesman",
    "spokeswoman", "ambassador", "president", "envoy", "chancellor", "general", "defense",
    "defence", "press", "prime", "министр", "госсекретарь", "пресс-секретарь",
    "მინისტრი", "მოადგილე", "მდივანი", "وزیر", "معاون", "سخنگو",
})

#: Words that make up titles in front of a name ("US State Department Spokesperson Ned Price").
TITLE_WORDS: frozenset[str] = frozenset({
    "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "president",
    "director", "ambassador", "representative", "chancellor", "general", "chief", "senator",
    "deputy", "adviser", "advisor", "envoy", "premier", "foreign", "state", "department",
    "defense", "defence", "press", "prime", "head", "leader", "official", "diplomat",
    "commissioner", "governor", "mayor", "speaker", "chairman", "chair", "vice", "under",
    "assistant", "national", "security", "council", "ministry", "affairs", "of", "to",
    "counterpart", "colleague", "analyst", "expert", "economist", "professor", "researcher",
    "lawmaker", "mp", "negotiator", "commander", "spokesperson,", "high", "representative,",
    "the", "us", "u.s.", "russian", "russia's", "russia’s", "american", "nato", "eu",
    "georgian", "iranian", "ukrainian", "british", "french", "german", "chinese",
    "министр", "замминистра", "заместитель", "пресс-секретарь", "глава", "мид", "президент",
    "вице-премьер", "премьер", "премьер-министр", "аналитик", "эксперт", "директор",
    "спикер", "депутат", "генсек", "постпред", "вице-президент",
    "посол", "представитель", "официальный", "госсекретарь", "российский", "рф", "россии",
    "иностранных", "дел", "министра", "кремля", "сша", "генеральный", "секретарь",
    "მინისტრი", "მინისტრის", "მოადგილე", "საგარეო", "საქმეთა", "რუსეთის", "აშშ-ის",
    "სახელმწიფო", "მდივანი", "პრეზიდენტი", "პრემიერი", "ელჩი", "სპიკერი", "ნატო-ს",
    "გენერალური", "წარმომადგენელი", "ამერიკის",
    "وزیر", "معاون", "امور", "خارجه", "روسیه", "آمریکا", "سخنگوی", "سخنگو", "وزارت",
    "رئیس", "جمهور", "سفیر", "نماینده", "دبیرکل", "ناتو", "کشورمان", "ایالات", "متحده",
    "مسئول", "کارشناس", "تحلیلگر", "استاد", "رهبر",
    "ექსპერტი", "ანალიტიკოსი", "ლიდერი", "პროფესორი",
})

#: Stems of title words that name a person's office, not an institution. In scripts without
#: case a name is recognised only after a title holding one: "وزیر امور خارجه ..." (the
#: foreign minister ...), not "وزارتخانه‌های خارجه دو کشور" (the foreign ministries of the
#: two countries).
PERSON_TITLE_STEMS: tuple[str, ...] = (
    "وزیر", "معاون", "سخنگو", "سفیر", "نماینده", "رئیس", "دبیرکل", "دیپلمات", "مدیر",
    "فرمانده", "نخست‌وزیر", "نخست وزیر",
    "მინისტრ", "მოადგილე", "მდივან", "პრეზიდენტ", "პრემიერ", "ელჩ", "სპიკერ",
    "წარმომადგენელ", "დიპლომატ", "ხელმძღვანელ", "თავმჯდომარე", "დირექტორ",
    # people quoted for what they know or lead, not for an office
    "مسئول", "کارشناس", "تحلیلگر", "استاد", "رهبر",
    "ექსპერტ", "ანალიტიკოს", "ლიდერ", "პროფესორ",
)

#: Words that never begin or end a person's name in scripts without case: numerals,
#: quantifiers, and the nouns that follow a title word in phrases about institutions
#: and countries ("دو کشور", the two countries; "ორი ქვეყნის", of the two countries).
CASELESS_NOT_NAMES: frozenset[str] = frozenset({
    "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "ده", "صد", "هزار", "میلیون",
    "چند", "چندین", "هر", "همه", "برخی", "دیگر", "کشور", "کشورها", "کشورهای", "دولت",
    "دولت‌های", "طرف", "طرفین", "هیئت", "مقامات",
    "ერთი", "ორი", "სამი", "ოთხი", "ხუთი", "ათი", "ორივე", "ყველა", "ზოგი", "ქვეყანა",
    "ქვეყნის", "ქვეყნები", "ქვეყნებს", "ქვეყნების", "მხარე", "მხარეები", "მხარის",
    "მთავრობა", "მთავრობის", "დელეგაცია",
})

#: Stems of nationality words in inflecting languages (Georgian ergative რუსმა, Russian
#: российского), checked when the exact word is not in NATIONALITY.
NATIONALITY_STEMS: tuple[tuple[str, str], ...] = (
    ("росси", "ru"), ("русск", "ru"), ("რუს", "ru"), ("روس", "ru"),
    ("американ", "us"), ("сша", "us"), ("ამერიკ", "us"), ("აშშ", "us"), ("آمریکا", "us"),
    ("ნატო", "nato"), ("нато", "nato"), ("ناتو", "nato"),
)

#: Determiners that make a description anonymous ("one European diplomat said").
INDEFINITE: tuple[str, ...] = ("one", "a", "an", "another", "some", "один", "одна", "некий",
                               "ერთ-ერთი", "ერთმა", "یک")

#: Heads of anonymous sources, beyond the role heads.
SOURCE_HEADS: tuple[str, ...] = ("source", "sources", "official", "officials", "diplomat",
                                 "diplomats", "insider", "источник", "источники", "წყარო",
                                 "منبع", "منابع")

#: Nouns in front of a short quoted name that make it a name, not a quotation
#: (radio «Комсомольская правда», news agency «اسپوتنیک»), and nouns after it that make it
#: a label (the „open door“ policy).
MEDIUM_NOUNS: tuple[str, ...] = (
    "newspaper", "agency", "channel", "magazine", "radio", "station", "outlet", "daily",
    "газета", "газеты", "газете", "газету", "агентство", "агентства", "агентству", "телеканал",
    "телеканала", "телеканалу", "радио", "журнал", "журнала", "издание", "издания", "изданию",
    "خبرگزاری", "روزنامه", "شبکه", "رادیو", "مجله",
    "გაზეთ", "სააგენტო", "ტელეკომპანი", "არხ", "რადიო",
)
#: A short quote next to one of these is the name of a party or movement, not words
#: of a speaker: the „Civil Alliance“ party, партии «Новые люди», პარტიის „ლელო“.
ORGANIZATION_NOUNS: tuple[str, ...] = (
    "party", "movement", "bloc", "coalition",
    "партия", "партии", "партию", "партией", "движение", "движения", "блок", "блока",
    "პარტი", "მოძრაობ", "ბლოკ", "კოალიცი",
    "حزب", "جنبش", "ائتلاف",
)
LABEL_NOUNS: tuple[str, ...] = (
    "policy", "doctrine", "operation", "programme", "program", "initiative", "format",
    "политика", "политики", "политику", "доктрина", "операция", "формат",
    "პოლიტიკა", "პოლიტიკის", "დოქტრინა", "ოპერაცია", "ფორმატ",
    "سیاست", "دکترین", "عملیات",
)
