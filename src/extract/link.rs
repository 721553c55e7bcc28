//! Links: who gets how much, for when, for what.
//!
//! In: the text and everything else [`super::extract`] found in it. Out: each amount's
//! [`AmountLinks`] (recipient, period, purpose, villkor) and each date's `of` (what it is the date
//! of), every link with the span of the words that justify it (its `cue`).
//!
//! The rules read the Swedish syntax of grant decisions and regleringsbrev, within one sentence:
//! - after an amount, past a few verbs (`avsätts`, `ska fördelas`), a chain of prepositional
//!   phrases: `till` + an organisation (a capitalised name, a list of them, or a plural such as
//!   `regionerna`) is the recipient, `till`/`för` + anything else the purpose, `för`/`under` + a
//!   year (or a period) the period, `av` after `disponeras` the recipient;
//!   Phrases that only say which money (`i förstärkt stöd`, `av anslagets medel`), a source
//!   (`från Polismyndigheten`) and auxiliaries (`ska användas`) are passed over; a year that
//!   closes the clause right after the amount is its period; two consecutive years joined by
//!   `och` are one period; so is one after `till` (`5 miljarder till 2022.`), never a recipient;
//!   a purpose never runs on into a villkor's number (`i villkor 3`); `användas av X` names who disposes of it; a year that closes the clause
//!   after the amount's phrases is its period (not one after a verb: `ökning med … sedan 2019`);
//!   an aim (`för att …`) ends before a time; a passive verb joined by `och` (`… och betalas ut
//!   till Region Gotland`), or in a relative clause on the money (`som betalas ut till
//!   kommunerna`), gives its `till` recipient, past a perfect's `har` as past a modal's `ska`;
//!   an amount in apposition (`Medlen, 12 miljoner kronor, ska …`) reads on past its closing
//!   comma, as a share that glosses it (`, drygt 19 procent av det totala stödet,`, `(85
//!   procent)`, `, det vill säga 41 procent`); money named as itself after
//!   `till` or `för` (`till ett särskilt stöd till föreningar`) is no purpose; a purpose runs
//!   on through `och` and a second noun phrase that closes the clause (`… och den uppskjutna
//!   vården`), never into a body (`… och regionerna får …`); a yearly amount with no period
//!   takes a span of years later in its sentence (`88 000 kronor/år … för åren 2024-2025`);
//! - before it, an active giving verb's indirect object (`ger Boverket 40 miljoner kronor`),
//!   a subject that receives (`Socialstyrelsen får …`, `Till regionerna avsätts …`,
//!   `Fem regioner får …`) or disposes of it (`Delegationen mot segregation har fördelat …`,
//!   `… hade i uppdrag att fördela …`, `Socialstyrelsen har 5 miljarder att fördela`, an
//!   authority that `ska avsätta` it; not one setting its own money aside, `Kommunen avsätter
//!   …`), also past a relative clause or apposition set off by commas
//!   (`IOGT-NTO, som …, beviljas …`) and without a description before its name (`den ideella
//!   föreningen X`), a share (`för Borås del`), a support's `till` phrase before `på`
//!   (`stöd till idrotten på …`: purpose), and a period anywhere earlier in the sentence (`För
//!   2020 avsätts …`), the nearest one, a time fronted in a later clause included (`… och år
//!   2020 höjs anslaget med …`) or after `att` (`genom att 2020 tillskjuta …`), and none past
//!   an open start (`och från och med 2021 …`); a budget document's year (`budgetpropositionen
//!   för 2018`) names the document and dates only the money of the clause it is an adverbial
//!   of (`Genom budgetpropositionen för 2018 höjs …`, `5 miljarder i höständringsbudgeten för
//!   2020`), never past another amount nor as the clause's subject;
//!   a recipient after an inverted verb may be followed by an infinitive and its preposition
//!   (`får Sveriges skolor dela på …`); a purpose runs on through a list of nouns that `och` or
//!   `eller` closes (`krisstöd, samtalsstöd eller traumastöd`);
//!   `för att` (or `till att`) + a short verb phrase is the purpose, less a recipient that
//!   closes it (`… stipendier till enskilda kulturskapare`), and `som kompensation för X`
//!   closing the clause gives X; a time right after another amount is that
//!   amount's; a list that is the genitive of a noun (`kommuner, landsting och länsstyrelsers
//!   arbete`) is no recipient; `X fördelar AMOUNT` makes X the one who disposes of it;
//!   a body paid after a fronted verb or `att` (`Enligt förslaget ska Region X ersättas med …`;
//!   a compensated subject must name a body: costs are compensated too), and a money noun's
//!   `till`/`för` phrase before its predicate (`Bidraget till kommunerna uppgår till …`,
//!   `Anslaget för X uppgår till …`); after it also `fördelas mellan`, `tillfaller X`, `till X:s
//!   förfogande`, `avser`, `i form av` (not a kind of money), and the periods `för budgetåret`,
//!   `under läsåret`, `från och med … till och med …` (an open end gives none), `2021 års anslag`;
//! - a list item or labelled line that opens with an organisation (`• Förskolenämnden: 4 mnkr`,
//!   `Bjurholms kommun, 103,7 miljoner kronor`) gives it as recipient;
//! - in a table, a row label that names an organisation (or any label in a table whose label
//!   column or caption names recipients: `Län`, `Kommun`) is the recipient, a `Disponeras av X`
//!   row gives X to the anslagsposter under it (and under a `Disponeras av` column the
//!   organisation ending an anslagspost's name is its recipient), an anslagspost row (`30:1 ap.1 Namn (Ram)`) gives
//!   its name as purpose, a year column header (also printed over two lines) the period, and a
//!   block heading that names an organisation (`Familjenämnd` over its rows) the recipient of the
//!   block, each row's label (not an accounting line such as `Intäkter`) its purpose, as under a
//!   label column headed by an activity (`Verksamhet`, `Ändamål`, `Insats`); a label column's
//!   header the reader joined to the one column's (`Region Belopp`) still names the labels, and
//!   a row label that names an authority by its last word (`Folkhälsomyndigheten`) is one;
//!   a one-column table's header line kept with its caption (`Myndighet Belopp`) still names
//!   its labels, a kommun code before a name (`0114 Upplands Väsby`) is no part of it, a
//!   budget line (`Personalkostnader`) is no one's even under `Nämnd`, an anslagspost named by
//!   one authority alone (`ap.3 Folkhälsomyndigheten`) is its money, and a `Disponeras av X`
//!   line run into the post under it gives X to that post and the ones after, unless each post
//!   has its `Disponeras av` line under it (the first post none before it, the last one after
//!   it): then the line run into a post gives X to the post above; a header line of several
//!   text columns (`Sökande | Projekt | Beviljat (kr)`) splits each label into its recipient
//!   (of two recipient columns the last, `Län | Kommun`: the kommun) and its purpose;
//!   an anslag's line run into its first `Disponeras av X` line (`28:37Forskning … (Ramanslag)
//!   Disponeras av Riksarkivet8 956 tkr`) gives the figure to X and no purpose; a `Disponeras
//!   av` row with a figure of its own (OCR may set it on the next line) heads the posts under
//!   it and disposes of none above it; a caption's year dates the cells only from a title of a
//!   few words, not from a sentence the reader gathered into the caption (`… ska gälla under
//!   budgetåret 2024 för nedan angivna anslag.`); a form feed ends a line as a line break does;
//!   a row naming an organisation whose figures are the sums of the rows under it
//!   (`Kommunstyrelsen  132 829` over its verksamheter) heads them as a heading line does, and a
//!   `Summa X` naming its block's heading is the heading's, but a block's sum is no one's under a
//!   heading over rows that are their own labels' (`Uppsala län` over its kommuner); a label
//!   header naming both (`Nämnd/verksamhet`) heads blocks of verksamheter, not recipients;
//! - a run of at least three `label amount` pairs (a table the export ran into one line:
//!   `Karlshamn 31 108 914 Karlskrona 54 546 990 …`) gives each amount the place or
//!   organisation that ends its label;
//! - the villkor that lists an amount ([`Villkor::amounts`]) is its villkor;
//! - a deadline, decision or start date is the date of the clause before its cue words
//!   (`Regionerna återrapporterar till Försäkringskassan` ← `senast den 11 december 2020`), or,
//!   when the date opens its sentence, of the clause after it.
//!
//! Deliberately not done: a period or recipient stated once for the whole document (a
//! regleringsbrev's `budgetåret 2004` title) is not spread over its amounts, pronouns (`de`,
//! `myndigheten`) are not resolved, and no link crosses a sentence. Null where unsure.

use std::sync::OnceLock;

use crate::record::{
    Amount, AmountLinks, Date, DateRole, IsoDate, Link, Period, PeriodLink, Span, Table, Villkor,
    VillkorLink,
};

/// What a token is: a word, a punctuation mark, a line break, or an item found by another stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A word, and where its lower-case form is.
    Word(Lower),
    Punct(char),
    Newline,
    Amount(u32),
    Period(u32),
    Date(u32),
}

/// A token: its kind and its span in characters. Twelve bytes (offsets in `u32`, which [`link`]
/// checks they fit, and the kind packed into one more by [`Tok::new`]): a long document has a
/// token every five characters, and the linker holds a window's at a time ([`WINDOW`]).
#[derive(Debug, Clone, Copy)]
struct Tok {
    /// The kind, packed: the top two bits say which, the rest is what it carries (see
    /// [`Tok::new`]).
    code: u32,
    from: u32,
    to: u32,
}

impl Tok {
    /// A word whose lower-case form is at this byte of the text.
    const WORD: u32 = 0;
    /// A word whose lower-case form is at this byte of [`Doc::lowered`].
    const OWN_WORD: u32 = 1 << 30;
    /// A punctuation mark (the character), or [`Tok::NEWLINE`].
    const MARK: u32 = 2 << 30;
    /// An item: bits 28 and 29 say which (amount, period, date), bits 0–27 its index, which
    /// [`link`] checks fits.
    const ITEM: u32 = 3 << 30;
    /// What the four kinds carry: the bits under the top two.
    const PAYLOAD: u32 = (1 << 30) - 1;
    /// A line break: past the last character.
    const NEWLINE: u32 = Tok::MARK | 0x11_0000;
    /// [`Lower::NONE`]: an offset [`Lower::new`] never gives.
    const NO_WORD: u32 = Tok::OWN_WORD | Tok::PAYLOAD;
    /// Bits of an item's index.
    const INDEX: u32 = (1 << 28) - 1;

    fn new(kind: Kind, start: usize, end: usize) -> Tok {
        let code = match kind {
            Kind::Word(Lower::NONE) => Tok::NO_WORD,
            Kind::Word(Lower(at)) if at & Lower::OWN != 0 => Tok::OWN_WORD | (at & Tok::PAYLOAD),
            Kind::Word(Lower(at)) => Tok::WORD | (at & Tok::PAYLOAD),
            Kind::Punct(c) => Tok::MARK | u32::from(c),
            Kind::Newline => Tok::NEWLINE,
            Kind::Amount(i) => Tok::ITEM | (i & Tok::INDEX),
            Kind::Period(i) => Tok::ITEM | 1 << 28 | (i & Tok::INDEX),
            Kind::Date(i) => Tok::ITEM | 2 << 28 | (i & Tok::INDEX),
        };
        Tok {
            code,
            from: start as u32,
            to: end as u32,
        }
    }

    /// The kind [`Tok::new`] was given.
    fn kind(&self) -> Kind {
        let payload = self.code & Tok::PAYLOAD;
        match self.code & !Tok::PAYLOAD {
            Tok::WORD => Kind::Word(Lower(payload)),
            Tok::OWN_WORD if self.code == Tok::NO_WORD => Kind::Word(Lower::NONE),
            Tok::OWN_WORD => Kind::Word(Lower(payload | Lower::OWN)),
            Tok::MARK if self.code == Tok::NEWLINE => Kind::Newline,
            Tok::MARK => Kind::Punct(char::from_u32(payload).unwrap_or('\0')),
            _ => {
                let i = payload & Tok::INDEX;
                match payload >> 28 {
                    0 => Kind::Amount(i),
                    1 => Kind::Period(i),
                    _ => Kind::Date(i),
                }
            }
        }
    }

    fn start(&self) -> usize {
        self.from as usize
    }

    fn is_word(&self) -> bool {
        self.code & Tok::MARK == 0
    }

    fn end(&self) -> usize {
        self.to as usize
    }
}

/// A word token's text in lower case, as [`Doc::word`] gives it: borrowed from the text or the
/// document's lower-cased copies, and read like a `String` by the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word<'d>(&'d str);

impl Word<'_> {
    fn as_str(&self) -> &str {
        self.0
    }
}

impl std::ops::Deref for Word<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.0
    }
}

impl PartialEq<&str> for Word<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// The text by character offsets, the tokens of a window of it ([`Doc::tokenize`]), and the
/// items they stand for.
struct Doc<'a> {
    chars: CharText<'a>,
    toks: Vec<Tok>,
    periods: &'a [Period],
    /// The lower-case forms of the words that are not written in lower case (`Socialstyrelsen`),
    /// each ended by a NUL; see [`Lower`]. Made once while tokenizing: the rules ask about the
    /// same few words around every amount, and lower-casing them anew each time was a tenth of
    /// the linker's work. No `String` per token: a long document has millions of them.
    lowered: String,
}

/// Where a word token's lower-case form is, in the four bytes a [`Kind`] has to spare: the byte
/// offset of the word itself in the text when it is written in lower case already (most words
/// are), else, with [`Lower::OWN`] set, the offset of its lower-cased copy in [`Doc::lowered`],
/// where a NUL (which no word holds) ends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Lower(u32);

impl Lower {
    /// The bit that says the offset is in [`Doc::lowered`].
    const OWN: u32 = 1 << 31;
    /// A word whose offset does not fit (gigabytes of text), read as no word: past the end of
    /// [`Doc::lowered`], which is never let grow this long.
    const NONE: Lower = Lower(u32::MAX);
    /// Offsets from here on do not fit: a [`Tok`] packs a word's offset into 30 bits, and keeps
    /// the largest for [`Lower::NONE`]. Only a text over a gigabyte has words past it.
    const LIMIT: u32 = Tok::PAYLOAD;

    fn new(at: usize, own: bool) -> Lower {
        match u32::try_from(at) {
            Ok(at) if at < Lower::LIMIT => Lower(if own { at | Lower::OWN } else { at }),
            _ => Lower::NONE,
        }
    }
}

/// Whether `c` is its own lower case, so a word of such characters needs no lower-cased copy.
/// Exact, not `!is_uppercase()`: a title-case letter (`ǅ`) is neither and still changes.
fn lowers_to_itself(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    let mut l = c.to_lowercase();
    l.next() == Some(c) && l.next().is_none()
}

/// Verbs whose subject receives the amount that follows (`Socialstyrelsen får 10 miljoner`).
const RECEIVE: &[&str] = &[
    "får",
    "fick",
    "fått",
    "få",
    "tilldelas",
    "tilldelades",
    "erhåller",
    "erhöll",
    "erhållit",
    "beviljas",
    "beviljades",
    "beviljats",
    "tillförs",
    "tillförts",
    "tilldelats",
    "erhålla",
];

/// Passive verbs of compensation whose subject is paid (`Region Skåne ersätts med 4 mkr`). Costs
/// are compensated too (`Resekostnader ersätts med …`), so the subject must name a body.
const COMPENSATED: &[&str] = &[
    "ersätts",
    "ersättas",
    "ersattes",
    "ersatts",
    "kompenseras",
    "kompenserades",
];

/// Finite verbs that stand second in a main clause whose subject follows them (`Enligt förslaget
/// ska Region X ersättas …`), and `att`, after which a subordinate clause's subject stands.
const SUBJECT_LEADS: &[&str] = &["ska", "skall", "bör", "kommer", "kan", "har", "hade", "att"];

/// Predicates of a money noun before its amount (`Bidraget till kommunerna uppgår till …`,
/// `ersättningen till Region X minskar med …`).
const MONEY_PREDICATES: &[&str] = &[
    "uppgår",
    "uppgick",
    "uppgå",
    "ökar",
    "ökas",
    "ökade",
    "minskar",
    "minskas",
    "minskade",
    "höjs",
    "höjdes",
    "sänks",
    "sänktes",
    "blir",
    "är",
    "var",
    "beräknas",
    "beräknades",
    "motsvarar",
    "omfattar",
    "utgör",
    "uppräknas",
    "fastställs",
    "fastställdes",
];

/// Words that name a stretch of time, which end a purpose that would start with an article (`för
/// de senaste åren` is a time, not what the money is for).
const TIME_NOUNS: &[&str] = &[
    "år",
    "åren",
    "året",
    "månaderna",
    "månaden",
    "perioden",
    "tiden",
    "veckorna",
    "dagarna",
];

/// Active verbs of giving whose indirect object, before the amount, receives it (`ger Boverket 40
/// miljoner kronor`, `beviljar Region Skåne 5 mkr`).
const GIVE: &[&str] = &[
    "ger",
    "ge",
    "gav",
    "gett",
    "givit",
    "beviljar",
    "bevilja",
    "beviljade",
    "beviljat",
    "tilldelar",
    "tilldela",
    "tilldelade",
    "tilldelat",
    "anvisar",
    "anvisa",
    "anvisade",
    "anvisat",
];

/// Active verbs whose subject disposes of the amount that follows (`Trafikverket fördelar 825
/// miljoner`, `Delegationen … har fördelat 85 miljoner`, `Skolverket ska fördela …`), in every
/// tense an auxiliary may leave to them.
const DISPOSE: &[&str] = &[
    "fördelar",
    "fördela",
    "fördelade",
    "fördelat",
    "disponerar",
    "disponera",
    "disponerade",
    "disponerat",
    "förvaltar",
    "förvalta",
];

/// The infinitive of setting money aside, whose subject disposes of it when an authority is
/// told to (`Tillväxtverket ska avsätta totalt 108 miljoner`, as a decision on state money
/// words it). Setting one's own money aside is paying it: `Regeringen avsätter …`, `Kommunen
/// avsätter …`, `Nämnden avsätter …` name no recipient.
const SET_ASIDE: &str = "avsätta";

/// Sentence adverbs that may open a sentence before its subject.
const SENTENCE_ADVERBS: &[&str] = &[
    "även",
    "också",
    "dessutom",
    "därutöver",
    "vidare",
    "därtill",
    "nu",
    "därför",
];

/// Passive verbs whose `av` names who disposes of the money (`fördelas av Statens kulturråd`), or
/// whose `på` names among whom it is shared (`fördelas på samtliga kommuner`).
const AGENT: &[&str] = &[
    "disponeras",
    "fördelas",
    "fördelades",
    "fördelats",
    "förvaltas",
    "administreras",
    "hanteras",
    // `får användas av Statens institutionsstyrelse`: the one who uses it disposes of it.
    "användas",
    "används",
    "användes",
    "använts",
];

/// Common nouns that name recipients (regions, municipalities, kinds of organisation).
const RECIPIENT_NOUNS: &[&str] = &[
    // The one municipality or region a local decision is about (`som kommunen fått`).
    "kommunen",
    "regionen",
    "landstinget",
    "regionerna",
    "regioner",
    "kommunerna",
    "kommuner",
    "landstingen",
    "landsting",
    "länsstyrelserna",
    "länsstyrelser",
    "myndigheterna",
    "huvudmännen",
    "huvudmän",
    "organisationerna",
    "organisationer",
    "föreningarna",
    "föreningar",
    "studieförbunden",
    "folkhögskolorna",
    "folkhögskolor",
    "trossamfund",
    "trossamfunden",
    "lärosätena",
    "lärosäten",
    "regeringen",
    // Kommuner and regioner as one, in budget prose (`anvisades … till kommunsektorn`).
    "kommunsektorn",
    "nämnderna",
    "styrelserna",
    // Those a culture or civil-society grant goes to (`till arrangörer och fria kulturskapare`).
    "arrangörer",
    "arrangörerna",
    "kulturskapare",
    "kulturskaparna",
    "konstnärer",
    "konstnärerna",
    "aktörer",
    "aktörerna",
];

/// Words that may stand before a recipient noun without being part of the link's meaning.
const DETERMINERS: &[&str] = &["samtliga", "alla", "berörda"];

/// Numbers written as words, which count recipients as digits do (`åtta kommuner`).
const NUMBER_WORDS: &[&str] = &[
    "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "tjugo",
];

/// Name endings of Swedish authorities and bodies (`Skatteverket`, `Statens kulturråd`,
/// `Kammarkollegiet`, `Sametinget`, `Folkhälsomyndigheten`).
const AGENCY_ENDINGS: &[&str] = &[
    "verket",
    "myndigheten",
    "styrelsen",
    "nämnden",
    "kollegiet",
    "institutet",
    "rådet",
    "råd",
    "tinget",
    "inspektionen",
    "kansliet",
    "fonden",
    "styrelse",
    "nämnd",
    "förbundet",
    // `Hjärt- och Lungsjukas Riksförbund`, `Sveriges Pensionärsförbund`.
    "förbund",
    "vården",
    "kommun",
    "region",
    // Associations (`Ystads Konstförening`, `Ystads Schackklubb`); one named after its kind
    // (`Teaterföreningen Scenen`) is read by its first word, see `org_like`.
    "förening",
    "föreningen",
    "klubb",
    "klubben",
    "sällskapet",
];

/// Nouns of the kind of money a phrase `i … stöd` names, skipped between an amount and its
/// phrases (`100 miljoner kronor i förstärkt stöd till …`).
const MONEY_KINDS: &[&str] = &[
    "stöd",
    "bidrag",
    "tillskott",
    "ersättning",
    "anslag",
    "medel",
];

/// Heads of a partitive `av` phrase that says which money the amount is part of, not who gets
/// it (`5 000 000 kronor av anslagspostens medel`, `av dessa medel`).
const PARTITIVE_HEADS: &[&str] = &[
    "medel",
    "medlen",
    "beloppet",
    "anslaget",
    "anslagsposten",
    "bidraget",
    "stödet",
    "ramen",
];

/// Prepositions and conjunctions that end a run of filler words or a purpose phrase.
const STOPS: &[&str] = &[
    "till",
    "för",
    "av",
    "under",
    "inom",
    "i",
    "på",
    "med",
    "som",
    "och",
    "samt",
    "varav",
    "per",
    "men",
    "medan",
    "vilket",
    "att",
    "om",
    "från",
    "enligt",
    "efter",
    "mot",
    "jämfört",
    "där",
    "vilka",
    "vars",
    "då",
    "när",
    "eftersom",
    "så",
    "den",
    "det",
    "de",
    "denna",
    "detta",
    "dessa",
    "sin",
    "sitt",
    "sina",
    "vid",
    "genom",
    "via",
    "hos",
    "ska",
    "skall",
    "kan",
    "har",
    "är",
];

/// At most this many tokens label a row of a table printed as running text (`Gotlands kommun (
/// landstingsdel )` is six).
const FLAT_LABEL_TOKENS: usize = 8;

/// How many lines past the previous row's label [`Doc::label_line_after`] reads for a row's
/// label: a page's column of labels, and a bound that keeps the search linear in the table.
const LABEL_LINES: usize = 80;

/// The words that open a regleringsbrev's line naming who disposes of an anslag's money.
const DISPOSED_BY: &str = "disponeras av ";

/// `s` past a `Disponeras av` cue at its start (any case), or `None`.
fn disposed_by(s: &str) -> Option<&str> {
    strip_ci(s, DISPOSED_BY)
}

/// The span of the `Disponeras av` cue of a line starting at `ls`.
fn disposed_by_cue(ls: usize) -> Span {
    Span {
        start: ls,
        end: ls + DISPOSED_BY.trim_end().chars().count(),
    }
}

/// At most this many words make the sentence of a caption that names its table's year: a
/// title (`Fördelning av medel till regionerna 2025 (kronor)`), not a sentence of the text.
const TITLE_WORDS: usize = 8;

/// The characters that end a line: a line break, and a form feed, which ends a page.
const LINE_ENDS: [char; 2] = ['\n', '\x0c'];

/// Characters of text whose items [`link`] reads running-text links for with one token list
/// (the window's core, extended to the next line break): a long document's tokens are never
/// held at once (twelve bytes a token, a token every five characters: 107 MB for a 32 MB
/// document).
const WINDOW: usize = 1 << 18;

/// Tokens of context a window keeps on either side of its core, each side ending at a line
/// break. The rules read the tokens of their item's sentence, which a line break ends, and a
/// few on either side of it (the word after a full stop, the colon that opens a list): far
/// fewer than this, so a window's items are linked as they are with the whole text's tokens
/// (`windows_link_as_the_whole_text_does` checks it on real documents down to one line).
const MARGIN: usize = 512;

/// Adds links to `amounts` and `dates`. `periods`, `villkor` and `tables` are the document's own.
pub(crate) fn link(
    text: &str,
    amounts: &mut [Amount],
    dates: &mut [Date],
    periods: &[Period],
    villkor: &[Villkor],
    tables: &[Table],
) {
    link_in_windows(text, amounts, dates, periods, villkor, tables, WINDOW);
}

/// [`link`] with the running text read in windows of `window` characters (see [`WINDOW`]).
fn link_in_windows(
    text: &str,
    amounts: &mut [Amount],
    dates: &mut [Date],
    periods: &[Period],
    villkor: &[Villkor],
    tables: &[Table],
    window: usize,
) {
    // Tokens keep offsets in `u32` and item indices in 28 bits: a text of 4 GB, or of 268 million
    // items, is no document this reads (it would need many times that in memory), and is left
    // unlinked rather than misread.
    let fits = |n: usize| u32::try_from(n).is_ok();
    let indexed = |n: usize| n <= Tok::INDEX as usize;
    if !(fits(text.len())
        && indexed(amounts.len())
        && indexed(dates.len())
        && indexed(periods.len()))
    {
        return;
    }
    let items = items(amounts, dates, periods);
    let mut doc = Doc::untokenized(text, periods);
    let mut links: Vec<AmountLinks> = vec![AmountLinks::default(); amounts.len()];
    // `from` is where the window's tokens start and `core` where its own items do: the start of
    // the text or just past a line break, where the whole text's tokens start a token too.
    let (mut from, mut core) = (0, 0);
    while core < doc.chars.len() {
        let ends = doc.tokenize(&items, from, core.saturating_add(window), MARGIN);
        let end = ends.unwrap_or(doc.toks.len());
        let first = doc.toks.partition_point(|t| t.start() < core);
        for p in first..end {
            match doc.toks[p].kind() {
                Kind::Amount(i) if amounts[i as usize].cell.is_none() => {
                    let i = i as usize;
                    doc.running(p, &mut links[i]);
                    if links[i].period.is_none() && amounts[i].per.as_deref() == Some("år") {
                        links[i].period = doc.years_of_yearly(p);
                    }
                    if links[i].recipient.is_none() {
                        links[i].recipient = doc.line_label(&amounts[i]);
                    }
                }
                Kind::Date(i) => {
                    let i = i as usize;
                    dates[i].of = doc.date_of(p, dates[i].role);
                }
                _ => {}
            }
        }
        // The core ends past a line break, so the next one starts past it.
        let Some(last) = ends.and_then(|e| e.checked_sub(1)).map(|p| doc.toks[p]) else {
            break;
        };
        core = last.end();
        // The next window's context: from the last line break at least `MARGIN` tokens before
        // its core, or, in a long stretch without one, from where this window's started.
        if let Some(b) = (0..end.saturating_sub(MARGIN))
            .rev()
            .find(|&p| doc.toks[p].kind() == Kind::Newline)
        {
            from = doc.toks[b].end();
        }
    }
    doc.toks = Vec::new();
    doc.lowered = String::new();
    let mut above: Option<(&[String], Vec<Option<PeriodLink>>)> = None;
    for table in tables {
        let periods = doc.table(table, amounts, above.as_ref(), &mut links);
        above = Some((&table.headers, periods));
    }
    for v in villkor {
        for &i in &v.amounts {
            if let Some(l) = links.get_mut(i) {
                l.villkor = Some(VillkorLink {
                    number: v.number,
                    parent: v.parent,
                    cue: Span {
                        start: v.start,
                        end: v.end,
                    },
                });
            }
        }
    }
    for (a, l) in amounts.iter_mut().zip(links) {
        a.links = (!l.is_empty()).then_some(l);
    }
}

/// The spans that become one token each (amounts, periods, dates), sorted by start, the longest
/// first at one start.
fn items(amounts: &[Amount], dates: &[Date], periods: &[Period]) -> Vec<(usize, usize, Kind)> {
    let mut items: Vec<(usize, usize, Kind)> = Vec::new();
    items.extend(
        amounts
            .iter()
            .enumerate()
            .map(|(i, a)| (a.start, a.end, Kind::Amount(i as u32))),
    );
    items.extend(
        periods
            .iter()
            .enumerate()
            .map(|(i, p)| (p.start, p.end, Kind::Period(i as u32))),
    );
    items.extend(
        dates
            .iter()
            .enumerate()
            .map(|(i, d)| (d.start, d.end, Kind::Date(i as u32))),
    );
    items.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    items
}

impl<'a> Doc<'a> {
    /// The whole text's tokens (the tests read them).
    #[cfg(test)]
    fn new(text: &'a str, amounts: &[Amount], dates: &[Date], periods: &'a [Period]) -> Doc<'a> {
        let mut doc = Doc::untokenized(text, periods);
        doc.tokenize(&items(amounts, dates, periods), 0, usize::MAX, 0);
        doc
    }

    /// The text with no tokens yet: what the table rules read.
    fn untokenized(text: &'a str, periods: &'a [Period]) -> Doc<'a> {
        Doc {
            chars: CharText::new(text),
            toks: Vec::new(),
            periods,
            lowered: String::new(),
        }
    }

    /// Replaces the tokens with those from character `from` (the start of the text or just past
    /// a line break) to the first line break at or after character `limit`, and on until
    /// `margin` more tokens, through a line break, or the text's end. Returns how many tokens
    /// come before the end of that first line break (the window's own; its context follows), or
    /// `None` when the text ends before one.
    /// From a line break the tokens are the ones the whole text's would be there: one is never
    /// part of a word, and an item is one token whichever side of it the reading starts
    /// (`items` as [`items`] gives them).
    fn tokenize(
        &mut self,
        items: &[(usize, usize, Kind)],
        from: usize,
        limit: usize,
        margin: usize,
    ) -> Option<usize> {
        let (text, chars) = (self.chars.text, &self.chars);
        let (toks, lowered) = (&mut self.toks, &mut self.lowered);
        toks.clear();
        lowered.clear();
        let mut core = None;
        // `i` counts characters, `b` bytes: the text is read in one pass, never indexed.
        let at = |b: usize| text.get(b..).and_then(|t| t.chars().next());
        let (mut i, mut b) = (from, chars.byte(from));
        let mut next_item = items.partition_point(|it| it.0 < from);
        while i < chars.len() {
            while next_item < items.len() && items[next_item].0 < i {
                next_item += 1;
            }
            if let Some(&(s, e, kind)) = items.get(next_item)
                && s == i
                && e > s
            {
                toks.push(Tok::new(kind, s, e));
                i = e;
                b = chars.byte(e);
                continue;
            }
            let Some(c) = at(b) else {
                break;
            };
            let word = |c: char| c.is_alphanumeric();
            if c == '\n' || c == '\x0c' {
                toks.push(Tok::new(Kind::Newline, i, i + 1));
                i += 1;
                b += 1;
                match core {
                    None if i > limit => core = Some(toks.len()),
                    Some(n) if toks.len() - n >= margin => break,
                    _ => {}
                }
            } else if c.is_whitespace() {
                i += 1;
                b += c.len_utf8();
            } else if word(c) {
                let (start, start_b) = (i, b);
                while let Some(c) = at(b)
                    && (word(c)
                        || (matches!(c, '-' | ':' | '.' | '\'')
                            && at(b + c.len_utf8()).is_some_and(word)))
                {
                    // A word stops where an item starts (`Kammarkollegiet398 240 tkr`).
                    if items.get(next_item).is_some_and(|it| it.0 == i) && i > start {
                        break;
                    }
                    i += 1;
                    b += c.len_utf8();
                }
                // A suspended compound keeps its hyphen (`barn- och utbildningsnämnden`).
                if at(b) == Some('-') && at(b + 1).is_some_and(char::is_whitespace) {
                    i += 1;
                    b += 1;
                }
                let w = text.get(start_b..b).unwrap_or_default();
                let lower = Self::lower(w, start_b, lowered);
                toks.push(Tok::new(Kind::Word(lower), start, i));
            } else {
                toks.push(Tok::new(Kind::Punct(c), i, i + 1));
                i += 1;
                b += c.len_utf8();
            }
        }
        core
    }

    /// Where the lower-case form of `word`, at byte `at` of the text, is: `word` itself if it is
    /// written in lower case, else its lower-cased copy appended to `lowered`.
    fn lower(word: &str, at: usize, lowered: &mut String) -> Lower {
        if word.chars().all(lowers_to_itself) {
            return Lower::new(at, false);
        }
        let l = word.to_lowercase();
        let start = lowered.len();
        // `lowered` stays shorter than `Lower::NONE`'s offset, so that it reads as no word.
        if start + l.len() + 1 >= Lower::LIMIT as usize {
            return Lower::NONE;
        }
        lowered.push_str(&l);
        lowered.push('\0');
        Lower::new(start, true)
    }

    fn text(&self, start: usize, end: usize) -> String {
        self.chars.str(start, end).to_string()
    }

    /// The token's text in lower case, or `""` for anything but a word.
    fn word(&self, p: usize) -> Word<'_> {
        let Some(t) = self.toks.get(p) else {
            return Word("");
        };
        let Kind::Word(Lower(at)) = t.kind() else {
            return Word("");
        };
        if at & Lower::OWN != 0 {
            let w = self
                .lowered
                .get((at & !Lower::OWN) as usize..)
                .unwrap_or_default();
            return Word(w.split('\0').next().unwrap_or_default());
        }
        // The word's characters from its first byte: a walk over one word.
        let w = self.chars.text.get(at as usize..).unwrap_or_default();
        let n = t.to.saturating_sub(t.from) as usize;
        Word(&w[..w.char_indices().nth(n).map_or(w.len(), |(b, _)| b)])
    }

    fn is_cap(&self, p: usize) -> bool {
        self.toks
            .get(p)
            .is_some_and(|t| t.is_word() && self.chars.at(t.start()).is_uppercase())
    }

    fn is_lower_word(&self, p: usize) -> bool {
        self.toks
            .get(p)
            .is_some_and(|t| t.is_word() && self.chars.at(t.start()).is_lowercase())
    }

    /// Whether token `p` ends a sentence: a line break, `!`, `?`, `;`, `:`, or a full stop not
    /// followed by a lower-case word (`m.m. och` goes on).
    fn ends_sentence(&self, p: usize) -> bool {
        match self.toks[p].kind() {
            Kind::Newline => true,
            Kind::Punct('!' | '?' | ';' | ':') => true,
            // `fr.o.m. 2021`: the abbreviation's full stop ends nothing.
            Kind::Punct('.') => {
                let abbreviation = p > 0 && matches!(self.word(p - 1).as_str(), "fr.o.m" | "t.o.m");
                !(self.is_lower_word(p + 1) || abbreviation)
            }
            _ => false,
        }
    }

    /// Whether a phrase ending before token `p` closes its clause: `p` is a comma, ends the
    /// sentence, or is past the text.
    fn closes_clause(&self, p: usize) -> bool {
        self.toks
            .get(p)
            .is_none_or(|t| matches!(t.kind(), Kind::Punct(',')) || self.ends_sentence(p))
    }

    /// The first token of the sentence that holds token `p`.
    fn sentence_start(&self, p: usize) -> usize {
        let mut s = (0..p)
            .rev()
            .find(|&q| self.ends_sentence(q))
            .map_or(0, |q| q + 1);
        // A list item's bullet is not part of its sentence.
        while s < p
            && matches!(
                self.toks[s].kind(),
                Kind::Punct('•' | '-' | '–' | '*' | '·')
            )
        {
            s += 1;
        }
        s
    }

    fn span(&self, from: usize, to: usize) -> Span {
        Span {
            start: self.toks[from].start(),
            end: self.toks[to].end(),
        }
    }

    fn link(&self, from: usize, to: usize, cue: Span) -> Link {
        let (start, end) = (self.toks[from].start(), self.toks[to].end());
        Link {
            text: self.text(start, end),
            start,
            end,
            cue,
        }
    }

    /// A year written as a word (`2020`).
    fn year(&self, p: usize) -> Option<u16> {
        let w = self.word(p);
        let y: u16 = w.parse().ok()?;
        (w.len() == 4 && (1900..=2099).contains(&y)).then_some(y)
    }

    /// A recipient at token `p`: a capitalised name (a genitive takes the noun after it, `Statens
    /// kulturråd`), a recipient noun, or a list of them joined by `,`, `och`, `samt`. Returns the
    /// last token.
    fn recipient_at(&self, p: usize) -> Option<usize> {
        let one = |p: usize| -> Option<usize> {
            let mut p = p;
            while DETERMINERS.contains(&self.word(p).as_str()) {
                p += 1;
            }
            // A number or a plural adjective before a recipient noun (`32 kommuner`, `ideella
            // organisationer`).
            let w = self.word(p);
            if (w.chars().all(|c| c.is_ascii_digit())
                || NUMBER_WORDS.contains(&w.as_str())
                || (w.ends_with('a') && self.is_lower_word(p)))
                && is_recipient_noun(&self.word(p + 1))
            {
                return Some(p + 1);
            }
            // … and before a suspended compound of them (`110 barn- och
            // ungdomsorganisationer`).
            if (w.chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&w.as_str()))
                && self.word(p + 1).ends_with('-')
                && self.word(p + 2) == "och"
                && is_recipient_noun(&self.word(p + 3))
            {
                return Some(p + 3);
            }
            // A noun phrase headed by a recipient noun after an article: `det civila samhällets
            // organisationer`, `de ideella föreningarna`.
            if matches!(w.as_str(), "det" | "den" | "de")
                && let Some(h) = (p + 2..p + 5).find(|&h| is_recipient_noun(&self.word(h)))
                && (p + 1..h)
                    .all(|q| self.is_lower_word(q) && !STOPS.contains(&self.word(q).as_str()))
            {
                return Some(h);
            }
            // A suspended compound: `barn- och utbildningsnämnden`.
            if w.ends_with('-') && self.word(p + 1) == "och" && is_recipient_noun(&self.word(p + 2))
            {
                return Some(p + 2);
            }
            // A genitive before one (`civilsamhällets barn- och ungdomsorganisationer`).
            if w.ends_with('s')
                && self.is_lower_word(p)
                && !STOPS.contains(&w.as_str())
                && !is_recipient_noun(&w)
            {
                let n = self.word(p + 1);
                if n.ends_with('-')
                    && self.word(p + 2) == "och"
                    && is_recipient_noun(&self.word(p + 3))
                {
                    return Some(p + 3);
                }
                if is_recipient_noun(&n) && self.is_lower_word(p + 1) {
                    return Some(p + 1);
                }
            }
            if is_recipient_noun(&w) {
                return Some(p);
            }
            // A capitalised preposition or pronoun opens a sentence, it names no one (`Av
            // medlen får …`).
            if !self.is_cap(p) || STOPS.contains(&w.as_str()) {
                return None;
            }
            let mut end = p;
            loop {
                if self.is_cap(end + 1) && !self.word(end + 1).starts_with("ap.") {
                    end += 1;
                } else if self.word(end).ends_with('s')
                    && self.is_cap(end)
                    && self.is_lower_word(end + 1)
                    && !STOPS.contains(&self.word(end + 1).as_str())
                    && !RECEIVE.contains(&self.word(end + 1).as_str())
                    && end + 1 - p < 2
                {
                    // `Statens kulturråd`, `Sveriges Kommuner och Regioner` starts here too.
                    end += 1;
                } else {
                    break;
                }
            }
            // A capitalised adjective before a board (`Sociala omsorgsnämnden`), a place before
            // its kind of body (`Malå kommun`, `Uppsala län`).
            let next = self.word(end + 1);
            let adjective = end == p && self.word(p).ends_with(['a', 'e']);
            if self.is_lower_word(end + 1)
                && ((adjective && is_recipient_noun(&next))
                    || matches!(next.as_str(), "kommun" | "län" | "landsting" | "stift"))
            {
                end += 1;
            }
            Some(end)
        };
        let mut end = one(p)?;
        // Where a plural recipient is (`organisationer i civilsamhället`, `kommuner inom
        // Norrbotten`): a definite noun or a name, never a budget document.
        if is_recipient_noun(&self.word(end)) && matches!(self.word(end + 1).as_str(), "i" | "inom")
        {
            let n = self.word(end + 2);
            let definite = self.is_lower_word(end + 2)
                && ["et", "en", "na"].iter().any(|e| n.ends_with(e))
                && !STOPS.contains(&n.as_str());
            if (definite || self.is_cap(end + 2))
                && !["budget", "proposition", "regleringsbrev"]
                    .iter()
                    .any(|b| n.contains(b))
            {
                end += 2;
                // `Länsstyrelsen i Stockholms län`, `skolor i Malå kommun`: the place's kind.
                if self.is_cap(end)
                    && self.is_lower_word(end + 1)
                    && matches!(self.word(end + 1).as_str(), "län" | "kommun")
                {
                    end += 1;
                }
            }
        }
        // A list: `SKR, Försäkringskassan och Socialstyrelsen`.
        loop {
            let sep = match self.toks.get(end + 1).map(|t| t.kind()) {
                Some(Kind::Punct(',')) => true,
                Some(Kind::Word(_)) => matches!(self.word(end + 1).as_str(), "och" | "samt"),
                _ => false,
            };
            match sep.then(|| one(end + 2)).flatten() {
                Some(e) => end = e,
                None => {
                    // `kommuner, landsting och länsstyrelsers arbete`: the list is the genitive
                    // of a noun, no recipient.
                    let g = self.word(end + 2);
                    if sep && g.ends_with('s') && self.is_lower_word(end + 3) {
                        return None;
                    }
                    break;
                }
            }
        }
        Some(end)
    }

    /// A purpose phrase at token `p`: lower-case words up to punctuation, an item or a stop word,
    /// at most eight of them. Returns the last token.
    fn purpose_at(&self, p: usize) -> Option<usize> {
        // An article before a weak adjective and its noun (`för det utökade uppdraget`, `till de
        // nya lokalerna`); not a recipient (`de ideella föreningarna`), an ordinal (`för det
        // första`) or a time (`för de senaste åren`).
        if matches!(self.word(p).as_str(), "den" | "det" | "de")
            && self.recipient_at(p).is_none()
            && let a = self.word(p + 1)
            && self.is_lower_word(p + 1)
            && a.ends_with(['a', 'e'])
            && !STOPS.contains(&a.as_str())
            && !matches!(
                a.as_str(),
                "första" | "andra" | "tredje" | "sista" | "samma"
            )
        {
            return self
                .purpose_at(p + 1)
                .filter(|&e| e > p + 1 && e - p < 12)
                .filter(|&e| (p + 1..=e).all(|q| !TIME_NOUNS.contains(&self.word(q).as_str())));
        }
        // A phrase that opens with a recipient noun is a recipient or nothing (`till kommuner,
        // landsting och länsstyrelsers arbete`); one that opens with a noun of time is a time
        // (ESV's `Utfallet … blev 409 miljoner kronor högre för perioden och uppgick till …`).
        if !self.is_lower_word(p)
            || self.year(p).is_some()
            || STOPS.contains(&self.word(p).as_str())
            || is_recipient_noun(&self.word(p))
            || TIME_NOUNS.contains(&self.word(p).as_str())
            // Examples (`bland annat cykelåtgärder`, `exempelvis`) are not the whole purpose.
            || (self.word(p) == "bland" && self.word(p + 1) == "annat")
            || matches!(self.word(p).as_str(), "exempelvis" | "bl.a")
        {
            return None;
        }
        let mut end = p;
        // A second `till` after a `till` phrase starts a new phrase (`stöd till kulturområdet
        // till allmän kulturverksamhet`), unless it completes a noun of support (`går till
        // bidrag till regional kulturverksamhet`).
        let after_till = p > 0 && self.word(p - 1) == "till";
        let plain = |q: usize| {
            self.toks.get(q).is_some_and(|t| t.is_word())
                && self.year(q).is_none()
                && !STOPS.contains(&self.word(q).as_str())
        };
        loop {
            // Lower-case words, or a name's further capitalised words (`Huddinge
            // Universitetssjukhus`).
            if plain(end + 1) && (self.is_lower_word(end + 1) || (self.is_cap(end) && end > p)) {
                end += 1;
                continue;
            }
            // A connector that goes on to more words of the same phrase (`hantering av
            // bidragen`, `äldreboenden och minskad segregation`), but never into a recipient.
            let w = self.word(end + 1);
            // `i samband med`: one compound preposition, which goes on.
            if w == "i"
                && self.word(end + 2) == "samband"
                && self.word(end + 3) == "med"
                && plain(end + 4)
            {
                end += 4;
                continue;
            }
            // `i` + a budget document says where the money is decided, not what it is for
            // (`till kulturen i extra ändringsbudgeten`, `i budgetpropositionen`).
            let budget_doc = |q: usize| {
                let n = self.word(q);
                ["budget", "proposition", "regleringsbrev"]
                    .iter()
                    .any(|b| n.contains(b))
            };
            if w == "i" && (budget_doc(end + 2) || budget_doc(end + 3)) {
                break;
            }
            // `och` + a passive verb starts a new clause (`… och fördelas via …`).
            // `insatser för lindrig psykisk ohälsa`: a `för` that qualifies the phrase's noun
            // (never `för att`, never a time: `plain` and `cued_time_at` stop those).
            // `arbetet med kompetensförsörjning`, `insatser inom psykiatrin`: with what, or in
            // which named field (a definite noun), the work is done; never a frame (`inom ramen
            // för`), a ground (`med anledning av`, `med stöd av`), a hedge (`inom olika
            // områden`) or a time (`inom två år`).
            let n = self.word(end + 2);
            let frame = matches!(
                n.as_str(),
                "ramen" | "anledning" | "stöd" | "hänsyn" | "hänvisning" | "undantag" | "start"
            );
            let field = ["en", "et", "na", "an", "in"]
                .iter()
                .any(|d| n.ends_with(d));
            let connector = matches!(w.as_str(), "av" | "i" | "mot" | "på" | "vid" | "för")
                || (w == "med" && !frame)
                || (w == "inom" && field && !frame)
                // Never into a body that opens a new clause (`för arbetet med vaccinationer och
                // regionerna får …`).
                || (matches!(w.as_str(), "och" | "eller")
                    && !self.word(end + 2).ends_with("as")
                    && self.recipient_at(end + 2).is_none())
                || (w == "till"
                    && (!after_till || MONEY_KINDS.iter().any(|k| self.word(end).ends_with(k)))
                    && self.recipient_at(end + 2).is_none());
            // `i villkor 3` says where the money is listed, not what it is for.
            let listed_under = self.word(end + 2).starts_with("villkor");
            if connector && plain(end + 2) && !listed_under && self.cued_time_at(end + 1).is_none()
            {
                end += 2;
                continue;
            }
            // `och` + a second noun phrase with its article (`för arbetet med covid-19-vården och
            // den uppskjutna vården`) when that phrase closes the clause; one that a verb
            // follows is a new clause's subject (`… och de anställda ska få utbildning`).
            if matches!(w.as_str(), "och" | "eller")
                && matches!(self.word(end + 2).as_str(), "den" | "det" | "de")
                && let Some(e) = self.purpose_at(end + 2)
                && e > end + 2
                && self.closes_clause(e + 1)
            {
                end = e;
                continue;
            }
            // A comma inside a list of nouns that `och` or `eller` closes (`krisstöd,
            // samtalsstöd eller traumastöd`) goes on; any other comma ends the phrase. A `till`
            // after the list's last noun is that item's own (`allmän kulturverksamhet,
            // ersättningar och bidrag till konstnärer`): a list of kinds of support, each with its
            // receivers, and no one purpose.
            let listed = matches!(
                self.toks.get(end + 1).map(|t| t.kind()),
                Some(Kind::Punct(','))
            ) && plain(end + 2)
                && self.is_lower_word(end + 2)
                && (end + 3..end + 7)
                    .take_while(|&q| self.is_lower_word(q))
                    .any(|q| {
                        matches!(self.word(q).as_str(), "och" | "eller")
                            && plain(q + 1)
                            && self.is_lower_word(q + 1)
                            && self.word(q + 2) != "till"
                    });
            if listed {
                end += 2;
                continue;
            }
            break;
        }
        // A phrase that runs on past the cap is no clear purpose.
        (end + 1 - p <= 12).then_some(end)
    }

    /// A share set off by commas or parentheses at token `p` (the comma or the opening
    /// parenthesis): `, 32 procent,`, `, 12,5 %,`, `(85 procent)`, `, drygt 19 procent av det
    /// totala stödbeloppet,`, or one that `det vill säga` opens and the sentence runs on past
    /// (`, det vill säga 41 procent till projektmedel`). Returns the gloss's last token: the
    /// closing mark, or `procent` in that last form.
    fn share_gloss_at(&self, p: usize) -> Option<usize> {
        let digits = |q: usize| {
            self.toks.get(q).is_some_and(|t| t.is_word())
                && !self.word(q).is_empty()
                && self.word(q).chars().all(|c| c.is_ascii_digit())
        };
        let punct =
            |q: usize, c: char| self.toks.get(q).is_some_and(|t| t.kind() == Kind::Punct(c));
        let close = if punct(p, ',') {
            ','
        } else if punct(p, '(') {
            ')'
        } else {
            return None;
        };
        let mut q = p + 1;
        // `det vill säga`, `dvs.`: the share restates the amount, and needs no closing comma.
        let restated = close == ','
            && ((self.word(q) == "det"
                && self.word(q + 1) == "vill"
                && self.word(q + 2) == "säga")
                || self.word(q) == "dvs");
        if restated {
            q += if self.word(q) == "dvs" { 1 } else { 3 };
            if punct(q, '.') {
                q += 1;
            }
        }
        // A hedge before the figure (`drygt 19 procent`).
        if matches!(
            self.word(q).as_str(),
            "drygt" | "cirka" | "ca" | "nära" | "knappt" | "omkring" | "ungefär"
        ) {
            q += 1;
        }
        if !digits(q) {
            return None;
        }
        q += 1;
        // A decimal comma inside the figure (`12,5`).
        if punct(q, ',') && digits(q + 1) && (self.word(q + 2) == "procent" || punct(q + 2, '%')) {
            q += 2;
        }
        if !(self.word(q) == "procent" || punct(q, '%')) {
            return None;
        }
        if restated && !punct(q + 1, ',') {
            return Some(q);
        }
        // Of what the share is (`av det totala stödet`): a few lower-case words.
        let mut c = q + 1;
        if self.word(c) == "av" {
            c = (c + 1..c + 7).find(|&k| {
                !(self.toks.get(k).is_some_and(|t| t.is_word()) && self.is_lower_word(k))
            })?;
        }
        punct(c, close).then_some(c)
    }

    /// Whether a `för` or `till` phrase's words `s..=e` only name the money (`för ersättning till
    /// landstingen …`, `till ett särskilt stöd till föreningar`): a kind of money alone before
    /// the `till` of its receivers, or one with words that say how much or what sort of it.
    fn money_only(&self, s: usize, e: usize) -> bool {
        (e == s && is_money_kind(&self.word(e)) && self.word(e + 1) == "till")
            || self.names_money_itself(s, e)
    }

    /// Whether tokens `s..=e` are a kind of money and only words that say how much or what sort
    /// of it (`extra bidrag`, `ett tillfälligt stöd`, `ytterligare medel`): the money itself,
    /// not what it is for. A compound (`transportbidrag`, `projektmedel`) names its use.
    fn names_money_itself(&self, s: usize, e: usize) -> bool {
        const MODIFIERS: &[&str] = &[
            "ett",
            "en",
            "extra",
            "ytterligare",
            "särskilt",
            "särskild",
            "särskilda",
            "tillfälligt",
            "tillfällig",
            "tillfälliga",
            "generellt",
            "generella",
            "riktat",
            "riktade",
            "nytt",
            "nya",
        ];
        let head = self.word(e);
        e > s
            && MONEY_KINDS.iter().any(|k| {
                head == *k
                    || ["et", "en"]
                        .iter()
                        .any(|d| head.as_str() == format!("{k}{d}"))
            })
            && (s..e).all(|k| MODIFIERS.contains(&self.word(k).as_str()))
    }

    /// An aim after `för att` (or `till att`) at token `p`: lower-case words (no item) up to
    /// punctuation or the sentence's end, at most twelve. Returns the last token.
    fn aim_at(&self, p: usize) -> Option<usize> {
        let mut e = p;
        while self.toks.get(e).is_some_and(|t| t.is_word()) && self.is_lower_word(e) {
            e += 1;
        }
        // A time after the verb phrase dates the money, not the aim (`för att korta
        // vårdköerna under 2023`): the aim ends before it.
        let closed = self.closes_clause(e) || self.cued_time_at(e).is_some();
        if !(e > p && closed && e - p <= 12) {
            return None;
        }
        // A relative clause on the aim's object says more about the object, not what the money
        // is for (`för att hantera den lågkonjunktur som antas följa …`): the aim ends before
        // `som`, but not before `som en följd av`, `som ett led i`, which qualify the verb. The
        // whole, clause included, is what must be short and closed: this only trims an aim.
        let relative = (p + 1..e)
            .find(|&q| self.word(q) == "som" && !matches!(self.word(q + 1).as_str(), "en" | "ett"));
        let end = relative.map_or(e - 1, |q| q - 1);
        // Who gets it, closing the aim (`till att stärka stöd och stipendier till enskilda
        // kulturskapare`), is the money's recipient, not part of what it is for: the aim ends
        // before its `till`, which the caller's chain then reads.
        let to =
            (p + 1..end).find(|&q| self.word(q) == "till" && self.recipient_at(q + 1) == Some(end));
        Some(to.map_or(end, |q| q - 1))
    }

    /// A time at token `p` after a cue: a year (`2020`, `år 2020`) or a period. Returns the link
    /// without its cue and the last token.
    fn time_at(&self, p: usize, cue: Span) -> Option<(PeriodLink, usize)> {
        // A noun of time between the cue and the years joins the cue (`för budgetåret 2021`,
        // `under läsåret 2020/21`); `år` stays out of it, as it always has.
        let (p, cue) = match self.word(p).as_str() {
            "år" => (p + 1, cue),
            "åren" | "perioden" | "budgetåret" | "budgetåren" | "verksamhetsåret"
            | "kalenderåret" | "läsåret" | "läsåren" => (
                p + 1,
                Span {
                    start: cue.start,
                    end: self.toks.get(p)?.end(),
                },
            ),
            _ => (p, cue),
        };
        let t = *self.toks.get(p)?;
        if let Kind::Period(i) = t.kind() {
            let period = &self.periods[i as usize];
            // The link is the time itself; a lead-in (`under`, `för åren`, `i`) is its cue.
            let lead = super::period::lead_len(&period.text);
            let digit = t.start() + period.text.get(..lead)?.chars().count();
            if digit >= t.end() {
                return None;
            }
            let cue = if digit > t.start() {
                Span {
                    start: t.start(),
                    end: digit,
                }
            } else {
                cue
            };
            let cue = Span {
                start: cue.start,
                end: cue.end.min(digit),
            };
            let mut link = PeriodLink {
                text: self.text(digit, t.end()),
                start: digit,
                end: t.end(),
                from: period.from,
                to: period.to,
                cue: trim(&self.chars, cue),
            };
            // `under 2018 och 2019`: the next year joins a one-year period.
            let one_year = period.from.year == period.to.year
                && period.from == IsoDate::new(period.from.year, 1, 1)?
                && period.to == IsoDate::new(period.to.year, 12, 31)?;
            if one_year && self.word(p + 1) == "och" && self.year(p + 2) == Some(period.to.year + 1)
            {
                link.end = self.toks[p + 2].end();
                link.text = self.text(link.start, link.end);
                link.to = IsoDate::new(period.to.year + 1, 12, 31)?;
                return Some((link, p + 2));
            }
            return Some((link, p));
        }
        let y = self.year(p)?;
        // A year range the period reader left (`2018–2019` after a cue): both years, never the
        // first alone. Two consecutive years (`under 2018 och 2019`): one period over both.
        let range = matches!(
            self.toks.get(p + 1).map(|t| t.kind()),
            Some(Kind::Punct('-' | '–' | '—' | '/'))
        );
        let last = if range {
            Some(self.year(p + 2).filter(|&y2| y2 > y)?)
        } else if self.word(p + 1) == "och" {
            self.year(p + 2).filter(|&y2| y2 == y + 1)
        } else {
            None
        };
        if let Some(y2) = last {
            let end = self.toks[p + 2].end();
            return Some((
                PeriodLink {
                    text: self.text(t.start(), end),
                    start: t.start(),
                    end,
                    from: IsoDate::new(y, 1, 1)?,
                    to: IsoDate::new(y2, 12, 31)?,
                    cue,
                },
                p + 2,
            ));
        }
        Some((
            year_link(self.text(t.start(), t.end()), t.start(), t.end(), y, cue)?,
            p,
        ))
    }

    /// `i` + at most two lower-case words + a kind of money at token `p` (`i förstärkt stöd`, `i
    /// ökade generella statsbidrag`). Returns the last token.
    fn money_kind_at(&self, p: usize) -> Option<usize> {
        if self.word(p) != "i" {
            return None;
        }
        (p + 1..p + 4)
            .take_while(|&q| self.is_lower_word(q) && !STOPS.contains(&self.word(q).as_str()))
            .find(|&q| {
                let w = self.word(q);
                MONEY_KINDS.iter().any(|k| w.ends_with(k))
            })
    }

    /// `av` + at most two words + a partitive head at token `p` (`av anslagspostens medel`, `av
    /// dessa medel`). Returns the last token.
    fn partitive_at(&self, p: usize) -> Option<usize> {
        if self.word(p) != "av" {
            return None;
        }
        (p + 1..p + 4)
            .take_while(|&q| self.is_lower_word(q))
            .find(|&q| PARTITIVE_HEADS.contains(&self.word(q).as_str()))
    }

    /// A date at token `p`, after at most `den` (`den 30 juni 2021`). Returns the date's token.
    fn date_at(&self, p: usize) -> Option<usize> {
        let p = if self.word(p) == "den" { p + 1 } else { p };
        matches!(self.toks.get(p)?.kind(), Kind::Date(_)).then_some(p)
    }

    /// `från och med YEAR till och med YEAR` or `fr.o.m. YEAR t.o.m. YEAR` at token `p`: the
    /// years from the first to the second, cued by the first lead-in. An open end (`57 miljoner
    /// kronor från och med 2020`) says from when, not for which years: no period. Returns the
    /// last token.
    fn inclusive_years_at(&self, p: usize) -> Option<(PeriodLink, usize)> {
        // The end of a lead-in at `q` (`från och med`, `fr.o.m.`) and the token after it.
        let lead = |q: usize, long: &str, short: &str| -> Option<(usize, usize)> {
            if self.word(q) == long && self.word(q + 1) == "och" && self.word(q + 2) == "med" {
                return Some((q + 2, q + 3));
            }
            (self.word(q) == short).then(|| {
                let dot = matches!(
                    self.toks.get(q + 1).map(|t| t.kind()),
                    Some(Kind::Punct('.'))
                );
                if dot { (q + 1, q + 2) } else { (q, q + 1) }
            })
        };
        let (cue_end, y1) = lead(p, "från", "fr.o.m")?;
        let from = self.year(y1)?;
        let (_, y2) = lead(y1 + 1, "till", "t.o.m")?;
        let to = self.year(y2).filter(|&to| to > from)?;
        let (s, e) = (self.toks[y1].start(), self.toks[y2].end());
        Some((
            PeriodLink {
                text: self.text(s, e),
                start: s,
                end: e,
                from: IsoDate::new(from, 1, 1)?,
                to: IsoDate::new(to, 12, 31)?,
                cue: self.span(p, cue_end),
            },
            y2,
        ))
    }

    /// A time fronted in its clause at token `p`, the finite verb right after it (Swedish puts
    /// the verb second): `och år 2020 höjs anslaget med …`, `och 2019 avsattes …`, `genom att
    /// 2020 tillskjuta …`. Only at a clause's start (the sentence's, or after `,`, `och`, `men`,
    /// `samt`, `att`), so `till år 2030` or `2019 års budget` is none. Returns the link (cued by `år`, if written) and the last token.
    fn fronted_time_at(&self, start: usize, p: usize) -> Option<(PeriodLink, usize)> {
        let opens = p == start
            || matches!(self.toks.get(p.checked_sub(1)?)?.kind(), Kind::Punct(','))
            || matches!(self.word(p - 1).as_str(), "och" | "men" | "samt" | "att");
        if !opens {
            return None;
        }
        let y = if self.word(p) == "år" { p + 1 } else { p };
        let year = match self.toks.get(y)?.kind() {
            Kind::Word(_) => self.year(y).is_some(),
            Kind::Period(_) => self.chars.at(self.toks[y].start()).is_ascii_digit(),
            _ => false,
        };
        let verb = self.is_lower_word(y + 1)
            && !matches!(
                self.word(y + 1).as_str(),
                "och" | "års" | "till" | "samt" | "eller"
            );
        if !(year && verb) {
            return None;
        }
        self.time_at(y, self.span(p, p))
    }

    /// An open start at token `p`: `från och med 2021` or `fr.o.m. 2021` with no end year after
    /// it. Returns the year's token.
    fn open_start_at(&self, p: usize) -> Option<usize> {
        if self.inclusive_years_at(p).is_some() {
            return None;
        }
        let y = if self.word(p) == "från" && self.word(p + 1) == "och" && self.word(p + 2) == "med"
        {
            p + 3
        } else if self.word(p) == "fr.o.m" {
            if matches!(
                self.toks.get(p + 1).map(|t| t.kind()),
                Some(Kind::Punct('.'))
            ) {
                p + 2
            } else {
                p + 1
            }
        } else {
            return None;
        };
        let year = match self.toks.get(y)?.kind() {
            Kind::Word(_) => self.year(y).is_some(),
            Kind::Period(_) => self.chars.at(self.toks[y].start()).is_ascii_digit(),
            _ => false,
        };
        year.then_some(y)
    }

    /// Whether period `i` opens with a cue that makes it a time the money is for (`för 2021`,
    /// `under januari–mars`), not a bare point in time (`i mars 2020`, `juni 2021`).
    fn cued_period(&self, i: u32) -> bool {
        let Some(period) = self.periods.get(i as usize) else {
            return false;
        };
        let lead = period.text[..super::period::lead_len(&period.text)].to_lowercase();
        lead.starts_with("för") || lead.starts_with("under")
    }

    /// A time expression with its cue word at token `p` (`för 2020`, `under 2017`, `budgetåret
    /// 2021`, `perioden 2017–2018`, a period with its own lead-in).
    fn cued_time_at(&self, p: usize) -> Option<(PeriodLink, usize)> {
        let t = *self.toks.get(p)?;
        if let Kind::Period(_) = t.kind() {
            let digit_first = self.chars.at(t.start()).is_ascii_digit();
            if !digit_first {
                return self.time_at(p, self.span(p, p));
            }
            return None;
        }
        let w = self.word(p);
        if matches!(
            w.as_str(),
            "för"
                | "under"
                | "budgetåret"
                | "budgetår"
                | "verksamhetsåret"
                | "avseende"
                | "inför"
                | "avser"
                | "läsåret"
                | "kalenderåret"
        ) {
            return self.time_at(p + 1, self.span(p, p));
        }
        // `från och med 2021 till och med 2023`, `fr.o.m. 2021 t.o.m. 2023`: both ends, or none
        // (an open end says from when, not for which years).
        if let Some(y) = self.inclusive_years_at(p) {
            return Some(y);
        }
        // `2021 års anslag`, `2022 års medel`: the year the money is of; never a price level
        // (`2022 års priser`) or a budget document (`2021 års budgetproposition`), whose head is
        // no kind of money.
        if let Some(y) = self.year(p)
            && self.word(p + 1) == "års"
            && is_money_kind(&self.word(p + 2))
        {
            return Some((
                year_link(
                    self.text(t.start(), t.end()),
                    t.start(),
                    t.end(),
                    y,
                    self.span(p + 1, p + 1),
                )?,
                p + 1,
            ));
        }
        // `fördelat på åren 2018–2023`: `på` only before years named as such.
        if w == "på" && matches!(self.word(p + 1).as_str(), "åren" | "perioden") {
            return self.time_at(p + 2, self.span(p, p + 1));
        }
        None
    }

    /// The years a yearly amount at token `p` is paid over, named later in its sentence past
    /// words the chain after it stops at (`88 000 kronor/år fortsatt kommer att finansieras via
    /// X för åren 2024-2025`): a cued time of more than one year, before any other amount. A
    /// single year is left alone: it may date any clause, while a sum per year over a span of
    /// years is the span's.
    fn years_of_yearly(&self, p: usize) -> Option<PeriodLink> {
        let mut q = p + 1;
        while q < self.toks.len() && !self.ends_sentence(q) {
            if matches!(self.toks[q].kind(), Kind::Amount(_)) {
                return None;
            }
            if let Some((l, e)) = self.cued_time_at(q) {
                if l.from.year < l.to.year {
                    return Some(l);
                }
                q = e + 1;
            } else {
                q += 1;
            }
        }
        None
    }

    /// Links of the running-text amount at token `p`.
    fn running(&self, p: usize, links: &mut AmountLinks) {
        let start = self.sentence_start(p);
        self.after(start, p, links);
        self.before(start, p, links);
        let line = (0..p)
            .rev()
            .find(|&q| self.toks[q].kind() == Kind::Newline)
            .map_or(0, |q| q + 1);
        self.line_item(line, p, links);
        if links.recipient.is_none() {
            links.recipient = self
                .item_label(p)
                .or_else(|| self.inline_item(start, p))
                .or_else(|| self.flat_row(p));
        }
    }

    /// The label words of a row of a table printed as one run of text: the words (and
    /// parentheses) between the amount at token `p` and the item or line break before it.
    /// Returns the first label token, or `None` when no word stands right before the amount.
    fn flat_label(&self, p: usize) -> Option<usize> {
        let mut s = p;
        while s > 0 && p - s < FLAT_LABEL_TOKENS {
            match self.toks[s - 1].kind() {
                Kind::Word(_) | Kind::Punct('(' | ')' | '-') => s -= 1,
                _ => break,
            }
        }
        (s < p && p - s < FLAT_LABEL_TOKENS && self.toks[s..p].iter().any(Tok::is_word))
            .then_some(s)
    }

    /// A row of a table that the text export ran into one line (`Blekinge län Karlshamn 31 108
    /// 914 Karlskrona 54 546 990 Olofström 21 869 886 …`): in a run of at least three `label
    /// amount` pairs with nothing but short labels between the amounts, the place or
    /// organisation that ends the label before an amount is its recipient (`Karlshamn`,
    /// `Blekinge läns landsting`, `Gotlands kommun ( kommundel )`); a label that names no one
    /// (`Summa kommuner`, `Totalt länet`) gives none.
    fn flat_row(&self, p: usize) -> Option<Link> {
        let s = self.flat_label(p)?;
        // Pairs before this one, then after it, while each label follows an amount directly.
        let mut pairs = 1;
        let mut q = s;
        while pairs < 3
            && q > 0
            && matches!(self.toks[q - 1].kind(), Kind::Amount(_))
            && let Some(b) = self.flat_label(q - 1)
        {
            pairs += 1;
            q = b;
        }
        let mut a = p;
        while pairs < 3 {
            let mut n = a + 1;
            while n < self.toks.len() && n - a <= FLAT_LABEL_TOKENS && self.toks[n].is_word() {
                n += 1;
            }
            if n == a + 1 || n >= self.toks.len() || !matches!(self.toks[n].kind(), Kind::Amount(_))
            {
                break;
            }
            pairs += 1;
            a = n;
        }
        if pairs < 3 {
            return None;
        }
        // A trailing parenthesis qualifies the name (`Gotlands kommun ( kommundel )`): it is
        // linked with it, but the name before it must name the body.
        let e = p - 1;
        let core = if self.toks[e].kind() == Kind::Punct(')') {
            (s..e)
                .rev()
                .find(|&k| self.toks[k].kind() == Kind::Punct('('))?
        } else {
            p
        };
        // The longest tail of the label that names a place or an organisation.
        (s..core).find_map(|k| {
            let name = self.text(self.toks[k].start(), self.toks[core - 1].end());
            (self.is_cap(k) && (is_place(&name) || names_organisation(&name)))
                .then(|| self.link(k, e, self.span(k, core - 1)))
        })
    }

    /// An item of a list its sentence opens with a colon (`Medlen fördelas enligt följande:
    /// Region Stockholm 120 miljoner kronor, Region Skåne 80 miljoner kronor och övriga regioner
    /// 210 miljoner kronor`): a name right before the amount, right after the colon or an item's
    /// `,`, `och` or `samt`. So is a later item of a list whose first item names its receiving
    /// verb once (`Region Skåne erhåller 20 miljoner kronor, Region Halland 15 miljoner kronor
    /// och …`): the name right after the amount before it and its separator.
    fn inline_item(&self, start: usize, p: usize) -> Option<Link> {
        // A colon ends a sentence: the list is the sentence after it.
        let colon = start
            .checked_sub(1)
            .filter(|&c| self.toks[c].kind() == Kind::Punct(':'));
        // The sentence's first receiving verb, found once: asking at each separator whether
        // one precedes it would read the sentence again per item, quadratic in a long list.
        let first_verb = (start..p).find(|&v| {
            let w = self.word(v);
            RECEIVE.contains(&w.as_str()) || DISPOSE.contains(&w.as_str())
        });
        let verb = |sep: usize| {
            sep > 0
                && matches!(self.toks[sep - 1].kind(), Kind::Amount(_))
                && first_verb.is_some_and(|v| v < sep)
        };
        (start.max(1)..p).rev().find_map(|s| {
            let sep = s - 1;
            let item = self.toks[sep].kind() == Kind::Punct(',')
                || matches!(self.word(sep).as_str(), "och" | "samt");
            let opens = Some(sep) == colon || (item && (colon.is_some() || verb(sep)));
            if !opens || self.recipient_at(s) != Some(p - 1) {
                return None;
            }
            let words = self.text(self.toks[s].start(), self.toks[p - 1].end());
            (self.is_cap(s) || is_recipient_noun(&self.word(p - 1)) || org_like(&words))
                .then(|| self.link(s, p - 1, self.span(sep, sep)))
        })
    }

    /// A line that labels the amount ending it (`Överföring till HOSPA-stab för processledning:
    /// -1,9 Mkr`): its `till` + organisation is the recipient, its `för` phrase the purpose.
    fn line_item(&self, start: usize, p: usize, links: &mut AmountLinks) {
        let at_line_end = self
            .toks
            .get(p + 1)
            .is_none_or(|t| t.kind() == Kind::Newline);
        // A label, not a sentence: nothing ends a sentence before the amount but a final `:`.
        let label = (start..p).all(|q| !self.ends_sentence(q) || q + 1 == p);
        if !at_line_end || !label || !self.is_cap(start) {
            return;
        }
        for q in start..p {
            match self.word(q).as_str() {
                "till" if links.recipient.is_none() => {
                    // In a label a body may be named in lower case by its kind
                    // (`Ersättning till primärvården för behandlingar:`).
                    let e = self.recipient_at(q + 1).or_else(|| {
                        (self.is_lower_word(q + 1) && org_like(&self.word(q + 1))).then_some(q + 1)
                    });
                    if let Some(e) = e.filter(|&e| e < p) {
                        links.recipient = Some(self.link(q + 1, e, self.span(q, q)));
                    }
                }
                "för" if links.purpose.is_none() => {
                    if let Some(e) = self.purpose_at(q + 1).filter(|&e| e < p) {
                        links.purpose = Some(self.link(q + 1, e, self.span(q, q)));
                    }
                }
                _ => {}
            }
        }
    }

    /// The chain of phrases after the amount at token `p`, whose sentence starts at token `start`.
    fn after(&self, start: usize, p: usize, links: &mut AmountLinks) {
        let mut q = p + 1;
        let mut fillers = 0;
        // The last verb or adverb passed over: a year right after one is its (`ökning med 16,2
        // miljarder sedan 2019`), not the money's.
        let mut filler = None;
        let mut disponeras = false;
        // `satsar 5,9 miljarder på testning`: what money is staked on is its purpose.
        let mut staked = (start..p)
            .rev()
            .take(4)
            .any(|v| is_stake_verb(&self.word(v)));
        // `betalas ut i mars 2020`, `Utbetalning av … sker i juni`: a time the payout is tied
        // to says when the money is paid, not the period it is for.
        let mut paid_out = (start..p).any(|v| pays_out(&self.word(v)));
        while q < self.toks.len() && q < p + 30 {
            let t = self.toks[q];
            match t.kind() {
                Kind::Word(_) => {}
                // Only a time with its own cue (`betalas ut för 2021`, `under 2021`) is the
                // money's after a payout verb; `i mars 2020` is passed over.
                Kind::Period(i) if paid_out && !self.cued_period(i) => {
                    q += 1;
                    continue;
                }
                Kind::Period(_) if links.period.is_none() => {
                    // A bare period right after the amount, or one with its lead-in.
                    if let Some((l, e)) = self.cued_time_at(q).or_else(|| {
                        (q == p + 1 || fillers == 0)
                            .then(|| self.time_at(q, self.span(q, q)))
                            .flatten()
                    }) {
                        links.period = Some(l);
                        q = e + 1;
                        continue;
                    }
                    return;
                }
                // An amount in apposition (`Medlen, 12 miljoner kronor, ska fördelas …`): the
                // comma that closes it is no boundary.
                Kind::Punct(',')
                    if q == p + 1 && p > 0 && self.toks[p - 1].kind() == Kind::Punct(',') =>
                {
                    q += 1;
                    continue;
                }
                // The amount's share set off by commas (`och 5,9 miljarder, 32 procent, till
                // kommunerna`): a gloss on the amount, read past.
                Kind::Punct(',' | '(')
                    if q == p + 1
                        && let Some(e) = self.share_gloss_at(q) =>
                {
                    q = e + 1;
                    continue;
                }
                _ => return,
            }
            let w = self.word(q);
            if let Some((l, e)) = self.cued_time_at(q) {
                if links.period.is_none() {
                    links.period = Some(l);
                }
                q = e + 1;
                continue;
            }
            // A bare year that closes the clause after the amount or after its phrases (`får
            // Kriminalvården 335 miljoner kronor 2019.`, `… till kommunerna för
            // sommarlovsaktiviteter 2022.`), or right after the amount before its `för` or
            // `till` phrase (`ger Boverket 40 miljoner kronor 2025 för …`): the year the money
            // is for.
            if links.period.is_none()
                && filler != Some(q - 1)
                && let Some(y) = self.year(q)
                && (self.closes_clause(q + 1)
                    || (q == p + 1 && matches!(self.word(q + 1).as_str(), "för" | "till")))
            {
                links.period = year_link(
                    self.text(t.start(), t.end()),
                    t.start(),
                    t.end(),
                    y,
                    self.span(q, q),
                );
                q += 1;
                continue;
            }
            // `år 2019` right after the amount (`minskar med 10 mkr år 2019`): the year it is
            // for. Only here: earlier in a sentence `år 2029` may date anything.
            if q == p + 1
                && w == "år"
                && self.year(q + 1).is_some()
                && let Some((l, e)) = self.time_at(q + 1, self.span(q, q))
            {
                if links.period.is_none() {
                    links.period = Some(l);
                }
                q = e + 1;
                continue;
            }
            // Phrases that say which money, not whose or what for: `i förstärkt stöd`,
            // `av anslagspostens medel`; skipped whole.
            if let Some(e) = self.money_kind_at(q).or_else(|| self.partitive_at(q)) {
                q = e + 1;
                continue;
            }
            match w.as_str() {
                // `Det föreslås även 5 miljarder till 2022.`: a year `till` sets after the money,
                // ending its clause, is the year the money goes to, never a recipient. After a
                // verb it is the verb's (`förlängd till år 2029`), so only before any.
                "till"
                    if fillers == 0
                        && let Some((l, e)) = self
                            .time_at(q + 1, self.span(q, q))
                            .filter(|&(_, e)| self.closes_clause(e + 1)) =>
                {
                    if links.period.is_none() {
                        links.period = Some(l);
                    }
                    q = e + 1;
                }
                // A time limit on the money (`får till den 30 juni 2021 användas …`) is passed
                // over: it says until when, not for whom.
                "till" if let Some(d) = self.date_at(q + 1) => q = d + 1,
                // `ställs till Kammarkollegiets förfogande`: who disposes of it.
                "till" if let Some((l, k)) = self.disposal_at(q) => {
                    if links.recipient.is_none() {
                        links.recipient = l;
                    }
                    q = k + 1;
                }
                // `till att` + a verb phrase is an aim, read below with `för att`.
                "till" if self.word(q + 1) != "att" => {
                    if let Some(e) = self.recipient_at(q + 1) {
                        if links.recipient.is_none() {
                            links.recipient = Some(self.link(q + 1, e, self.span(q, q)));
                        }
                        q = e + 1;
                    } else if let Some(e) = self.purpose_at(q + 1) {
                        // `avsätter 1,5 miljoner kronor till ett särskilt stöd till föreningar`:
                        // money named as itself says what the money is, as after `för`; the
                        // chain goes on to whom it goes.
                        if links.purpose.is_none() && !self.money_only(q + 1, e) {
                            links.purpose = Some(self.link(q + 1, e, self.span(q, q)));
                        }
                        q = e + 1;
                    } else {
                        return;
                    }
                }
                // `för att` + a verb phrase up to punctuation: the aim (`för att stärka deras
                // arbete med civilt försvar`), as after `går till att`, `används till att`; a
                // long one is left alone.
                "för" | "till" if self.word(q + 1) == "att" => match self.aim_at(q + 2) {
                    Some(e) => {
                        if links.purpose.is_none() {
                            links.purpose = Some(self.link(q + 2, e, self.span(q, q + 1)));
                        }
                        q = e + 1;
                    }
                    None => return,
                },
                // `5 miljarder kronor i höständringsbudgeten för 2020`: the budget the money is
                // in, with its year, is the money's budget year.
                "i" if is_budget_document(&self.word(q + 1))
                    && self.word(q + 2) == "för"
                    && let Some((l, e)) = self.cued_time_at(q + 2) =>
                {
                    if links.period.is_none() {
                        links.period = Some(l);
                    }
                    q = e + 1;
                }
                // `i syfte att` + a verb phrase: the aim, as `för att`.
                "i" if self.word(q + 1) == "syfte" && self.word(q + 2) == "att" => {
                    match self.aim_at(q + 3) {
                        Some(e) => {
                            if links.purpose.is_none() {
                                links.purpose = Some(self.link(q + 3, e, self.span(q, q + 2)));
                            }
                            q = e + 1;
                        }
                        None => return,
                    }
                }
                "för" => match self.purpose_at(q + 1) {
                    Some(e) => {
                        // `för ersättning till landstingen för rehabilitering`: a kind of money
                        // alone says what the money is, not what it is for; the chain goes on.
                        if links.purpose.is_none() && !self.money_only(q + 1, e) {
                            links.purpose = Some(self.link(q + 1, e, self.span(q, q)));
                        }
                        q = e + 1;
                    }
                    None => return,
                },
                "på" if staked => match self.purpose_at(q + 1) {
                    Some(e) => {
                        if links.purpose.is_none() {
                            links.purpose = Some(self.link(q + 1, e, self.span(q, q)));
                        }
                        q = e + 1;
                    }
                    None => return,
                },
                "av" | "på" if disponeras => match self.recipient_at(q + 1) {
                    Some(e) => {
                        if links.recipient.is_none() {
                            links.recipient = Some(self.link(q + 1, e, self.span(q - 1, q)));
                        }
                        q = e + 1;
                    }
                    None => return,
                },
                // The source of a transfer (`230 mnkr från Polismyndigheten`) is no recipient.
                "från" => match self.recipient_at(q + 1) {
                    Some(e) if self.is_cap(q + 1) => q = e + 1,
                    _ => return,
                },
                // `de 18 miljoner kronor som kommunen fått`: the subject of a receiving verb in
                // the relative clause.
                "som"
                    if self.recipient_at(q + 1).is_some_and(|e| {
                        RECEIVE.contains(&self.word(e + 1).as_str())
                            || (matches!(self.word(e + 1).as_str(), "har" | "hade")
                                && RECEIVE.contains(&self.word(e + 2).as_str()))
                    }) =>
                {
                    if let Some(e) = self.recipient_at(q + 1)
                        && links.recipient.is_none()
                    {
                        let v = if RECEIVE.contains(&self.word(e + 1).as_str()) {
                            e + 1
                        } else {
                            e + 2
                        };
                        links.recipient = Some(self.link(q + 1, e, self.span(v, v)));
                    }
                    return;
                }
                // `100 000 kronor … som kompensation för uteblivna hyresintäkter`: what the money
                // makes good is what it is for, when the phrase closes the clause (`för
                // merkostnader under pandemin` would be cut short at `under`).
                "som"
                    if matches!(self.word(q + 1).as_str(), "kompensation" | "ersättning")
                        && self.word(q + 2) == "för" =>
                {
                    match self.purpose_at(q + 3) {
                        Some(e) => {
                            if links.purpose.is_none() && self.closes_clause(e + 1) {
                                links.purpose = Some(self.link(q + 3, e, self.span(q, q + 2)));
                            }
                            q = e + 1;
                        }
                        None => return,
                    }
                }
                "som" if self.word(q + 1) == "tillfaller" => match self.recipient_at(q + 2) {
                    Some(e) => {
                        if links.recipient.is_none() {
                            links.recipient = Some(self.link(q + 2, e, self.span(q + 1, q + 1)));
                        }
                        q = e + 1;
                    }
                    None => return,
                },
                // `fördelas mellan regionerna`: among whom it is shared.
                "mellan"
                    if q > p + 1
                        && (self.word(q - 1).starts_with("fördela")
                            || matches!(self.word(q - 1).as_str(), "delas" | "delades")) =>
                {
                    match self.recipient_at(q + 1) {
                        Some(e) => {
                            if links.recipient.is_none() {
                                links.recipient = Some(self.link(q + 1, e, self.span(q - 1, q)));
                            }
                            q = e + 1;
                        }
                        None => return,
                    }
                }
                // `5 mkr tillförs Region Skåne`: a verb whose object receives it.
                "tillförs" | "tilldelas" | "tillfaller"
                    if let Some(e) = self
                        .recipient_at(q + 1)
                        .filter(|&e| self.names_body(q + 1, e)) =>
                {
                    if links.recipient.is_none() {
                        links.recipient = Some(self.link(q + 1, e, self.span(q, q)));
                    }
                    q = e + 1;
                }
                // `… och betalas ut till Region Gotland`: a passive verb joined to the amount's
                // clause says where its money goes, as one in a relative clause on the money
                // does (`en miljard kronor som betalas ut till kommunerna`).
                "och" | "som"
                    if self.is_lower_word(q + 1)
                        && self.word(q + 1).ends_with("as")
                        && let Some(t) = (q + 2..q + 4).find(|&t| {
                            self.word(t) == "till" && (t == q + 2 || self.word(q + 2) == "ut")
                        })
                        && let Some(e) = self.recipient_at(t + 1) =>
                {
                    if links.recipient.is_none() {
                        links.recipient = Some(self.link(t + 1, e, self.span(q + 1, t)));
                    }
                    q = e + 1;
                }
                // `5 mkr avser lönekostnader`: what it is for (a year after `avser` is its
                // period, read above).
                "avser" => match self.purpose_at(q + 1) {
                    Some(e) => {
                        let kind_only = e == q + 1 && is_money_kind(&self.word(e));
                        if links.purpose.is_none() && !kind_only {
                            links.purpose = Some(self.link(q + 1, e, self.span(q, q)));
                        }
                        q = e + 1;
                    }
                    None => return,
                },
                // `i form av rådgivning`: what the money buys; a kind of money after it (`i form
                // av statsbidrag`) only says what the money is, and the chain goes on.
                "i" if self.word(q + 1) == "form" && self.word(q + 2) == "av" => {
                    match self.purpose_at(q + 3) {
                        Some(e) => {
                            if links.purpose.is_none() && !is_money_kind(&self.word(e)) {
                                links.purpose = Some(self.link(q + 3, e, self.span(q, q + 2)));
                            }
                            q = e + 1;
                        }
                        None => return,
                    }
                }
                "per" | "år" | "årligen" | "kronor" => q += 1,
                // An auxiliary before the verb (`25 000 kronor ska användas till …`).
                // … or a perfect's (`80 miljoner kronor har fördelats till …`).
                "ska" | "skall" | "kan" | "har" | "hade"
                    if fillers < 3 && self.is_lower_word(q + 1) =>
                {
                    fillers += 1;
                    filler = Some(q);
                    q += 1;
                }
                _ if STOPS.contains(&w.as_str()) || fillers >= 3 || !self.is_lower_word(q) => {
                    return;
                }
                _ => {
                    // A verb or adverb between the amount and its phrases (`avsätts`, `ska`).
                    disponeras = AGENT.contains(&w.as_str());
                    staked |= is_stake_verb(&w);
                    paid_out |= pays_out(&w);
                    fillers += 1;
                    filler = Some(q);
                    q += 1;
                }
            }
        }
    }

    /// What the sentence says before the amount at token `p`: a receiving subject, `Till X …`,
    /// and a period.
    fn before(&self, start: usize, p: usize, links: &mut AmountLinks) {
        if links.recipient.is_none() {
            links.recipient = self
                .subject(start, p)
                .or_else(|| self.share_of(start, p))
                .or_else(|| self.grant_to(start, p));
        }
        if links.purpose.is_none() {
            links.purpose = self
                .support_for(start, p)
                .or_else(|| self.fronted_aim(start, p));
        }
        if links.recipient.is_none() || links.purpose.is_none() {
            let (r, u) = self.money_subject(start, p);
            if links.recipient.is_none() {
                links.recipient = r;
            }
            if links.purpose.is_none() {
                links.purpose = u;
            }
        }
        if links.period.is_none() {
            // The nearest cued time before the amount in its sentence.
            let mut q = start;
            while q < p {
                // `… och från och med 2021 beräknas bidraget uppgå till …`: an open start says
                // from when, not for which years, and a time before it dates an earlier clause.
                if let Some(e) = self.open_start_at(q) {
                    links.period = None;
                    q = e + 1;
                    continue;
                }
                // A comparison, a clause of time or a relative clause set off by a comma has its
                // own time: `I mars uppgick utgifterna till 72,9 miljarder kronor, vilket är 2,4
                // miljarder lägre än beräknat` (a comparison of what came before), `… fattade
                // beslut om i april 2016 och som först betalades ut förra året då 1,85 miljarder
                // kronor beviljades`, `… för perioden oktober-december 2020, som därmed ökas från
                // 150 till 300 miljoner kronor`. A time before it dates the clause it ends, not
                // the clause's figure. A `som` without a comma defines its noun inside the
                // clause and ends nothing (`För 2018 ökar stödet som fördelas av … med 19
                // miljoner`).
                let comma_som = self.word(q) == "som"
                    && q > start
                    && self.toks[q - 1].kind() == Kind::Punct(',');
                if comma_som || matches!(self.word(q).as_str(), "vilket" | "då" | "när") {
                    links.period = None;
                }
                if let Some((l, e)) = self
                    .cued_time_at(q)
                    .or_else(|| self.fronted_time_at(start, q))
                {
                    // A time right after another amount is that amount's (`100 miljoner kronor
                    // för 2022, från 212 …`).
                    let owned = q > start
                        && matches!(self.toks[q - 1].kind(), Kind::Amount(_))
                        && q - 1 != p;
                    let document = q > start
                        && self.word(q) == "för"
                        && is_budget_document(&self.word(q - 1))
                        && !self.dates_by_document(start, q - 1, e, p);
                    if !owned && !document {
                        links.period = Some(l);
                    }
                    q = e + 1;
                } else {
                    q += 1;
                }
            }
        }
    }

    /// Whether a budget document's year (`budgetpropositionen för 2018`, the document's noun at
    /// token `d`, its year ending at `e`) dates the amount at token `p` later in the sentence
    /// that starts at `start`. The year names the document; it is the money's budget year only
    /// when the document is how the amount's clause comes about (`Genom budgetpropositionen för
    /// 2018 höjs anslaget med …`, `I vårändringsbudgeten för 2020 får …`): after a
    /// preposition, and with no other amount before `p` to take it (`… 10 miljarder kronor
    /// …, utöver höjningen på 12,5 miljarder` ) nor one right before the document (`5
    /// miljarder kronor i höständringsbudgeten för 2020 uppgår summan till …`). As a clause's
    /// subject (`Regeringens budgetproposition för 2021 innebar … en miljard kronor`) it only
    /// names the document.
    fn dates_by_document(&self, start: usize, d: usize, e: usize, p: usize) -> bool {
        // The preposition before the noun, past at most two words that qualify it
        // (`regeringens åttonde extra ändringsbudget`).
        let Some(a) = (start.max(d.saturating_sub(3))..d).rev().find(|&a| {
            let w = self.word(a);
            !self.toks[a].is_word()
                || (STOPS.contains(&w.as_str()) && !matches!(w.as_str(), "den" | "det" | "de"))
        }) else {
            return false;
        };
        let adverbial = matches!(self.word(a).as_str(), "i" | "genom" | "enligt" | "via");
        let after_amount = a > 0 && matches!(self.toks[a - 1].kind(), Kind::Amount(_));
        let between = (e + 1..p).any(|q| matches!(self.toks[q].kind(), Kind::Amount(_)));
        adverbial && !after_amount && !between
    }

    /// An aim fronted before its verb (`För att stärka äldreomsorgen avsätts 50 miljoner`, `För
    /// att korta köerna tillförs regionerna 300 miljoner`): the words after `För att` up to the
    /// verb right before the amount, or before the recipient right before it. Swedish puts the
    /// finite verb second, so the fronted phrase ends where it stands. The verb must give money:
    /// a passive (`avsätts`, `tillförs`) or an active giving verb; with a subject between it and
    /// the amount (`tillskjuter nu regeringen 105 mnkr`) nothing is read.
    fn fronted_aim(&self, start: usize, p: usize) -> Option<Link> {
        if self.word(start) != "för" || self.word(start + 1) != "att" {
            return None;
        }
        let from = start + 2;
        let gives = |k: usize| {
            let w = self.word(k);
            self.is_lower_word(k)
                && ((w.ends_with('s') && w.chars().count() > 3)
                    || matches!(
                        w.as_str(),
                        "får" | "ger" | "avsätter" | "satsar" | "tillför" | "anslår" | "fördelar"
                    ))
        };
        let verb = (from + 1..p)
            .find(|&k| gives(k) && (k + 1 == p || self.recipient_at(k + 1) == Some(p - 1)))
            .filter(|&v| v - from <= 12)?;
        (from..verb)
            .all(|k| self.toks[k].is_word())
            .then(|| self.link(from, verb - 1, self.span(start, start + 1)))
    }

    /// `för Borås del … AMOUNT`: the share of the one named, within four words before the amount.
    fn share_of(&self, start: usize, p: usize) -> Option<Link> {
        let t = (start..p).rev().take(8).find(|&t| self.word(t) == "för")?;
        let e = self.recipient_at(t + 1)?;
        // A genitive name takes the noun after it (`Borås del`): give `del` back.
        let (e, del) = if self.word(e) == "del" && e > t + 1 {
            (e - 1, e)
        } else {
            (e, e + 1)
        };
        (self.word(del) == "del" && p - del <= 4 && (del + 1..p).all(|q| self.is_lower_word(q)))
            .then(|| {
                self.link(
                    t + 1,
                    e,
                    Span {
                        start: self.toks[t].start(),
                        end: self.toks[del].end(),
                    },
                )
            })
    }

    /// `stöd till idrotten på AMOUNT`: a support's `till` phrase that is no recipient is what
    /// the amount after `på` is for.
    fn support_for(&self, start: usize, p: usize) -> Option<Link> {
        // `stöd till X på AMOUNT`, `Stödet till X är AMOUNT`.
        if p < start + 3 || !matches!(self.word(p - 1).as_str(), "på" | "är" | "blir") {
            return None;
        }
        let t = (start..p - 1)
            .rev()
            .take(8)
            .find(|&t| self.word(t) == "till")?;
        let head = self.word(t.checked_sub(1)?);
        if !is_money_kind(&head) || self.recipient_at(t + 1).is_some() {
            return None;
        }
        let e = self.purpose_at(t + 1)?;
        (e + 2 == p).then(|| self.link(t + 1, e, self.span(t, t)))
    }

    /// `bidrag till 651 huvudmän om totalt AMOUNT`, `en utbetalning till Region Skåne på AMOUNT`:
    /// a kind of money whose `till` phrase names a body and runs right up to the `på`/`om` of the
    /// amount. Its sibling [`Doc::support_for`] reads the same shape with a purpose after `till`.
    fn grant_to(&self, start: usize, p: usize) -> Option<Link> {
        let mut q = p.checked_sub(1)?;
        if matches!(self.word(q).as_str(), "totalt" | "sammanlagt") {
            q = q.checked_sub(1)?;
        }
        if q < start + 3 || !matches!(self.word(q).as_str(), "på" | "om") {
            return None;
        }
        let t = (start..q).rev().take(8).find(|&t| self.word(t) == "till")?;
        if !is_money_kind(&self.word(t.checked_sub(1)?)) {
            return None;
        }
        let e = self.recipient_at(t + 1)?;
        (e + 1 == q).then(|| self.link(t + 1, e, self.span(t, t)))
    }

    /// A list item or labelled line `Förskolenämnden: 4 miljoner kronor`, `Bjurholms kommun,
    /// 103,7 miljoner kronor`: an organisation, then `:` or `,`, then the amount.
    /// A line that is only an organisation and its amount (`Hembygdsföreningen 12 500 kr`), as
    /// lists of grants print them, is read the same way.
    fn item_label(&self, p: usize) -> Option<Link> {
        let sep = p.checked_sub(1)?;
        let separated = matches!(self.toks[sep].kind(), Kind::Punct(':' | ','));
        let alone = self
            .toks
            .get(p + 1)
            .is_none_or(|t| t.kind() == Kind::Newline);
        if !separated && !alone {
            return None;
        }
        let name_end = if separated { sep } else { p };
        let mut s = (0..p)
            .rev()
            .find(|&q| self.toks[q].kind() == Kind::Newline)
            .map_or(0, |q| q + 1);
        while s < p
            && matches!(
                self.toks[s].kind(),
                Kind::Punct('•' | '-' | '–' | '*' | '·')
            )
        {
            s += 1;
        }
        // An organisation number before the name (`802002-8711 Ystads Konstförening 30 000 kr`,
        // as grant lists print them) is no part of it.
        if s < p && is_org_number(self.chars.str(self.toks[s].start(), self.toks[p].start())) {
            let past = self.toks[s].start() + 11;
            while s < p && self.toks[s].start() < past {
                s += 1;
            }
        }
        let e = self.recipient_at(s)?;
        let words = self.text(self.toks[s].start(), self.toks[e].end());
        let cue = if separated {
            self.span(sep, sep)
        } else {
            self.span(s, e)
        };
        (e + 1 == name_end && (org_like(&words) || is_recipient_noun(&words.to_lowercase())))
            .then(|| self.link(s, e, cue))
    }

    /// `Socialstyrelsen får (fördela) AMOUNT`, `Till regionerna avsätts AMOUNT`.
    fn subject(&self, start: usize, p: usize) -> Option<Link> {
        // `Till regionerna avsätts …`, `att till regionerna betala ut …`: `till` and a recipient,
        // then only verbs up to the amount.
        for t in (start..p).rev().take(6) {
            if self.word(t) != "till" {
                continue;
            }
            if let Some(e) = self.recipient_at(t + 1)
                && e < p
                && (p - e <= 4 || (t == start && p - e <= 5))
                && (e + 1..p).all(|q| {
                    // `beloppet till regionerna på 944 miljoner kronor`; after an opening `Till
                    // X` the verb's own preposition too (`Till kommunerna lämnas ett bidrag om
                    // …`), never after a noun (`resan till X ökade med …`).
                    let w = self.word(q);
                    let own = w == "på" || (t == start && matches!(w.as_str(), "om" | "med"));
                    self.is_lower_word(q) && (!STOPS.contains(&w.as_str()) || (own && q + 1 == p))
                })
            {
                return Some(self.link(t + 1, e, self.span(t, t)));
            }
        }
        // Inverted order after an adverbial (`Under 2020 får Sametinget 2 miljoner`): the
        // verb, then the recipient, then the amount, after at most an infinitive and its own
        // preposition (`får Sveriges skolor dela på 4,9 miljarder`).
        for v in start + 1..p {
            // … as one that has it to distribute (`Inledningsvis hade Socialstyrelsen 5
            // miljarder kronor att fördela`).
            let has = matches!(self.word(v).as_str(), "har" | "hade") && self.to_dispose(p);
            if (RECEIVE.contains(&self.word(v).as_str()) || has)
                && let Some(e) = self.recipient_at(v + 1)
                && e < p
                && p - e <= 3
                && (e + 1..p).all(|q| {
                    let w = self.word(q);
                    self.is_lower_word(q)
                        && (!STOPS.contains(&w.as_str())
                            || (matches!(w.as_str(), "på" | "om") && q + 1 == p && q > e + 1))
                })
            {
                return Some(self.link(v + 1, e, self.span(v, v)));
            }
        }
        // An active giving verb's indirect object, right before the amount (`Regeringen ger
        // Boverket 40 miljoner kronor`, `att bevilja Föreningen Stadsteatern 350 000 kronor`).
        // The money may be named between them, by its kind and the preposition that states the
        // sum (`bevilja Skånes Ryttarförening ett bidrag om 80 000 kronor`, `beviljar X stöd
        // med …`).
        for v in start..p.saturating_sub(1) {
            if GIVE.contains(&self.word(v).as_str())
                && let Some(e) = self.recipient_at(v + 1)
                && (e + 1 == p || self.names_the_money(e + 1, p))
            {
                return Some(self.link(v + 1, e, self.span(v, v)));
            }
        }
        if let Some(l) = self.subject_after_lead(start, p) {
            return Some(l);
        }
        // A sentence adverb before the subject is not part of it (`Även länsstyrelserna får …`).
        let start = if SENTENCE_ADVERBS.contains(&self.word(start).as_str()) {
            start + 1
        } else {
            start
        };
        let start = self.described_name(start).unwrap_or(start);
        let e = self.recipient_at(start)?;
        // An authority named for its task (`Delegationen mot segregation har fördelat …`): its
        // lower-case words run on to the first verb.
        let e = (e + 2..p.min(e + 7))
            .find(|&k| {
                let w = self.word(k);
                SUBJECT_LEADS.contains(&w.as_str())
                    || RECEIVE.contains(&w.as_str())
                    || DISPOSE.contains(&w.as_str())
            })
            .map_or(e, |k| self.named_for(start, e, k - 1));
        let c = self.past_insertion(e, p);
        if self.tasked_to_dispose(c, p) {
            return Some(self.link(start, e, self.span(p - 2, p - 1)));
        }
        // The verb, after at most two auxiliaries (`har`, `ska`, `kommer att`); a subject that
        // distributes the money disposes of it (`Trafikverket fördelar 825 miljoner`), as one
        // that has it to distribute (`Socialstyrelsen har 5 miljarder att fördela`) or sets it
        // aside (`Tillväxtverket ska avsätta …`) does.
        let v = (c + 1..p.min(c + 5)).find(|&q| {
            let w = self.word(q);
            RECEIVE.contains(&w.as_str())
                || DISPOSE.contains(&w.as_str())
                || (COMPENSATED.contains(&w.as_str()) && self.names_body(start, e))
                || (w == SET_ASIDE
                    && matches!(self.word(q - 1).as_str(), "ska" | "skall")
                    && self.names_authority_at(start, e))
                || (matches!(w.as_str(), "har" | "hade") && q + 1 == p && self.to_dispose(p))
        })?;
        let words = (c + 1..p).all(|q| self.is_lower_word(q));
        (words && p - v <= 4).then(|| self.link(start, e, self.span(v, v)))
    }

    /// Whether tokens `s..=e` are an authority's name (`Delegationen mot segregation`).
    fn names_authority_at(&self, s: usize, e: usize) -> bool {
        names_authority(&self.text(self.toks[s].start(), self.toks[e].end()))
    }

    /// Whether the amount at token `p` is followed by `att` and a verb of distributing it (`har
    /// 5 miljarder kronor att fördela`): the one who has it disposes of it.
    fn to_dispose(&self, p: usize) -> bool {
        self.word(p + 1) == "att" && DISPOSE.contains(&self.word(p + 2).as_str())
    }

    /// Whether a subject ending at token `c` was given the task of distributing the amount at
    /// token `p` (`Delegationen mot segregation hade under 2021 i uppdrag att fördela 85
    /// miljoner`): its verb (`har`, `hade`, `fick`, `har fått`), at most a time, then `i uppdrag
    /// att` and a verb of distributing right before the amount. Who is tasked disposes of it.
    fn tasked_to_dispose(&self, c: usize, p: usize) -> bool {
        if p < c + 6
            || !DISPOSE.contains(&self.word(p - 1).as_str())
            || self.word(p - 2) != "att"
            || self.word(p - 3) != "uppdrag"
            || self.word(p - 4) != "i"
        {
            return false;
        }
        let i = p - 4;
        let mut q = c + 1;
        if !matches!(self.word(q).as_str(), "har" | "hade" | "fick" | "får") {
            return false;
        }
        q += 1;
        if self.word(q) == "fått" {
            q += 1;
        }
        // A time between the verb and the task (`hade under 2021 i uppdrag …`).
        if q < i
            && let Some((_, e)) = self.cued_time_at(q)
        {
            q = e + 1;
        }
        q == i
    }

    /// Where a relative clause or an apposition set off by commas after a subject ending at
    /// token `e` ends (`IOGT-NTO, som bland annat äger fastigheten, beviljas …`, `Föreningen
    /// X, med säte i Y, får …`, `X, en ideell förening, tilldelas …`): its closing comma,
    /// before the amount at `p`. It says more about the subject, and the verb follows it.
    /// Otherwise `e`. Only words between the commas: a list (`X, Y och Z får …`) opens with no
    /// such word, and a figure or a time inside would be a clause of its own.
    fn past_insertion(&self, e: usize, p: usize) -> usize {
        let comma = |q: usize| {
            self.toks
                .get(q)
                .is_some_and(|t| t.kind() == Kind::Punct(','))
        };
        if !comma(e + 1)
            || !matches!(
                self.word(e + 2).as_str(),
                "som" | "vars" | "med" | "en" | "ett" | "i" | "från" | "inom"
            )
        {
            return e;
        }
        (e + 3..p.min(e + 24))
            .take_while(|&q| comma(q) || self.toks[q].is_word())
            .find(|&q| comma(q))
            .unwrap_or(e)
    }

    /// Whether the tokens `q..p` before an amount name its kind and the preposition that
    /// states its sum: an optional article, a money noun (`stöd`, `ett bidrag`,
    /// `verksamhetsbidrag`), then `om`, `med` or `på`.
    fn names_the_money(&self, q: usize, p: usize) -> bool {
        let q = if matches!(self.word(q).as_str(), "ett" | "en") {
            q + 1
        } else {
            q
        };
        q + 2 == p
            && self.is_lower_word(q)
            && is_money_kind(&self.word(q))
            && matches!(self.word(q + 1).as_str(), "om" | "med" | "på")
    }

    /// Whether tokens `s..=e` name a body that can be paid: an organisation by its form, a
    /// recipient noun, or an acronym (`SKR`, `MSB`).
    fn names_body(&self, s: usize, e: usize) -> bool {
        let words = self.text(self.toks[s].start(), self.toks[e].end());
        let acronym = s == e
            && words.chars().count() >= 2
            && words.chars().all(|c| c.is_uppercase() || c == '-');
        org_like(&words) || is_recipient_noun(&self.word(e)) || acronym
    }

    /// Whether the words between a receiving verb at `v` and the amount at `p` are the verb's own
    /// (`beviljas ett bidrag om`, `ersättas med`): at most three lower-case words, a preposition
    /// only right before the amount.
    fn to_amount(&self, v: usize, p: usize) -> bool {
        v < p
            && p - v <= 4
            && (v + 1..p).all(|q| {
                let w = self.word(q);
                self.is_lower_word(q)
                    && (!STOPS.contains(&w.as_str())
                        || (matches!(w.as_str(), "med" | "om" | "på") && q + 1 == p))
            })
    }

    /// A subject after a fronted adverbial's finite verb or after `att` (`Enligt förslaget ska
    /// Region X ersättas med 4,3 mkr`, `… att Länsstyrelsen tilldelas 5 mkr`): a body, then its
    /// receiving verb (after at most one auxiliary), then the amount.
    fn subject_after_lead(&self, start: usize, p: usize) -> Option<Link> {
        for a in start..p {
            if !SUBJECT_LEADS.contains(&self.word(a).as_str()) {
                continue;
            }
            let s = self.described_name(a + 1).unwrap_or(a + 1);
            let Some(e) = self.recipient_at(s).filter(|&e| e < p) else {
                continue;
            };
            if !self.names_body(s, e) {
                continue;
            }
            let c = self.past_insertion(e, p);
            let aux = matches!(
                self.word(c + 1).as_str(),
                "ska" | "skall" | "har" | "kan" | "bör"
            );
            let v = if aux { c + 2 } else { c + 1 };
            let w = self.word(v);
            let receives = RECEIVE.contains(&w.as_str())
                || COMPENSATED.contains(&w.as_str())
                || DISPOSE.contains(&w.as_str());
            if receives && self.to_amount(v, p) {
                return Some(self.link(s, e, self.span(v, v)));
            }
        }
        None
    }

    /// The name after a description of it that opens at token `q` (`den ideella föreningen
    /// IOGT-NTO`, `det kommunala bolaget Sundsvall Energi`): `den`/`det`, one to three
    /// lower-case words (no preposition), then a capitalised word, where the name starts. The
    /// description says what kind of body it is; the name is who.
    fn described_name(&self, q: usize) -> Option<usize> {
        if !matches!(self.word(q).as_str(), "den" | "det") {
            return None;
        }
        // No preposition: `det ideella arbetet i Kommunen` describes no name.
        let t = (q + 1..q + 5)
            .find(|&t| !self.is_lower_word(t) || STOPS.contains(&self.word(t).as_str()))?;
        (t > q + 1 && self.is_cap(t)).then_some(t)
    }

    /// A money noun's `till`/`för` phrase that is the subject of the amount's predicate
    /// (`Bidraget till kommunerna uppgår till AMOUNT`, `ersättningen till Region X minskar med
    /// AMOUNT`, `Anslaget för bredband beräknas uppgå till AMOUNT`): the recipient, or what the
    /// money is for. Returns `(recipient, purpose)`, at most one of them.
    fn money_subject(&self, start: usize, p: usize) -> (Option<Link>, Option<Link>) {
        let none = (None, None);
        if p < start + 4 {
            return none;
        }
        let mut v = p - 1;
        if matches!(self.word(v).as_str(), "med" | "till" | "på" | "om") {
            v -= 1;
        }
        if !MONEY_PREDICATES.contains(&self.word(v).as_str()) {
            return self.money_subject_after_verb(start, v);
        }
        // Auxiliaries before the predicate (`beräknas uppgå`, `kommer att öka`).
        let mut h = v - 1;
        while h > start
            && matches!(
                self.word(h).as_str(),
                "ska" | "skall" | "beräknas" | "bedöms" | "kommer" | "att" | "kan" | "väntas"
            )
        {
            h -= 1;
        }
        // The outermost phrase of the subject: `stödet till Nämnden för statligt stöd till
        // trossamfund` is the board's, not the trossamfund's.
        let Some(t) = (start.max(h.saturating_sub(8)) + 1..h).find(|&t| {
            matches!(self.word(t).as_str(), "till" | "för") && is_money_kind(&self.word(t - 1))
        }) else {
            return none;
        };
        let cue = self.span(t, t);
        if let Some(e) = self
            .recipient_at(t + 1)
            .map(|e| self.named_for(t + 1, e, h))
        {
            return if e == h && self.receives(t, e) {
                (Some(self.link(t + 1, e, cue)), None)
            } else {
                none
            };
        }
        // The purpose runs up to the predicate; `purpose_at` checks that it may start here. Only
        // after `för`: `främjandestödet till företag` names receivers the lists do not know.
        match self.purpose_at(t + 1) {
            Some(e)
                if self.word(t) == "för"
                    && e >= h
                    && (t + 1..=h).all(|q| self.toks[q].is_word()) =>
            {
                (None, Some(self.link(t + 1, h, cue)))
            }
            _ => none,
        }
    }

    /// [`Doc::money_subject`] in verb-second order, the predicate before its subject after a
    /// fronted phrase (`Genom budgetpropositionen höjs anslaget för Polismyndigheten med
    /// AMOUNT`): `last` is the subject's last token. Only a recipient: a purpose's end cannot be
    /// told from the words that follow it here.
    fn money_subject_after_verb(&self, start: usize, last: usize) -> (Option<Link>, Option<Link>) {
        let none = (None, None);
        let Some(t) = (start.max(last.saturating_sub(8)) + 2..last).find(|&t| {
            matches!(self.word(t).as_str(), "till" | "för")
                && is_money_kind(&self.word(t - 1))
                && MONEY_PREDICATES.contains(&self.word(t - 2).as_str())
        }) else {
            return none;
        };
        match self
            .recipient_at(t + 1)
            .map(|e| self.named_for(t + 1, e, last))
        {
            Some(e) if e == last && self.receives(t, e) => {
                (Some(self.link(t + 1, e, self.span(t, t))), None)
            }
            _ => none,
        }
    }

    /// Whether a money noun's phrase, `till`/`för` at token `t` and a recipient reading up to
    /// `e`, names who gets the money: any `till` phrase, and `för` a body (`Anslaget för
    /// Polismyndigheten`); `för` anything else (`för kommunerna`) may be on their behalf.
    fn receives(&self, t: usize, e: usize) -> bool {
        self.word(t) == "till" || org_like(&self.text(self.toks[t + 1].start(), self.toks[e].end()))
    }

    /// Where a recipient that [`Doc::recipient_at`] read from token `p` to `e` ends when it is
    /// an authority named for its field or task (`Nämnden för statligt stöd till trossamfund`,
    /// `Myndigheten för delaktighet`, `Delegationen mot segregation`): its lower-case words run
    /// on to `last`, the end of the
    /// phrase the caller knows. Otherwise `e`.
    fn named_for(&self, p: usize, e: usize, last: usize) -> usize {
        let named = e == p
            && last > e + 1
            && matches!(self.word(e + 1).as_str(), "för" | "mot")
            && (e + 1..=last).all(|q| self.is_lower_word(q))
            && names_authority(&self.text(self.toks[p].start(), self.toks[last].end()));
        if named { last } else { e }
    }

    /// `till X:s förfogande`, `till regionernas förfogande` at token `q` (`ställs till
    /// Kammarkollegiets förfogande`): X, without its genitive, is who disposes of the money, if
    /// it names a body (`allmänhetens förfogande` names none, and is no purpose either). Returns
    /// the link and the token of `förfogande`.
    fn disposal_at(&self, q: usize) -> Option<(Option<Link>, usize)> {
        if self.word(q) != "till" {
            return None;
        }
        let k = (q + 2..q + 7).find(|&k| self.word(k) == "förfogande")?;
        if !(q + 1..k).all(|r| self.toks[r].is_word()) {
            return None;
        }
        let (s, e) = (self.toks[q + 1].start(), self.toks[k - 1].end());
        let words = self.text(s, e);
        let Some(name) = words.strip_suffix(":s").or_else(|| words.strip_suffix('s')) else {
            return Some((None, k));
        };
        let last = name.split_whitespace().last()?.to_lowercase();
        if !(org_like(name) || is_recipient_noun(&last) || name.chars().all(char::is_uppercase)) {
            return Some((None, k));
        }
        let end = s + name.chars().count();
        Some((
            Some(Link {
                text: name.to_string(),
                start: s,
                end,
                cue: Span {
                    start: self.toks[q].start(),
                    end: self.toks[k].end(),
                },
            }),
            k,
        ))
    }

    /// The `of` of the date at token `p`.
    fn date_of(&self, p: usize, role: Option<DateRole>) -> Option<Link> {
        if !matches!(
            role,
            Some(DateRole::Deadline | DateRole::Decision | DateRole::From)
        ) {
            return None;
        }
        let start = self.sentence_start(p);
        // The cue: the role words just before the date (`senast den`, `beslutade den`).
        let mut cue = p;
        while cue > start
            && matches!(
                self.word(cue - 1).as_str(),
                "den"
                    | "senast"
                    | "före"
                    | "innan"
                    | "till"
                    | "och"
                    | "med"
                    | "t.o.m"
                    | "fr.o.m"
                    | "från"
                    | "träder"
                    | "ikraft"
                    | "i"
                    | "kraft"
            )
        {
            cue -= 1;
        }
        // A decision verb stays in the event (`Regeringen beslutade`): only `den` is its cue.
        let last = cue;
        let cue_span = Span {
            start: self.toks[cue].start(),
            end: self.toks[p].start(),
        };
        let cue_span = trim(&self.chars, cue_span);
        // The clause before the cue, from the last comma or the sentence start.
        let clause_start = (start..last)
            .rev()
            .find(|&q| matches!(self.toks[q].kind(), Kind::Punct(',' | '(' | ')')))
            .map_or(start, |q| q + 1);
        if last > clause_start {
            return Some(self.link(clause_start, last - 1, cue_span));
        }
        if cue == start {
            // The date opens its sentence: the event follows.
            let mut e = p + 1;
            while e < self.toks.len()
                && !self.ends_sentence(e)
                && !matches!(self.toks[e].kind(), Kind::Punct(','))
            {
                e += 1;
            }
            if e > p + 2 {
                return Some(self.link(p + 1, e - 1, cue_span));
            }
        }
        None
    }

    /// Links of a table's cells: row labels, `Disponeras av` rows, anslagsposter, year headers.
    /// `above` is the previous table's headers and the periods they name; the column periods of
    /// this table are returned for the next one.
    fn table(
        &self,
        table: &Table,
        amounts: &[Amount],
        above: Option<&(&[String], Vec<Option<PeriodLink>>)>,
        links: &mut [AmountLinks],
    ) -> Vec<Option<PeriodLink>> {
        // Only the label column's own header says what its labels are; a caption mentions
        // regions as often as it lists them.
        // (`Till landsting/regioner` says where the whole table goes: its rows are what for.)
        let first_row = table
            .rows
            .iter()
            .flat_map(|r| r.amounts.iter().flatten())
            .map(|&i| amounts[i].start)
            .min()
            .map_or(table.end, |s| self.line_start(s));
        // A table of one column of amounts: the reader may keep its header line (`Myndighet
        // Belopp`) in the caption, so the line right above the first row is read for it.
        let line_above = self.line_above(first_row, table.start);
        let label_header = match label_header(table) {
            "" => header_line_label(&line_above),
            h => h,
        };
        // A header that names both (`Nämnd/verksamhet`) heads a column of nämnd headings over
        // their verksamheter: its rows are what for, and the heading above them says who.
        let recipients_table = names_recipients(label_header)
            && !label_header.to_lowercase().starts_with("till ")
            && !names_purposes(label_header);
        // Without such a header, a table that lists kommuner or län gives its place rows (only
        // those: `Projektledning` in it is no one) to the place.
        let places_table = lists_places(table);
        // A caption or money header that says each row is one body (`Fördelning per myndighet`,
        // `Belopp per mottagare`, `Medel till regionerna 2025`) gives the rows whose label is a
        // name (`Funktionsrätt Sverige`, `ABF`) to that name, unless the label header says the
        // labels are activities; a row naming an activity (`Politisk verksamhet`) stays no one's.
        let names_per_row = !names_purposes(label_header)
            && std::iter::once(caption_text(&table.caption))
                .chain(table.headers.iter().map(String::as_str))
                .chain(std::iter::once(line_above.as_str()))
                .any(says_row_per_body);
        let purposes_table = names_purposes(label_header);
        let disposer_column = std::iter::once(&table.label_header)
            .chain(&table.headers)
            .any(|h| h.to_lowercase().contains(DISPOSED_BY.trim_end()));
        let mut headers: Vec<Option<PeriodLink>> = table
            .headers
            .iter()
            .map(|h| self.header_period(h, table.start, first_row))
            .collect();
        // No column names a year, but the caption does (`Medel 2025 i kronor`): every cell is for
        // that year.
        if headers.iter().all(Option::is_none)
            && let Some(p) = self.caption_period(&table.caption, table.start, first_row)
        {
            headers = vec![Some(p); table.headers.len().max(1)];
        }
        // The reader gave this table the columns of the one above it (a table continued after
        // a page break whose repeated header is garbled or gone, or the next block of a grouped
        // table), but its own span writes no year: the years are those of the header above,
        // and that header is the cue a reader can check.
        if headers.iter().all(Option::is_none)
            && let Some((names, periods)) = above
            && !table.headers.is_empty()
            && *names == table.headers.as_slice()
        {
            headers.clone_from(periods);
        }
        // Two text columns or more before the money (`Sökande | Projekt | Beviljat (kr)`): the
        // reader joins them into one label, and the header line says which cell is whose.
        let columns = text_columns(&line_above, table.headers.len());
        let mut disposer: Option<Link> = None;
        // Whether a post's `Disponeras av X` line stands under it, not over the posts it heads:
        // the first anslagspost row has none before it, and the last has one after it. Such a
        // line without a figure is run into the next post's label by the reader, and X then
        // disposes of the post above.
        let disposer_line = |r: &&crate::record::TableRow| disposed_by(&r.label).is_some();
        let below = table
            .rows
            .iter()
            .find(|r| r.label.contains("ap.") || disposer_line(r))
            .is_some_and(|r| !disposer_line(&r))
            && table
                .rows
                .iter()
                .rev()
                .find(|r| r.label.contains("ap."))
                .and_then(|r| r.amounts.iter().flatten().next())
                .is_some_and(|&i| self.disposer_below(table, amounts[i].end).is_some());
        // The amounts of the last anslagspost row, while no one disposes of them.
        let mut unowned: Vec<usize> = Vec::new();
        let heads = subtotal_heads(table, amounts);
        // A block heading the reader kept as its caption's last line (`Driftbudget per nämnd
        // (mnkr)` ⏎ `Kommunstyrelse` ⏎ the verksamheter): OCR that reads a page column by
        // column sets each nämnd's labels under its heading and the figures far below, and the
        // reader opens a table per nämnd at its first label, under that caption.
        let caption_heading = self.caption_heading(table);
        // Where the previous row's label ended: the rows keep the order of their labels.
        let mut after = table.start;
        // Whether the row above a total was its own label's: then the block's heading is a
        // group of recipients (`Uppsala län` over its kommuner), and its `Summa` is no one's.
        let mut own_row = false;
        for (r, row) in table.rows.iter().enumerate() {
            let Some(&first) = row.amounts.iter().flatten().next() else {
                continue;
            };
            if !row.total {
                own_row = false;
            }
            let label = self
                .label_span(table, &row.label, amounts[first].start)
                .or_else(|| self.label_line_after(&row.label, after, amounts[first].start));
            if let Some((_, le)) = label {
                after = le;
            }
            let mut recipient = None;
            let mut purpose = None;
            let split = columns
                .as_ref()
                .zip(label)
                .filter(|_| !row.total)
                .and_then(|(c, (ls, le))| self.label_cells(c, ls, le));
            if let Some((r, p)) = split {
                recipient = r;
                purpose = p;
            } else if let Some((mut ls, le)) = label {
                let mut words = self.text(ls, le);
                // A line without a figure run into the `Disponeras av X` line under it (the
                // anslag's own line, `28:37 Forskning … (Ramanslag) Disponeras av Riksarkivet
                // 8 956 tkr`): the figure is X's, and the row is read from `Disponeras` on.
                if disposed_by(&words).is_none()
                    && let Some(k) = (ls + 1..le).find(|&k| {
                        self.chars.at(k - 1) == ' '
                            && self
                                .chars
                                .range(k, k + DISPOSED_BY.len())
                                // With the capital of a line's start: within a post's name
                                // (`ap.2 Medel som disponeras av regionerna`) it opens no line.
                                .is_some_and(|w| w.starts_with('D') && w[1..] == DISPOSED_BY[1..])
                    })
                    && !(k + 1..le).any(|j| {
                        self.chars.at(j - 1) == ' ' && anslagspost(&self.chars, j, le).is_some()
                    })
                {
                    ls = k;
                    words = self.text(ls, le);
                }
                // The reader joined a `Disponeras av X` line to the anslagspost row under it
                // (`Disponeras av Socialstyrelsen ap.3 Särskilda insatser`): X disposes of
                // that post and those after it, the rest is the post's own label.
                if let Some(rest) = disposed_by(&words) {
                    let from = ls + words.chars().count() - rest.chars().count();
                    if let Some(k) = (from + 1..le).find(|&k| {
                        self.chars.at(k - 1) == ' ' && anslagspost(&self.chars, k, le).is_some()
                    }) {
                        let mut de = k;
                        while de > from && self.chars.at(de - 1).is_whitespace() {
                            de -= 1;
                        }
                        if de > from {
                            let x = Link {
                                text: self.text(from, de),
                                start: from,
                                end: de,
                                cue: disposed_by_cue(ls),
                            };
                            if below {
                                for &i in &unowned {
                                    links[i].recipient = Some(x.clone());
                                }
                            } else {
                                disposer = Some(x);
                            }
                            ls = k;
                            words = self.text(ls, le);
                        }
                    }
                }
                // The name past a kommun or län code printed before it (`0114 Upplands Väsby`),
                // and past a speck OCR read before it (`_ Skatteverket`).
                let name = without_code(without_specks(&words));
                let ns = ls + words.chars().count() - name.chars().count();
                if let Some(rest) = disposed_by(&words) {
                    let n = words.chars().count() - rest.chars().count();
                    let cue = disposed_by_cue(ls);
                    let l = Link {
                        text: rest.trim().to_string(),
                        start: ls + n,
                        end: le,
                        cue,
                    };
                    disposer = Some(l.clone());
                    recipient = Some(l);
                } else if let Some((cs, ce, ps, mut pe)) =
                    anslagspost(&self.chars, ls, le).map(|post| {
                        // An anslag's line run into its first post's (`1:1 Bidrag till X (ram)
                        // ap.1 Bidrag till X`): the post is the row's.
                        (post.2 + 1..le)
                            .filter(|&k| {
                                self.chars.at(k - 1) == ' '
                                    && self.chars.range(k, k + 3) == Some("ap.")
                            })
                            .find_map(|k| anslagspost(&self.chars, k, le))
                            .unwrap_or(post)
                    })
                {
                    // Under a `Disponeras av` column the name ends with its disposer
                    // (`ap.4 Cancervård Socialstyrelsen`): the disposer is the recipient.
                    let own = disposer_column
                        .then(|| self.disposer_tail(ps, pe))
                        .flatten()
                        .map(|(ds, de)| {
                            pe = ds;
                            while pe > ps && self.chars.at(pe - 1).is_whitespace() {
                                pe -= 1;
                            }
                            Link {
                                text: self.text(ds, de),
                                start: ds,
                                end: de,
                                cue: Span { start: ds, end: de },
                            }
                        });
                    purpose = Some(Link {
                        text: self.text(ps, pe),
                        start: ps,
                        end: pe,
                        cue: Span { start: cs, end: ce },
                    });
                    // `Disponeras av X` on the line after the row, when the row states no
                    // disposer of its own above it.
                    // A post named by an authority alone (`ap.3 Folkhälsomyndigheten`) is that
                    // authority's money when nothing else says who disposes of it.
                    let named = purpose
                        .as_ref()
                        .filter(|p| names_authority(&p.text) && names_one_body(&p.text))
                        .cloned();
                    recipient = own
                        .or_else(|| self.disposer_below(table, amounts[first].end))
                        .or_else(|| disposer.clone())
                        .or(named);
                } else if !row.total
                    && ((recipients_table && !is_budget_line(name))
                        || names_organisation(name)
                        || names_authority(name)
                        || (places_table && is_place(name))
                        || (names_per_row && is_name(name) && !is_budget_line(name)))
                {
                    recipient = Some(Link {
                        text: name.to_string(),
                        start: ns,
                        end: le,
                        cue: Span { start: ns, end: le },
                    });
                    own_row = true;
                } else if let Some((hs, he)) = self
                    .block_heading(table, ls, row.total)
                    .filter(|&(hs, he)| org_like(&self.text(hs, he)))
                    .or_else(|| {
                        let h = &table.rows[heads[r]?];
                        let &first = h.amounts.iter().flatten().next()?;
                        let (hs, he) = self.label_span(table, &h.label, amounts[first].start)?;
                        let name = without_code(without_specks(&self.text(hs, he))).to_string();
                        Some((he - name.chars().count(), he))
                    })
                    .or(caption_heading)
                    && (!row.total
                        || (!own_row
                            && (!words.trim().contains(' ')
                                || sums_up(&words, &self.text(hs, he)))))
                {
                    // A block under an organisation's heading (`Familjenämnd` / `Gymnasieskola
                    // 105,0 …`): the heading gets the money, the row says what for; a bare
                    // `Summa` row is the block's whole.
                    recipient = Some(Link {
                        text: self.text(hs, he),
                        start: hs,
                        end: he,
                        cue: Span { start: hs, end: he },
                    });
                    if !row.total && !is_accounting_line(&words) {
                        purpose = Some(Link {
                            text: words,
                            start: ls,
                            end: le,
                            cue: Span { start: hs, end: he },
                        });
                    }
                } else if !row.total && purposes_table && !is_accounting_line(&words) {
                    // Under a label column headed `Verksamhet`, `Ändamål`, `Insats`: each row
                    // says what its money is for.
                    purpose = Some(Link {
                        text: words,
                        start: ls,
                        end: le,
                        cue: Span { start: ls, end: le },
                    });
                }
            }
            unowned.clear();
            if recipient.is_none()
                && anslagspost(
                    &self.chars,
                    label.map_or(0, |l| l.0),
                    label.map_or(0, |l| l.1),
                )
                .is_some()
            {
                unowned.extend(row.amounts.iter().flatten());
            }
            for &i in row.amounts.iter().flatten() {
                let Some(cell) = &amounts[i].cell else {
                    continue;
                };
                let l = &mut links[i];
                l.recipient = recipient.clone();
                l.purpose = purpose.clone();
                l.period = headers.get(cell.column).cloned().flatten();
            }
        }
        headers
    }

    /// The recipient and purpose cells of a row label in `chars[ls..le]` that joins the text
    /// columns `columns` describes, or `None` when the label does not split into as many cells.
    fn label_cells(
        &self,
        columns: &TextColumns,
        ls: usize,
        le: usize,
    ) -> Option<(Option<Link>, Option<Link>)> {
        let words = self.text(ls, le);
        let cells = cells(&words);
        if cells.len() != columns.count {
            return None;
        }
        let link = |k: Option<usize>| {
            let (b, cell) = cells[k?];
            let start = ls + words[..b].chars().count();
            let end = start + cell.chars().count();
            Some(Link {
                text: cell.to_string(),
                start,
                end,
                cue: Span { start, end },
            })
        };
        Some((link(columns.recipient), link(columns.purpose)))
    }

    /// The organisation that ends an anslagspost's name in `chars[start..end]` (`Cancervård
    /// Socialstyrelsen`, `Kultur Statens kulturråd`), after at least one word of the name: its
    /// span, the longest such tail.
    fn disposer_tail(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        (start + 1..end)
            .filter(|&k| self.chars.at(k - 1) == ' ' && self.chars.at(k).is_uppercase())
            .find(|&k| {
                let tail = self.text(k, end);
                names_authority(&tail) || org_like(&tail)
            })
            .map(|k| (k, end))
    }

    /// A `Disponeras av X` line right after the line that holds `at` (blank lines skipped), when
    /// it is no row of `table` with figures of its own: such a line states what X disposes of
    /// and heads the posts under it, even where OCR set its figure on the next line
    /// (`Disponeras av Regeringskansliet` ⏎ `9 704 486`).
    fn disposer_below(&self, table: &Table, at: usize) -> Option<Link> {
        let mut ls = self.chars.find_newline(at)? + 1;
        while self.chars.get(ls).is_some_and(|c| LINE_ENDS.contains(&c)) {
            ls += 1;
        }
        let le = self.chars.find_newline(ls).unwrap_or(self.chars.len());
        let line = self.text(ls, le);
        let rest = disposed_by(line.trim_end())?;
        if table
            .rows
            .iter()
            .any(|r| r.label.trim() == line.trim() && r.amounts.iter().flatten().next().is_some())
        {
            return None;
        }
        let n = line.chars().count() - line.trim_end().chars().count();
        let start = le - n - rest.chars().count();
        (!rest.is_empty() && !rest.chars().any(|c| c.is_ascii_digit())).then(|| Link {
            text: rest.to_string(),
            start,
            end: le - n,
            cue: disposed_by_cue(ls),
        })
    }

    /// The last line with words before `row_start` and not before `table_start`, or `""`.
    fn line_above(&self, row_start: usize, table_start: usize) -> String {
        self.line_span_above(row_start, table_start)
            .map_or_else(String::new, |(start, end)| self.text(start, end))
    }

    /// The span of the last line with words before `at`, cut at `floor` (its trailing white
    /// space left out, its leading kept), or `None` when only white space lies between them.
    fn line_span_above(&self, at: usize, floor: usize) -> Option<(usize, usize)> {
        let mut end = at;
        while end > floor && self.chars.at(end - 1).is_whitespace() {
            end -= 1;
        }
        (end > floor).then(|| (self.line_start(end - 1).max(floor), end))
    }

    /// The one year a table's caption names, found in the text before its first row.
    fn caption_period(
        &self,
        caption: &str,
        table_start: usize,
        first_row: usize,
    ) -> Option<PeriodLink> {
        // A caption's own number (`Tabell 2.`, `Bilaga 3:`) is no year and no other figure.
        let caption = caption_text(caption);
        let years: Vec<&str> = caption
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .collect();
        let [year] = years.as_slice() else {
            return None;
        };
        if caption.chars().filter(char::is_ascii_digit).count() != 4 {
            return None;
        }
        // A sentence the reader gathered into the caption (`Regeringen beslutar att följande
        // ska gälla under budgetåret 2024 för nedan angivna anslag.`) states the year of the
        // whole document, which is not spread over its amounts; a title is a few words.
        let sentence = caption
            .split(". ")
            .find(|s| s.contains(year))
            .unwrap_or(caption);
        if sentence.split_whitespace().count() > TITLE_WORDS {
            return None;
        }
        let y: u16 = year.parse().ok()?;
        let from = table_start.saturating_sub(caption.chars().count() + 40);
        let at = (from..first_row.saturating_sub(3))
            .rev()
            .find(|&k| self.chars.range(k, k + 4) == Some(year))?;
        year_link(
            year.to_string(),
            at,
            at + 4,
            y,
            Span {
                start: at,
                end: at + 4,
            },
        )
    }

    /// An amount alone on its line (or after a field name, `Beviljat belopp: 400 000 kr`) under a
    /// line that names an organisation (`Socialnämnden`, `Sökande: Sandvikens kommun`), past
    /// blank lines and lines of other amounts: a table exported one cell per line, or a form.
    fn line_label(&self, a: &Amount) -> Option<Link> {
        let ls = self.line_start(a.start);
        let before = self.text(ls, a.start);
        let before = before.trim();
        let field = before.ends_with(':');
        if !before.is_empty() && !field {
            return None;
        }
        let mut end = ls;
        for _ in 0..6 {
            if end == 0 {
                return None;
            }
            let le = end - 1;
            let start = self.line_start(le);
            end = start;
            let line = self.text(start, le);
            let t = line.trim();
            let lead = line.chars().count() - line.trim_start().chars().count();
            if t.is_empty() || t == "-" || t.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
                continue;
            }
            if let Some((name, value)) = t.split_once(':') {
                let key = name.trim().to_lowercase();
                if !matches!(key.as_str(), "sökande" | "mottagare" | "stödmottagare") {
                    return None;
                }
                let v = value.trim();
                let vs = start + lead + t.chars().count() - value.chars().count()
                    + (value.chars().count() - value.trim_start().chars().count());
                return (!v.is_empty()).then(|| Link {
                    text: v.to_string(),
                    start: vs,
                    end: vs + v.chars().count(),
                    cue: Span {
                        start: start + lead,
                        end: start + lead + name.chars().count() + 1,
                    },
                });
            }
            let words = t.split_whitespace().count();
            let org = names_organisation(t) || is_recipient_noun(&t.to_lowercase());
            if field || !org || words > 6 || t.ends_with('.') {
                return None;
            }
            let s = start + lead;
            return Some(Link {
                text: t.to_string(),
                start: s,
                end: s + t.chars().count(),
                cue: Span {
                    start: s,
                    end: s + t.chars().count(),
                },
            });
        }
        None
    }

    fn line_start(&self, at: usize) -> usize {
        self.chars.line_start(at)
    }

    /// Where a row label of `table` is: at the start of the line of its first cell, exactly as
    /// written, or on a line of its own above its cells.
    fn label_span(&self, table: &Table, label: &str, cell: usize) -> Option<(usize, usize)> {
        let mut ls = self.line_start(cell);
        while ls < cell && self.chars.at(ls).is_whitespace() {
            ls += 1;
        }
        let n = label.chars().count();
        if n == 0 {
            return None;
        }
        if self.chars.range(ls, ls + n) == Some(label) && ls + n <= cell {
            return Some((ls, ls + n));
        }
        // One cell per line: the label is on a line of its own above its cells, with only its
        // cells between. OCR that reads a page column by column repeats a verksamhet's label in
        // each nämnd's block of labels (`Politisk verksamhet`) and sets the figures below them
        // all: a copy with another row's label between it and the cell is another block's.
        let from = cell.saturating_sub(n + 200);
        let k = (from..cell.saturating_sub(n))
            .rev()
            .find(|&k| self.label_line_at(label, n, k))?;
        let labels = table
            .rows
            .iter()
            .map(|r| r.label.trim())
            .chain(table.unresolved.iter().map(|r| r.label.trim()));
        let between = self.text(k + n, cell);
        let lines: Vec<&str> = between.split(LINE_ENDS).map(str::trim).collect();
        let other = labels.filter(|l| !l.is_empty()).any(|l| lines.contains(&l));
        (!other).then_some((k, k + n))
    }

    /// Whether `label` (of `n` characters) stands at `k` on a line of its own.
    fn label_line_at(&self, label: &str, n: usize, k: usize) -> bool {
        (k == 0 || LINE_ENDS.contains(&self.chars.at(k - 1)))
            && self.chars.range(k, k + n) == Some(label)
            && self.chars.get(k + n).is_none_or(|c| LINE_ENDS.contains(&c))
    }

    /// A row label on a line of its own in `chars[from..to]`, the first such line from `from`
    /// on: OCR that reads a page column by column sets the labels far above their figures,
    /// further than [`Doc::label_span`] looks back. At most [`LABEL_LINES`] lines are read.
    fn label_line_after(&self, label: &str, from: usize, to: usize) -> Option<(usize, usize)> {
        let n = label.chars().count();
        if n == 0 {
            return None;
        }
        let mut ls = from;
        for _ in 0..LABEL_LINES {
            if ls + n > to {
                return None;
            }
            if self.label_line_at(label, n, ls) {
                return Some((ls, ls + n));
            }
            ls = self.chars.find_newline(ls)? + 1;
        }
        None
    }

    /// The block heading a table's reader kept as the last line of its caption: the line right
    /// above the table, past blank lines, when the caption ends with it and it names an
    /// organisation (`Kommunstyrelse`, `Teknisk nämnd`). Returns its span.
    fn caption_heading(&self, table: &Table) -> Option<(usize, usize)> {
        let (ls, end) = self.line_span_above(table.start, 0)?;
        let line = self.text(ls, end);
        let t = line.trim();
        let lead = line.chars().count() - line.trim_start().chars().count();
        (!t.is_empty()
            && !t.chars().any(|c| c.is_ascii_digit())
            && caption_text(&table.caption).trim_end().ends_with(t)
            && org_like(t))
        .then_some((ls + lead, ls + lead + t.chars().count()))
    }

    /// Where `needle` stands in `chars[from..to]`, any run of white space in it matching any run
    /// of white space (line breaks included) in the text.
    fn find_loose(&self, needle: &str, from: usize, to: usize) -> Option<(usize, usize)> {
        // Each part with its length in characters.
        let parts: Vec<(&str, usize)> = needle
            .split_whitespace()
            .map(|w| (w, w.chars().count()))
            .collect();
        let first = parts.first()?;
        let to = to.min(self.chars.len());
        (from..to).find_map(|s| {
            let mut c = s;
            for (i, &(part, n)) in parts.iter().enumerate() {
                if i > 0 {
                    let ws = c;
                    while c < to && self.chars.at(c).is_whitespace() {
                        c += 1;
                    }
                    if c == ws {
                        return None;
                    }
                }
                if self.chars.range(c, c + n)? != part || c + n > to {
                    return None;
                }
                c += n;
            }
            (s + first.1 <= to).then_some((s, c))
        })
    }

    /// The block heading above a row: the nearest line above its label, past blank lines and
    /// other rows of the table, that holds no digit and is no row label of the table
    /// (`Familjenämnd` over its verksamheter). Returns its span.
    fn block_heading(
        &self,
        table: &Table,
        label_start: usize,
        total: bool,
    ) -> Option<(usize, usize)> {
        let mut end = self.line_start(label_start);
        for _ in 0..60 {
            if end <= table.start || end == 0 {
                return None;
            }
            let le = end - 1;
            let ls = self.line_start(le);
            end = ls;
            let line = self.text(ls, le);
            let t = line.trim();
            // A total row's block ends at a sub-total above it: `TOTALT` is no block's.
            if total
                && ["summa", "total", "s:a"]
                    .iter()
                    .any(|w| t.to_lowercase().starts_with(w))
            {
                return None;
            }
            // A `Disponeras av X` line belongs to the post above it, and heads no block: under
            // it, a `Summa` was given to the last post's disposer.
            if t.is_empty() || t.chars().any(|c| c.is_ascii_digit()) || disposed_by(t).is_some() {
                continue;
            }
            // The column headers are no block's heading, and nothing above them is
            // (`Region Belopp` over `Jämtland Härjedalen 2 500 000`), nor is a label column's
            // header on a line of its own (`Nämnd` over `Budget 2025`, one header a line).
            if is_header_line(table, t) || (!t.contains(' ') && names_recipients(t)) {
                return None;
            }
            if table.rows.iter().any(|r| r.label.trim() == t) {
                continue;
            }
            let lead = line.chars().count() - line.trim_start().chars().count();
            return Some((ls + lead, ls + lead + t.chars().count()));
        }
        None
    }

    /// The period a column header names (`2017`, `Utfall 2019`, `2017–2018`), located between
    /// the table's start and its first row.
    fn header_period(&self, header: &str, from: usize, to: usize) -> Option<PeriodLink> {
        if header.trim().is_empty() || to <= from {
            return None;
        }
        // A header printed over two lines (`Bokslut` / `2023`) is joined with a space.
        let (at, end) = self.find_loose(header, from, to)?;
        let hs: Vec<char> = self.chars.str(at, end).chars().collect();
        let cue = Span { start: at, end };
        let years: Vec<(usize, u16)> = (0..hs.len().saturating_sub(3))
            .filter(|&k| {
                hs[k..k + 4].iter().all(char::is_ascii_digit)
                    && (k == 0 || !hs[k - 1].is_alphanumeric())
                    && hs.get(k + 4).is_none_or(|c| !c.is_alphanumeric())
            })
            .filter_map(|k| {
                let y: u16 = hs[k..k + 4].iter().collect::<String>().parse().ok()?;
                (1900..=2099).contains(&y).then_some((k, y))
            })
            .collect();
        // Any other digit in the header makes it more than a year (`2019 (tkr 2018 års priser)`).
        let digits = hs.iter().filter(|c| c.is_ascii_digit()).count();
        match years.as_slice() {
            [(k, y)] if digits == 4 => {
                year_link(hs[*k..k + 4].iter().collect(), at + k, at + k + 4, *y, cue)
            }
            [(k1, y1), (k2, y2)] if digits == 8 && y1 < y2 && k2 - k1 <= 7 => Some(PeriodLink {
                text: hs[*k1..k2 + 4].iter().collect(),
                start: at + k1,
                end: at + k2 + 4,
                from: IsoDate::new(*y1, 1, 1)?,
                to: IsoDate::new(*y2, 12, 31)?,
                cue,
            }),
            _ => None,
        }
    }
}

fn year_link(text: String, start: usize, end: usize, y: u16, cue: Span) -> Option<PeriodLink> {
    Some(PeriodLink {
        text,
        start,
        end,
        from: IsoDate::new(y, 1, 1)?,
        to: IsoDate::new(y, 12, 31)?,
        cue,
    })
}

/// The text addressed by character offsets (the offsets of every span in a record) without a
/// `Vec<char>` of it, which costs four bytes a character (128 MB for a 32 MB document): the byte
/// offset of every [`CHAR_STRIDE`]-th character, and a walk of at most that many characters from
/// it. Reads past the end give `None` (or `'\0'` from [`CharText::at`]) instead of panicking.
struct CharText<'a> {
    text: &'a str,
    /// Byte offsets of characters `0`, `CHAR_STRIDE`, `2 * CHAR_STRIDE`, …
    marks: Vec<usize>,
    /// The text's length in characters.
    len: usize,
}

/// Characters between two marks of a [`CharText`]: a quarter of a byte of marks per character,
/// and a walk of 16 characters on average to reach one.
const CHAR_STRIDE: usize = 32;

impl<'a> CharText<'a> {
    fn new(text: &'a str) -> CharText<'a> {
        let mut marks = Vec::with_capacity(text.len() / CHAR_STRIDE + 1);
        let mut len = 0;
        for (b, _) in text.char_indices() {
            if len % CHAR_STRIDE == 0 {
                marks.push(b);
            }
            len += 1;
        }
        CharText { text, marks, len }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// The byte offset of character `i`; the text's length in bytes for `i >= len()`.
    fn byte(&self, i: usize) -> usize {
        if i >= self.len {
            return self.text.len();
        }
        let bytes = self.text.as_bytes();
        let mut b = self.marks[i / CHAR_STRIDE];
        for _ in 0..i % CHAR_STRIDE {
            // The length of a UTF-8 sequence from its first byte.
            b += match bytes[b] {
                0..0xC0 => 1,
                0xC0..0xE0 => 2,
                0xE0..0xF0 => 3,
                _ => 4,
            };
        }
        b
    }

    /// Character `i`.
    fn get(&self, i: usize) -> Option<char> {
        if i >= self.len {
            return None;
        }
        self.text[self.byte(i)..].chars().next()
    }

    /// Character `i`, or `'\0'` (which no rule looks for) past the end.
    fn at(&self, i: usize) -> char {
        self.get(i).unwrap_or('\0')
    }

    /// Characters `start..end`; empty when the span is empty or backwards.
    fn str(&self, start: usize, end: usize) -> &'a str {
        self.text
            .get(self.byte(start)..self.byte(end))
            .unwrap_or_default()
    }

    /// Characters `start..end`, if the span is within the text.
    fn range(&self, start: usize, end: usize) -> Option<&'a str> {
        (start <= end && end <= self.len).then(|| self.str(start, end))
    }

    /// The first line break at or after character `from`. A form feed ends a line too, as the
    /// table reader's lines have it: OCR sets a page's first line right after one.
    fn find_newline(&self, from: usize) -> Option<usize> {
        let b = self.byte(from);
        let n = self.text[b..].find(LINE_ENDS)?;
        Some(from + self.text[b..b + n].chars().count())
    }

    /// The start of the line that holds character `at`: just after the last line break (or form
    /// feed) before it.
    fn line_start(&self, at: usize) -> usize {
        let b = self.byte(at);
        self.text[..b]
            .rfind(LINE_ENDS)
            .map_or(0, |n| at - self.text[n + 1..b].chars().count())
    }
}

/// `span` without white space at either end.
fn trim(chars: &CharText<'_>, mut span: Span) -> Span {
    while span.start < span.end && chars.at(span.start).is_whitespace() {
        span.start += 1;
    }
    while span.end > span.start && chars.at(span.end - 1).is_whitespace() {
        span.end -= 1;
    }
    span
}

fn strip_ci<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let n = prefix.len();
    (s.len() > n && s.is_char_boundary(n) && s[..n].eq_ignore_ascii_case(prefix)).then(|| &s[n..])
}

/// A common noun that names a recipient: a listed one, or a board (`socialnämnden`,
/// `kommunstyrelsen`).
/// Whether a word is a form of `satsa` (to stake money on something): `satsar`, `satsas`,
/// `satsade`.
/// Whether `w` says money is being paid out, now or to come (`betalas`, `utbetalas`,
/// `utbetalning`): a time it is tied to is a payment date. Past forms (`betalades ut i mars`)
/// are left out: a monthly outcome report writes them for the month the spending is of.
/// Whether a word names a budget document of the state (`budgetpropositionen`,
/// `höständringsbudgeten`, `regleringsbrevet`), whose `för` + year names the document. A
/// municipality's `budget för 2024` is not one: the plan is the year's money itself.
fn is_budget_document(w: &str) -> bool {
    w.starts_with("budgetproposition")
        || w.contains("ändringsbudget")
        || w.starts_with("vårbudget")
        || w.starts_with("regleringsbrev")
}

fn pays_out(w: &str) -> bool {
    matches!(
        w,
        "betalas" | "utbetalas" | "betalar" | "utbetalar" | "betalning" | "betalningen"
    ) || w.starts_with("utbetalning")
}

fn is_stake_verb(w: &str) -> bool {
    matches!(
        w,
        "satsar" | "satsas" | "satsade" | "satsades" | "satsat" | "satsats" | "satsa"
    )
}

fn is_recipient_noun(w: &str) -> bool {
    RECIPIENT_NOUNS.contains(&w)
        || ["nämnden", "nämnderna", "styrelsen"]
            .iter()
            .any(|s| w.ends_with(s) && w.len() > s.len())
        // A compound whose head is a long recipient noun (`ungdomsorganisationerna`).
        || RECIPIENT_NOUNS
            .iter()
            .any(|n| n.chars().count() >= 10 && w.ends_with(n) && w.len() > n.len())
}

/// The names of Sweden's kommuner and län as labels write them (`Danderyd`, `Dalarna`,
/// `Västra Götaland`), lower case, sorted by bytes: `dictionaries/places.txt`, made by
/// `scripts/build-places.py` from the statute that lists them.
const PLACES: &str = include_str!("../../dictionaries/places.txt");

/// Whether a label is the name of a kommun or län, alone or with its kind (`Gnesta`, `Skåne län`,
/// `Stockholms län`).
fn is_place(label: &str) -> bool {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    let list = LIST.get_or_init(|| PLACES.lines().collect());
    let found = |n: &str| {
        list.binary_search_by(|p| p.as_bytes().cmp(n.as_bytes()))
            .is_ok()
    };
    let l = without_code(label).trim().to_lowercase();
    match l.strip_suffix(" kommun").or_else(|| l.strip_suffix(" län")) {
        // The genitive of the name, or a name that ends in `s` (`Borås kommun`).
        Some(name) => found(name) || name.strip_suffix('s').is_some_and(found),
        None => found(&l),
    }
}

/// A row label without the kommun or län code printed before its name (`0114 Upplands Väsby`
/// → `Upplands Väsby`, `01 Stockholms län`): two or four digits, a space, a capital.
fn without_code(label: &str) -> &str {
    let l = label.trim_start();
    let rest = l.trim_start_matches(|c: char| c.is_ascii_digit());
    match rest.strip_prefix(' ') {
        Some(name)
            if matches!(l.len() - rest.len(), 2 | 4) && name.starts_with(char::is_uppercase) =>
        {
            name
        }
        _ => label,
    }
}

/// A row label without the marks OCR reads from specks and rules before its first word
/// (`_ Skatteverket`, `| Region Skåne`): a name opens with a letter or a digit, so marks
/// standing apart before it are no part of it. Marks glued to the word are kept: they may be
/// a misread letter (`]önköping` for `Jönköping`). A label of marks alone is left as it is.
fn without_specks(label: &str) -> &str {
    let mut rest = label.trim_start();
    loop {
        let past = rest.trim_start_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace());
        if past.len() == rest.len() || !past.starts_with(char::is_whitespace) {
            break;
        }
        rest = past.trim_start();
    }
    if rest.starts_with(char::is_alphanumeric) {
        rest
    } else {
        label
    }
}

/// Whether a table lists places: at least two of its body rows, and most of them, are labelled
/// with the name of a kommun or län (`Stockholm 68 143 865` / `Uppsala 20 551 990` …), so each
/// row's money is that place's, whatever the label column's header says.
fn lists_places(table: &Table) -> bool {
    let body: Vec<&str> = table
        .rows
        .iter()
        .filter(|r| !r.total)
        .map(|r| r.label.as_str())
        .collect();
    let places = body.iter().filter(|l| is_place(l)).count();
    places >= 2 && places * 2 > body.len()
}

/// A table's text columns before its money, as its header line names them (`Sökande | Projekt
/// | Beviljat (kr)`, `Projekt    Projektägare    Beviljat belopp, kr`): how many, and which one
/// names recipients and which one purposes.
#[derive(Debug)]
struct TextColumns {
    count: usize,
    recipient: Option<usize>,
    purpose: Option<usize>,
}

/// The text columns of `header_line` over a table of `money` columns: the cells before the
/// money columns' headers, when there are two or more and one of them names recipients or
/// purposes. A header naming both (`Projektägare`) names the recipient. Of two columns naming
/// recipients the last, the narrower, is the one paid (`Län | Kommun | Belopp`: the kommun).
fn text_columns(header_line: &str, money: usize) -> Option<TextColumns> {
    let cells = cells(header_line);
    let count = cells.len().checked_sub(money)?;
    if count < 2 || money == 0 {
        return None;
    }
    let (mut recipient, mut purpose) = (None, None);
    for (k, &(_, c)) in cells[..count].iter().enumerate() {
        if names_recipients(c) {
            recipient = Some(k);
        } else if names_purposes(c) {
            purpose.get_or_insert(k);
        }
    }
    (recipient.is_some() || purpose.is_some()).then_some(TextColumns {
        count,
        recipient,
        purpose,
    })
}

/// The cells of a table line, each with its byte offset and its text trimmed: between `|` bars
/// where the line has any, else apart by a tab or two spaces or more (one space is a space
/// inside a name).
fn cells(line: &str) -> Vec<(usize, &str)> {
    fn push<'a>(out: &mut Vec<(usize, &'a str)>, from: usize, piece: &'a str) {
        let t = piece.trim();
        if !t.is_empty() {
            out.push((from + piece.len() - piece.trim_start().len(), t));
        }
    }
    let mut out = Vec::new();
    if line.contains('|') {
        let mut at = 0;
        for piece in line.split('|') {
            push(&mut out, at, piece);
            at += piece.len() + 1;
        }
        return out;
    }
    let bytes = line.as_bytes();
    let blank = |k: usize| matches!(bytes.get(k), Some(b' ' | b'\t'));
    let (mut from, mut k) = (0, 0);
    while k < bytes.len() {
        if bytes[k] == b'\t' || (bytes[k] == b' ' && blank(k + 1)) {
            push(&mut out, from, &line[from..k]);
            while blank(k) {
                k += 1;
            }
            from = k;
        } else {
            k += 1;
        }
    }
    push(&mut out, from, &line[from..]);
    out
}

/// The label column's header. When the table reader left it empty and the first column's
/// header has more words than a column needs (`Region Belopp` over one column of amounts), the
/// header line's first word stood over the labels.
fn label_header(table: &Table) -> &str {
    if !table.label_header.trim().is_empty() {
        return &table.label_header;
    }
    let first = table.headers.first().map_or("", |h| h.trim());
    match first.split_once(char::is_whitespace) {
        Some((word, _)) if names_recipients(word) || names_purposes(word) => word,
        _ => "",
    }
}

/// The word of a header line that stands over the labels (`Myndighet` in `Myndighet Belopp`,
/// `Kommun` in `Kommunkod Kommun Belopp`), when it names recipients or purposes; else `""`.
fn header_line_label(line: &str) -> &str {
    let mut words = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut first = words.next().unwrap_or_default();
    // A code column before the names (`Kommunkod`, `Länskod`, `Nr`).
    let l = first.to_lowercase();
    if l.ends_with("kod") || l == "nr" {
        first = words.next().unwrap_or_default();
    }
    if first.starts_with(char::is_uppercase) && (names_recipients(first) || names_purposes(first)) {
        first
    } else {
        ""
    }
}

/// Whether a line of text is the table's header line: every word of it is a word of the label
/// column's or a column's header.
fn is_header_line(table: &Table, line: &str) -> bool {
    let words: Vec<String> = std::iter::once(&table.label_header)
        .chain(&table.headers)
        .flat_map(|h| h.split_whitespace())
        .map(str::to_lowercase)
        .collect();
    line.split_whitespace()
        .all(|w| words.contains(&w.to_lowercase()))
}

/// A caption without its own label and number (`Tabell 2. Medel 2024` → `Medel 2024`).
fn caption_text(caption: &str) -> &str {
    let c = caption.trim_start();
    let Some((word, rest)) = c.split_once(char::is_whitespace) else {
        return caption;
    };
    if !matches!(
        word.to_lowercase().as_str(),
        "tabell" | "tab." | "bilaga" | "figur" | "diagram"
    ) {
        return caption;
    }
    let rest = rest.trim_start();
    let n = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if n == 0 || n > 2 {
        return caption;
    }
    rest[n..].trim_start_matches(['.', ':']).trim_start()
}

/// Whether a row label is the name of an authority by its last word (`Folkhälsomyndigheten`,
/// `Statens institutionsstyrelse`, `Vetenskapsrådet`), and says nothing else: no preposition
/// before the name (`Bidrag till Skatteverket` is what for, not who).
fn names_authority(label: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "verket",
        "myndigheten",
        "styrelsen",
        "styrelse",
        "ämbetet",
        "kassan",
        "förmedlingen",
        "bevakningen",
        "arkivet",
        "kontoret",
        "universitet",
        "universitetet",
        "högskolan",
        "kollegiet",
        "institutet",
        "inspektionen",
        "kansliet",
        "rådet",
        "nämnden",
        "nämnd",
        "förbundet",
        // `Delegationen mot segregation`, `Delegationen för unga och nyanlända till arbete`.
        "delegationen",
    ];
    let l = label.trim().to_lowercase();
    let words: Vec<&str> = l.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let authority = |w: &str| ENDINGS.iter().any(|e| w.ends_with(e));
    // An authority named for its field (`Myndigheten för delaktighet`, `Institutet för språk
    // och folkminnen`): its first word, definite, then `för`.
    let named_for = words.len() >= 3
        && matches!(words[1], "för" | "mot")
        && authority(first)
        && (first.ends_with("en") || first.ends_with("et"));
    label.trim().starts_with(char::is_uppercase)
        && !label.contains(',')
        && (named_for || authority(last))
        && (authority(first)
            || words.iter().all(|w| {
                !matches!(
                    *w,
                    "till" | "för" | "av" | "från" | "med" | "inom" | "på" | "under" | "via"
                )
            }))
}

/// Whether a label column header names what money is for (`Verksamhet`, `Verksamhetsområde`,
/// `Ändamål`, `Insats`, `Åtgärd`, `Projekt`).
fn names_purposes(header: &str) -> bool {
    let h = header.to_lowercase();
    h.split(|c: char| !c.is_alphanumeric()).any(|w| {
        [
            "verksamhet",
            "ändamål",
            "insats",
            "åtgärd",
            "projekt",
            "satsning",
        ]
        .iter()
        .any(|k| w.starts_with(k))
    })
}

/// Whether a label column header, caption or unit names recipients (`Län`, `Kommun`, `Mottagare`):
/// any of its words names who a table's rows are, by the table reader's own list.
fn names_recipients(s: &str) -> bool {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(super::table::names_who)
}

/// Whether a caption or a money column's header says its table has a row per body: `per` or
/// `till` before a word that names recipients (`Fördelning per myndighet`, `Belopp per
/// mottagare`, `Medel till regionerna 2025`). `per invånare`, `till drift` say nothing of who.
fn says_row_per_body(s: &str) -> bool {
    let l = s.to_lowercase();
    let mut words = l
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut prev = "";
    words.any(|w| {
        let hit = matches!(prev, "per" | "till") && (names_recipients(w) || is_recipient_noun(w));
        prev = w;
        hit
    })
}

/// Whether a row label is written as a name: a capital after its first word (`Funktionsrätt
/// Sverige`, `Studieförbundet Vuxenskolan`) or an acronym (`ABF`, `RISE AB`), and no comma or
/// preposition that would make it a description (`Stöd till Region Skåne`). One common word
/// (`Gymnasieskola`, `Kulturverksamhet`) is not.
fn is_name(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    let acronym = |w: &&str| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
    label.trim_start().starts_with(char::is_uppercase)
        && !label.contains(',')
        && !words
            .iter()
            .any(|w| matches!(*w, "till" | "för" | "av" | "från" | "inom" | "avseende"))
        && (words
            .iter()
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase))
            || words.iter().any(acronym))
}

/// Whether a row label names an organisation by its form (`Region Skåne`, `Gislaveds kommun`,
/// `Socialnämnden`, `Kommunstyrelsen`).
fn names_organisation(label: &str) -> bool {
    if label.contains(',') {
        // A list in a label (`Utvecklingsinsatser, Försäkringskassan`) names more than who.
        return false;
    }
    let l = label.to_lowercase();
    let last = l.split_whitespace().last().unwrap_or_default();
    l.starts_with("region ")
        || l.starts_with("landstinget ")
        || matches!(last, "kommun" | "län" | "landsting" | "länsstyrelse")
        // A region named by its compound (`Västra Götalandsregionen`); in a phrase (`Insatser
        // i Stockholmsregionen`) the word is a place the money is spent in.
        || (last.ends_with("regionen")
            && label
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase)))
        || last.ends_with("nämnden")
        || last.ends_with("nämnd")
        || last.ends_with("styrelsen")
}

/// Whether a total row's label is `Summa`, `Totalt` or `S:a` and then the name of the block
/// `heading` heads (`Summa Kommunstyrelsen` under `KOMMUNSTYRELSEN`): the block's whole is its
/// heading's, as a bare `Summa` under it is. `Summa driftbudget` names no one.
fn sums_up(label: &str, heading: &str) -> bool {
    let l = label.trim().to_lowercase();
    ["summa ", "totalt ", "s:a ", "total "]
        .iter()
        .find_map(|w| l.strip_prefix(w))
        .is_some_and(|rest| rest.trim() == heading.trim().to_lowercase())
}

/// For each row of `table`, the row that heads its block with a sub-total of its own: a row
/// whose label names an organisation (`Kommunstyrelsen  132 829  146 260`) and whose figures
/// are, column by column, the sums of the rows under it (`Politisk verksamhet …`), up to the
/// next such row, total row or end. The sums are what makes the row a heading: in a list of
/// nämnder with a budget line among them (`Socialnämnden 300` ⏎ `Personalkostnader 120`) the
/// line is no verksamhet of the nämnd above.
fn subtotal_heads(table: &Table, amounts: &[Amount]) -> Vec<Option<usize>> {
    let mut heads = vec![None; table.rows.len()];
    let names = |r: &crate::record::TableRow| {
        let n = without_code(without_specks(&r.label));
        !r.total && (names_organisation(n) || names_authority(n))
    };
    for (h, head) in table.rows.iter().enumerate() {
        if !names(head) {
            continue;
        }
        let block: Vec<usize> = (h + 1..table.rows.len())
            .take_while(|&j| !table.rows[j].total && !names(&table.rows[j]))
            .collect();
        if block.is_empty() {
            continue;
        }
        // Every figure of the heading is its block's sum within the precision of the figures
        // (`81,7` is 81,65–81,75), and at least one is.
        let mut matched = false;
        let adds_up = head.amounts.iter().enumerate().all(|(c, cell)| {
            let Some(&i) = cell.as_ref() else {
                return true;
            };
            let Some(v) = amounts[i].value else {
                return false;
            };
            let mut sum = 0i64;
            let mut slack = amounts[i].tolerance().ore();
            for &j in &block {
                if let Some(Some(k)) = table.rows[j].amounts.get(c)
                    && let Some(x) = amounts[*k].value
                {
                    sum += x.ore();
                    slack += amounts[*k].tolerance().ore();
                }
            }
            matched |= sum != 0;
            (sum - v.ore()).abs() <= slack
        });
        if adds_up && matched {
            for j in block {
                heads[j] = Some(h);
            }
        }
    }
    heads
}

/// Whether `s` opens with a Swedish organisation number (`802002-8711`, `232100-0255`) and a
/// space.
fn is_org_number(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() > 11
        && b[..6].iter().all(u8::is_ascii_digit)
        && b[6] == b'-'
        && b[7..11].iter().all(u8::is_ascii_digit)
        && b[11] == b' '
}

/// Whether words name an organisation by their form: [`names_organisation`], a name whose
/// last word ends like an authority's (`Skatteverket`, `Statens kulturråd`, `Bjurholms kommun`),
/// or a name after an association's kind (`Teaterföreningen Scenen`, `Stiftelsen Friends`).
fn org_like(words: &str) -> bool {
    let l = words.to_lowercase();
    let mut w = l.split_whitespace();
    let kind_first = w.next().is_some_and(|f| {
        [
            "föreningen",
            "stiftelsen",
            "förbundet",
            "sällskapet",
            "klubben",
        ]
        .iter()
        .any(|e| f.ends_with(e))
    }) && words
        .split_whitespace()
        .nth(1)
        .is_some_and(|n| n.starts_with(char::is_uppercase));
    names_organisation(words)
        || kind_first
        || l.split_whitespace()
            .last()
            .is_some_and(|w| AGENCY_ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// Whether a word names a kind of money, indefinite or definite (`stöd`, `stödet`,
/// `statsbidraget`, `medlen`).
fn is_money_kind(w: &str) -> bool {
    MONEY_KINDS.iter().any(|k| {
        w.ends_with(k)
            || ["et", "en", "n"]
                .iter()
                .any(|d| w.ends_with(&format!("{k}{d}")))
    }) || w.ends_with("medlen")
}

/// Whether a row label is an accounting line (`Intäkter`, `Nettokostnad`, `Summa`), which says
/// what kind of money a figure is, not what it is for.
fn is_accounting_line(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    [
        "intäkt",
        "kostnad",
        "netto",
        "summa",
        "totalt",
        "resultat",
        "avskrivning",
        "varav",
        "budget",
        "utfall",
        "avvikelse",
        "bokslut",
        "prognos",
        "avgift",
        "skatt",
        "ränt",
    ]
    .iter()
    .any(|w| l.starts_with(w))
}

/// Whether words are one body's name and no more: one word (`Folkhälsomyndigheten`) or
/// `Statens …` (`Statens institutionsstyrelse`); `Cancervård Socialstyrelsen` names a purpose
/// and who disposes of it.
fn names_one_body(words: &str) -> bool {
    let mut w = words.split_whitespace();
    match (w.next(), w.next(), w.next()) {
        (Some(_), None, _) => true,
        (Some(first), Some(_), None) => first == "Statens",
        _ => false,
    }
}

/// Whether a row label is a line of a budget or income statement (`Personalkostnader`,
/// `Verksamhetens intäkter`, `Avskrivningar`), which no one receives even in a table whose
/// label column is headed `Nämnd` or `Kommun`.
fn is_budget_line(label: &str) -> bool {
    let l = label.to_lowercase();
    is_accounting_line(label)
        || l.split_whitespace().any(|w| {
            ["kostnad", "intäkt", "avskrivning", "bidrag", "anslag"]
                .iter()
                .any(|k| w.contains(k))
        })
}

/// An anslagspost row label `30:1 ap.1Bidrag till … (Ram)` in `chars[start..end]`: the span of
/// its number and of its name (without the `(Ram)` kind).
fn anslagspost(
    chars: &CharText<'_>,
    start: usize,
    end: usize,
) -> Option<(usize, usize, usize, usize)> {
    let num = |from: usize| -> usize {
        // Digits from `from`; the first index past them.
        (from..end)
            .find(|&c| !chars.at(c).is_ascii_digit())
            .unwrap_or(end)
    };
    // `30:1`, then ` ap.1` or ` ap.16.1`; either may stand alone.
    let mut c = start;
    let a = num(start);
    if a > start && chars.get(a) == Some(':') {
        let b = num(a + 1);
        if b == a + 1 {
            return None;
        }
        c = b;
    }
    let mut k = c;
    while k < end && chars.at(k) == ' ' {
        k += 1;
    }
    if chars.range(k, k + 3) == Some("ap.") {
        let mut d = k + 3;
        while d < end
            && (chars.at(d).is_ascii_digit()
                || (chars.at(d) == '.' && chars.get(d + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            d += 1;
        }
        if d == k + 3 {
            return None;
        }
        c = d;
    }
    if c == start {
        return None;
    }
    let mut ps = c;
    while ps < end && chars.at(ps).is_whitespace() {
        ps += 1;
    }
    let mut pe = end;
    while pe > ps && chars.at(pe - 1).is_whitespace() {
        pe -= 1;
    }
    if pe > ps && chars.at(pe - 1) == ')' {
        if let Some(open) = (ps..pe).rev().find(|&k| chars.at(k) == '(') {
            pe = open;
        }
        while pe > ps && chars.at(pe - 1).is_whitespace() {
            pe -= 1;
        }
    }
    (pe > ps && chars.at(ps).is_alphabetic()).then_some((start, c, ps, pe))
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::{caption_text, is_place, names_authority, sums_up, without_specks};
    use crate::record::{AmountLinks, Link, PeriodLink};

    /// The text a link points at, checked against its span.
    #[track_caller]
    fn spanned(text: &str, l: &Link) -> String {
        let at: String = text.chars().skip(l.start).take(l.end - l.start).collect();
        assert_eq!(at, l.text, "span of {l:?}");
        let cue: String = text
            .chars()
            .skip(l.cue.start)
            .take(l.cue.end - l.cue.start)
            .collect();
        format!("{} <{cue}>", l.text)
    }

    /// `(recipient, period, purpose)` of the first amount, each as `words <cue>`.
    #[track_caller]
    fn first(text: &str) -> [Option<String>; 3] {
        let x = extract(text);
        let Some(l) = x.amounts.first().and_then(|a| a.links.clone()) else {
            return [None, None, None];
        };
        let period = l.period.map(|p| {
            let cue: String = text
                .chars()
                .skip(p.cue.start)
                .take(p.cue.end - p.cue.start)
                .collect();
            let at: String = text.chars().skip(p.start).take(p.end - p.start).collect();
            assert_eq!(at, p.text);
            format!("{} {}–{} <{cue}>", p.text, p.from, p.to)
        });
        [
            l.recipient.map(|r| spanned(text, &r)),
            period,
            l.purpose.map(|r| spanned(text, &r)),
        ]
    }

    #[track_caller]
    fn assert_links(
        text: &str,
        recipient: Option<&str>,
        period: Option<&str>,
        purpose: Option<&str>,
    ) {
        let want = [recipient, period, purpose].map(|o| o.map(str::to_string));
        assert_eq!(first(text), want, "{text:?}");
    }

    #[test]
    fn times_relative_clauses_shares_and_the_municipal_sector_both_ways() {
        // (text, recipient, period, purpose) of the first amount, each as `words <cue>`.
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            // A `för` phrase headed by a noun of time is no purpose …
            (
                "Utfallet för anslaget blev 409 miljoner kronor högre för perioden och uppgick till \
                 912 miljoner kronor.",
                None,
                None,
                None,
            ),
            (
                "Regeringen avsätter 5 miljoner kronor för året och fördelar dem senare.",
                None,
                None,
                None,
            ),
            // … but a word that only begins like one is.
            (
                "Kommunen avsätter 2 miljoner kronor för periodisk tillsyn av lekplatser.",
                None,
                None,
                Some("periodisk tillsyn av lekplatser <för>"),
            ),
            // An aim ends before a relative clause on its object …
            (
                "Av dessa medel var 15 000 miljoner kronor avsedda för att hantera den lågkonjunktur \
                 som antas följa i coronapandemins spår.",
                None,
                None,
                Some("hantera den lågkonjunktur <för att>"),
            ),
            (
                "Regeringen avsätter 50 miljoner kronor för att stödja de kommuner som har flest \
                 nyanlända.",
                None,
                None,
                Some("stödja de kommuner <för att>"),
            ),
            // … but a long aim, clause included, is still left alone …
            (
                "Av beloppet till regionerna på 944 miljoner kronor ska hälften användas för att \
                 stärka tillgången till behandling och rehabilitering för patienter som har \
                 långvarig smärta eller psykisk ohälsa.",
                Some("regionerna <till>"),
                None,
                None,
            ),
            // … and it does not end before `som en följd av`.
            (
                "Konstnärsnämnden får 20 miljoner kronor för att stödja konstnärer som en följd av \
                 pandemin.",
                Some("Konstnärsnämnden <får>"),
                None,
                Some("stödja konstnärer som en följd av pandemin <för att>"),
            ),
            // A share set off by commas is read past …
            (
                "Staten betalade ut 5,9 miljarder kronor, 32 procent, till kommunerna.",
                Some("kommunerna <till>"),
                None,
                None,
            ),
            (
                "Staten betalade ut 2,5 miljoner kronor, 12,5 %, till föreningarna.",
                Some("föreningarna <till>"),
                None,
                None,
            ),
            // … any other comma after the amount ends its phrases.
            (
                "Staten betalade ut 5,9 miljarder kronor, därefter gick 32 procent till kommunerna.",
                None,
                None,
                None,
            ),
            // The municipal sector receives; its genitive names what the money is for.
            (
                "I en ytterligare ändringsbudget anvisades ytterligare 6 000 miljoner kronor till \
                 kommunsektorn.",
                Some("kommunsektorn <till>"),
                None,
                None,
            ),
            (
                "Regeringen avsätter 30 miljoner kronor till kommunsektorns digitalisering.",
                None,
                None,
                Some("kommunsektorns digitalisering <till>"),
            ),
        ];
        for &(text, recipient, period, purpose) in cases {
            assert_links(text, recipient, period, purpose);
        }
    }

    #[test]
    fn running_text() {
        // (text, recipient, period, purpose), each link as `words <cue>`.
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            // After the amount: till + a name, för + a year, för + a purpose.
            (
                "Regeringen ger 3 miljoner kronor till Tullverket för 2023.",
                Some("Tullverket <till>"),
                Some("2023 2023-01-01–2023-12-31 <för>"),
                None,
            ),
            (
                "Det blir 40 miljoner kronor till Boverket, Lantmäteriet och Skatteverket.",
                Some("Boverket, Lantmäteriet och Skatteverket <till>"),
                None,
                None,
            ),
            (
                "Vi avsätter 7 miljoner kronor för upprustning av lekplatser.",
                None,
                None,
                Some("upprustning av lekplatser <för>"),
            ),
            (
                "Sammanlagt 12 miljoner kronor går till samtliga regioner under 2019.",
                Some("samtliga regioner <till>"),
                Some("2019 2019-01-01–2019-12-31 <under>"),
                None,
            ),
            // A passive verb and its agent.
            (
                "Totalt 9 mnkr fördelas av Statens konstråd.",
                Some("Statens konstråd <fördelas av>"),
                None,
                None,
            ),
            (
                "Därefter ska 4 mnkr fördelas på 12 kommuner.",
                Some("12 kommuner <fördelas på>"),
                None,
                None,
            ),
            // Before the amount: a receiving subject, `Till X`, a period.
            (
                "Naturvårdsverket får 11 miljoner kronor.",
                Some("Naturvårdsverket <får>"),
                None,
                None,
            ),
            (
                "Till kommunerna betalas 8 miljoner kronor ut.",
                Some("kommunerna <Till>"),
                None,
                None,
            ),
            (
                "För 2024 beräknas 6 miljoner kronor.",
                None,
                Some("2024 2024-01-01–2024-12-31 <För>"),
                None,
            ),
            (
                "Under 2018–2019 får Sametinget 2 miljoner kronor per år.",
                Some("Sametinget <får>"),
                Some("2018–2019 2018-01-01–2019-12-31 <Under>"),
                None,
            ),
            // A board in lower case, a suspended compound.
            (
                "Sedan går 3 miljoner kronor till kultur- och fritidsnämnden.",
                Some("kultur- och fritidsnämnden <till>"),
                None,
                None,
            ),
            // Left alone: a pronoun, a sentence boundary, a subject that gives rather than gets.
            (
                "Vi ger 5 miljoner kronor till den som söker.",
                None,
                None,
                None,
            ),
            (
                "Kostnaden blev 5 miljoner kronor. Till Tullverket gick resten.",
                None,
                None,
                None,
            ),
            (
                "Regeringen avsätter 5 miljoner kronor i år.",
                None,
                None,
                None,
            ),
            // What money is staked on; an aim after `i syfte att`; a year named by `år` right
            // after the amount.
            (
                "Regeringen satsar nu 2 miljarder kronor på utbyggd laddinfrastruktur.",
                None,
                None,
                Some("utbyggd laddinfrastruktur <på>"),
            ),
            (
                "Stödet omfattar 3 miljoner kronor i syfte att förbättra tillgängligheten.",
                None,
                None,
                Some("förbättra tillgängligheten <i syfte att>"),
            ),
            (
                "Anslaget ökar med 4 mnkr år 2021 jämfört med år 2020.",
                None,
                Some("2021 2021-01-01–2021-12-31 <år>"),
                None,
            ),
            // `år` earlier in the sentence dates something else.
            (
                "Arbetet pågår till år 2030, då projektet får 6 miljoner kronor.",
                None,
                None,
                None,
            ),
            // A time limit is passed over on the way to the purpose.
            (
                "Totalt 6 miljoner kronor får till den 31 december 2022 användas till upprustning av badplatser.",
                None,
                None,
                Some("upprustning av badplatser <till>"),
            ),
            // The receiving subject of a relative clause.
            (
                "Nämnden har fördelat de 7 miljoner kronor som regionen fått från staten.",
                Some("regionen <fått>"),
                None,
                None,
            ),
            // A kind of money before `till` is no purpose; a `för` inside the purpose stays.
            (
                "Vi avsätter 8 miljoner kronor för bidrag till föreningarna för lovaktiviteter för barn.",
                Some("föreningarna <till>"),
                None,
                Some("lovaktiviteter för barn <för>"),
            ),
            (
                "Vi avsätter 5 miljoner kronor för kulturstöd.",
                None,
                None,
                Some("kulturstöd <för>"),
            ),
            // A capitalised preposition opening the sentence names no one.
            (
                "Av anslaget får 5 000 000 kronor användas för administration.",
                None,
                None,
                Some("administration <för>"),
            ),
        ];
        for &(text, r, p, u) in cases {
            assert_links(text, r, p, u);
        }
    }

    #[test]
    fn a_fronted_time_dates_its_clause_and_an_open_start_none_both_ways() {
        // (text, the last amount's period as `words <cue>`)
        let cases: &[(&str, Option<&str>)] = &[
            // A time fronted in a later clause, the verb right after it, beats a cued one before.
            (
                "För år 2019 höjs anslaget med 2,3 miljarder och år 2020 höjs anslaget med 2,8 miljarder.",
                Some("2020 <år>"),
            ),
            (
                "Då avsattes 1 miljard kronor och 2019 avsattes 3,5 miljarder kronor.",
                Some("2019 <2019>"),
            ),
            // An open start says from when: the earlier clause's time is not this figure's.
            (
                "Under 2020 satsas 4,9 miljarder kronor och från och med 2021 beräknas bidraget uppgå till 6,2 miljarder kronor.",
                None,
            ),
            // Leaves alone: a year after a preposition (`till år 2030`), a year's genitive, the
            // cued time with no later clause, and a closed span.
            (
                "Arbetet pågår till år 2030 och projektet får 6 miljoner kronor.",
                None,
            ),
            ("Enligt 2019 års budget får B 6 miljoner kronor.", None),
            // A time fronted after `att`, its infinitive right after it; not a year that is the
            // subject of a clause a `då` clause then ends, nor a year's genitive.
            (
                "Regeringen fortsätter satsningen genom att 2020 tillskjuta drygt 410 miljoner kronor till kommunerna.",
                Some("2020 <2020>"),
            ),
            (
                "Rapporten visar att 2019 var ett år då B fick 6 miljoner kronor.",
                None,
            ),
            (
                "Rapporten visar att 2019 års budget gav B 6 miljoner kronor.",
                None,
            ),
            (
                "För år 2019 höjs anslaget med 2,3 miljarder och anslaget höjs sedan med 2,8 miljarder.",
                Some("2019 <För>"),
            ),
            (
                "Från och med 2021 till och med 2023 får B 6 miljoner kronor.",
                Some("2021 till och med 2023 <Från och med>"),
            ),
        ];
        for &(text, want) in cases {
            let got = last_period_cued(text);
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn an_aim_after_till_att_and_compensation_both_ways() {
        // (text, recipient, period, purpose) of the first amount, each as `words <cue>`.
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            // `till att` + a verb phrase is an aim, as `för att`; who gets it, closing the aim,
            // is the recipient.
            (
                "20 miljoner kronor kommer gå till att stärka stöd och stipendier till enskilda kulturskapare och konstnärer, som drabbats hårt.",
                Some("enskilda kulturskapare och konstnärer <till>"),
                None,
                Some("stärka stöd och stipendier <till att>"),
            ),
            (
                "Regeringen avsätter 5 miljoner kronor för att stärka stödet till kommunerna.",
                Some("kommunerna <till>"),
                None,
                Some("stärka stödet <för att>"),
            ),
            // A `till` that names no body stays in the aim.
            (
                "Medlen om 5 miljoner kronor används till att bidra till ökad trygghet.",
                None,
                None,
                Some("bidra till ökad trygghet <till att>"),
            ),
            // What the money makes good is what it is for; not a bare `som kompensation`.
            (
                "Kommunen avsatte 100 000 kronor till bygdegårdsföreningar som kompensation för uteblivna hyresintäkter.",
                Some("bygdegårdsföreningar <till>"),
                None,
                Some("uteblivna hyresintäkter <som kompensation för>"),
            ),
            (
                "Kommunen avsatte 100 000 kronor till bygdegårdsföreningar som kompensation för merkostnader under pandemin.",
                Some("bygdegårdsföreningar <till>"),
                None,
                None,
            ),
            (
                "Kommunen avsatte 100 000 kronor till bygdegårdsföreningar som kompensation.",
                Some("bygdegårdsföreningar <till>"),
                None,
                None,
            ),
        ];
        for &(text, r, p, u) in cases {
            assert_links(text, r, p, u);
        }
    }

    #[test]
    fn a_year_till_sets_after_the_money_is_its_period_both_ways() {
        // (text, the last amount's period as `words <cue>`)
        let cases: &[(&str, Option<&str>)] = &[
            // `till` + a year closing the clause right after the money: the year it goes to.
            (
                "Det föreslås även 5 miljarder kronor till 2022.",
                Some("2022 <till>"),
            ),
            (
                "Kommunen får 2 miljoner kronor till år 2023, enligt beslutet.",
                Some("2023 <till>"),
            ),
            (
                "Regionerna får 3 miljoner kronor i stöd till 2021.",
                Some("2021 <till>"),
            ),
            // Leaves alone: a year after a verb (its deadline), a year's genitive, and an
            // inclusive end with no start.
            ("Arbetet med 5 miljoner kronor förlängs till 2029.", None),
            ("B får 5 miljoner kronor till 2022 års verksamhet.", None),
            ("Regionerna får 3 miljoner kronor till och med 2024.", None),
        ];
        for &(text, want) in cases {
            let got = last_period_cued(text);
            assert_eq!(got.as_deref(), want, "{text}");
        }
        // `till` + a year is never a recipient.
        assert_links(
            "Det föreslås även 5 miljarder kronor till 2022.",
            None,
            Some("2022 2022-01-01–2022-12-31 <till>"),
            None,
        );
    }

    #[test]
    fn a_month_a_payout_is_tied_to_is_no_period_both_ways() {
        // (text, the last amount's period as `words <cue>`)
        let cases: &[(&str, Option<&str>)] = &[
            // When the money is paid, not what it is for.
            (
                "Bidraget på 120 miljoner kronor betalas ut i mars 2020 till Socialstyrelsen.",
                None,
            ),
            (
                "Medlen, 45 miljoner kronor, utbetalas i juni 2021 till regionerna.",
                None,
            ),
            (
                "Utbetalning av 30 miljoner kronor sker i oktober 2019.",
                None,
            ),
            (
                "Kammarkollegiet betalar ut 12 miljoner kronor i januari 2022.",
                None,
            ),
            // A time with its own cue after the payout is the money's.
            (
                "Bidraget på 120 miljoner kronor betalas ut för 2020 till kommunerna.",
                Some("2020 <för>"),
            ),
            (
                "Utbetalning av 30 miljoner kronor sker under 2019.",
                Some("2019 <under>"),
            ),
            // No payout: the month is the money's.
            (
                "Regionerna fick 2 miljarder kronor i mars 2021.",
                Some("mars 2021 <i>"),
            ),
            // A past payout in an outcome report dates the spending.
            (
                "Juli 2020 Utgiftsområde 25\n\nAnslaget uppfördes i februari och 2 486 miljoner kronor betalades ut i mars.",
                Some("mars <i>"),
            ),
        ];
        for &(text, want) in cases {
            let got = last_period_cued(text);
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_fronted_aim_and_money_named_as_itself_both_ways() {
        // (text, the last amount's purpose)
        let cases: &[(&str, Option<&str>)] = &[
            // An aim fronted before the verb.
            (
                "För att stärka äldreomsorgen avsätts 50 miljoner kronor till kommunerna.",
                Some("stärka äldreomsorgen"),
            ),
            (
                "För att förbättra tillgängligheten i vården tillförs regionerna 300 miljoner kronor.",
                Some("förbättra tillgängligheten i vården"),
            ),
            (
                "För att korta vårdköerna får regionerna 250 miljoner kronor.",
                Some("korta vårdköerna"),
            ),
            // `för` + something else fronted is no aim, nor is one before a subject or an `att`
            // clause.
            ("För kommunerna avsätts 50 miljoner kronor.", None),
            (
                "För att myndigheten ska klara beläggningen tillskjuter nu regeringen 105 mnkr för 2019.",
                None,
            ),
            (
                "För att skapa planeringsförutsättningar avser regeringen föreslå att 10 miljarder kronor tillförs kommunsektorn.",
                None,
            ),
            // The money named as itself is no purpose; a compound names its use.
            (
                "Regeringen avsätter 20 miljoner kronor för extra bidrag till kommunerna.",
                None,
            ),
            (
                "Regeringen avsätter 20 miljoner kronor för ett tillfälligt stöd.",
                None,
            ),
            (
                "Regeringen avsätter 20 miljoner kronor för transportbidrag.",
                Some("transportbidrag"),
            ),
            (
                "Regeringen avsätter 20 miljoner kronor för extra lärartjänster.",
                Some("extra lärartjänster"),
            ),
        ];
        for &(text, want) in cases {
            let got = extract(text)
                .amounts
                .last()
                .and_then(|a| a.links.clone())
                .and_then(|l| l.purpose)
                .map(|p| p.text);
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    /// The last amount's period link in `text`, with the words of its cue.
    fn last_period(text: &str) -> Option<(PeriodLink, String)> {
        let p = extract(text).amounts.last()?.links.clone()?.period?;
        let cue = text
            .chars()
            .skip(p.cue.start)
            .take(p.cue.end - p.cue.start)
            .collect();
        Some((p, cue))
    }

    /// The last amount's period as `words <cue>`.
    fn last_period_cued(text: &str) -> Option<String> {
        last_period(text).map(|(p, cue)| format!("{} <{cue}>", p.text))
    }

    #[test]
    fn a_month_dates_its_clause_not_a_vilket_comparison_both_ways() {
        // (text, the last amount's period as `words from–to <cue>`)
        let cases: &[(&str, Option<&str>)] = &[
            // A month after the amount or fronted in its clause, its year from the heading.
            (
                "Juli 2020 Utgiftsområde 25\n\nAllmänna bidrag uppgick till 36 706 miljoner kronor i juli.",
                Some("juli 2020-07-01–2020-07-31 <i>"),
            ),
            (
                "Juli 2020 Utgiftsområde 25\n\nAnslaget uppfördes i februari och i mars betalades 2 486 miljoner kronor ut.",
                Some("mars 2020-03-01–2020-03-31 <i>"),
            ),
            (
                "Månadsutfall mars 2008\n\nFör perioden januari-mars blev utgifterna 164,3 miljarder kronor.",
                Some("januari-mars 2008-01-01–2008-03-31 <För perioden>"),
            ),
            (
                "Oktober 2021 Utgiftsområde 9\n\nRegionerna fick 2 miljarder kronor under januari–mars 2021.",
                Some("januari–mars 2021 2021-01-01–2021-03-31 <under>"),
            ),
            // No heading year: no period, never a guessed one.
            ("Regionerna fick 2 miljarder kronor i juli.", None),
            (
                "Juli 2020 Utgiftsområde 25\n\nKommunerna får 2 miljarder kronor i oktober.",
                None,
            ),
            // A `vilket` comparison takes no time from the clause it compares.
            (
                "Månadsutfall mars 2008\n\nUtgifterna i mars uppgick till 72,9 miljarder kronor, vilket är 2,4 miljarder kronor lägre än beräknat.",
                None,
            ),
            (
                "Under 2020 uppgick bidragen till 5 miljarder kronor, vilket är 1 miljard kronor mer än året före.",
                None,
            ),
            (
                "Under 2020 uppgick bidragen till 5 miljarder kronor, vilket är mer än året före.",
                Some("2020 2020-01-01–2020-12-31 <Under>"),
            ),
            // Nor a `då` clause or a `, som` clause from a time in the clause it ends; a `som`
            // without a comma does.
            (
                "Bidraget beslutades i april 2016 och betalades ut förra året då 1,85 miljarder kronor beviljades.",
                None,
            ),
            (
                "Medlen öronmärks för perioden oktober-december 2020, som därmed ökas från 150 till 300 miljoner kronor.",
                None,
            ),
            (
                "För 2018 ökar stödet som fördelas av Riksidrottsförbundet med 19 miljoner kronor.",
                Some("2018 2018-01-01–2018-12-31 <För>"),
            ),
            (
                "Bidraget beslutades i april 2016 och 1,85 miljarder kronor betalades ut.",
                Some("april 2016 2016-04-01–2016-04-30 <i>"),
            ),
        ];
        for &(text, want) in cases {
            let got =
                last_period(text).map(|(p, cue)| format!("{} {}–{} <{cue}>", p.text, p.from, p.to));
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_grants_till_phrase_before_its_amount_receives_it_both_ways() {
        for (text, recipient, purpose) in [
            (
                "Vi har beviljat bidrag till 651 huvudmän om totalt 971 471 544 kronor.",
                Some("651 huvudmän <till>"),
                None,
            ),
            (
                "Nämnden beslutade om ett bidrag till Region Skåne på 5 miljoner kronor.",
                Some("Region Skåne <till>"),
                None,
            ),
            (
                "Regeringen beslutar om en utbetalning till kommunerna på 2 miljarder kronor.",
                Some("kommunerna <till>"),
                None,
            ),
            // A purpose after `till` stays the purpose; no kind of money, no receiver.
            (
                "Regeringen har beslutat om stöd till idrotten på 500 miljoner kronor.",
                None,
                Some("idrotten <till>"),
            ),
            (
                "Rapporten till regeringen om 5 miljoner kronor lämnas i maj.",
                None,
                None,
            ),
            // The `till` phrase must run up to the amount.
            (
                "Bidrag till kommunerna lämnas med ett belopp om 5 miljoner kronor.",
                None,
                None,
            ),
        ] {
            let [r, _, u] = first(text);
            assert_eq!((r.as_deref(), u.as_deref()), (recipient, purpose), "{text}");
        }
    }

    #[test]
    fn a_counted_suspended_compound_receives_both_ways() {
        assert_links(
            "MUCF har beviljat 262 miljoner kronor i organisationsbidrag till 110 barn- och \
             ungdomsorganisationer för 2025.",
            Some("110 barn- och ungdomsorganisationer <till>"),
            Some("2025 2025-01-01–2025-12-31 <för>"),
            None,
        );
        assert_links(
            "Nämnden beviljar 2 miljoner kronor till fem kultur- och fritidsföreningar.",
            Some("fem kultur- och fritidsföreningar <till>"),
            None,
            None,
        );
        // A counted suspended compound that names no body is no recipient.
        assert_links(
            "Nämnden avsätter 2 miljoner kronor till 40 kultur- och fritidsaktiviteter.",
            None,
            None,
            None,
        );
    }

    #[test]
    fn an_inverted_subject_sharing_a_sum_receives_it_both_ways() {
        // (text, recipient as `words <cue>`)
        let cases: &[(&str, Option<&str>)] = &[
            (
                "För att stärka jämlikheten får Sveriges skolor dela på 4,9 miljarder kronor.",
                Some("Sveriges skolor <får>"),
            ),
            (
                "I år får Skolverket fördela 250 miljoner kronor.",
                Some("Skolverket <får>"),
            ),
            // Leaves alone: a preposition that opens a new phrase (`på grund av`), and one that
            // is not right before the amount.
            (
                "I år får Skolverket på grund av pandemin 250 miljoner kronor.",
                None,
            ),
            ("I år får Skolverket på 250 miljoner kronor.", None),
        ];
        for &(text, want) in cases {
            let [got, _, _] = first(text);
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_subject_that_disposes_of_the_money_receives_it_both_ways() {
        // (text, recipient as `words <cue>`)
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Delegationen mot segregation har fördelat 85 miljoner kronor för år 2021.",
                Some("Delegationen mot segregation <fördelat>"),
            ),
            (
                "Delegationen mot segregation hade under 2021 i uppdrag att fördela 85 miljoner kronor statsbidrag.",
                Some("Delegationen mot segregation <att fördela>"),
            ),
            (
                "Socialstyrelsen har fått i uppdrag att fördela 5 miljarder kronor.",
                Some("Socialstyrelsen <att fördela>"),
            ),
            (
                "Tillväxtverket ska avsätta totalt 108 000 000 kronor under perioden 2019–2022.",
                Some("Tillväxtverket <avsätta>"),
            ),
            (
                "Socialstyrelsen har 5 miljarder kronor att fördela.",
                Some("Socialstyrelsen <har>"),
            ),
            (
                "Inledningsvis hade Socialstyrelsen 5 miljarder kronor att fördela i den första omgången.",
                Some("Socialstyrelsen <hade>"),
            ),
            // Leaves alone: the state setting money aside, a subject that names no body, money
            // a body has but is not to distribute, a task that is not distributing, and a body
            // the giver tasks (the giver is no recipient).
            (
                "Regeringen avsätter ytterligare 85 miljoner kronor 2020 för att minska segregationen.",
                None,
            ),
            (
                "Projektet ska avsätta 2 miljoner kronor för uppföljning.",
                None,
            ),
            (
                "Tillväxtverket avsätter 2 miljoner kronor av egna medel för uppföljning.",
                None,
            ),
            ("Socialstyrelsen har 5 miljarder kronor i reserv.", None),
            (
                "Socialstyrelsen hade i uppdrag att granska 5 miljarder kronor.",
                None,
            ),
            (
                "Regeringen har gett Delegationen mot segregation i uppdrag att fördela 85 miljoner kronor.",
                None,
            ),
        ];
        for &(text, want) in cases {
            let [got, _, _] = first(text);
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_budget_documents_year_dates_only_the_money_of_its_clause_both_ways() {
        // (text, the last amount's period as `words <cue>`)
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Genom budgetpropositionen för 2018 höjs anslaget för Polismyndigheten med 2 miljarder kronor.",
                Some("2018 <för>"),
            ),
            (
                "Regeringen föreslog ytterligare 5 miljarder kronor i höständringsbudgeten för 2020.",
                Some("2020 <för>"),
            ),
            // Leaves alone: the document as its clause's subject, a year another amount takes
            // first, and one the amount right before the document takes.
            (
                "Regeringens budgetproposition för 2021 innebar en förstärkning med en miljard kronor.",
                None,
            ),
            (
                "Kommunerna föreslås i budgetpropositionen för 2021 få 10 miljarder kronor, utöver höjningen på 12,5 miljarder kronor.",
                None,
            ),
            (
                "Först fanns 5 miljarder kronor, men sedan regeringen föreslagit ytterligare 5 miljarder kronor i höständringsbudgeten för 2020 uppgår summan till 10 miljarder kronor.",
                None,
            ),
        ];
        for &(text, want) in cases {
            assert_eq!(last_period_cued(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_share_glossing_the_amount_is_read_past_both_ways() {
        // (text, recipient, purpose), each as `words <cue>`
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>);
        let cases: &[Case<'_>] = &[
            (
                "Av dem gick 840 miljoner kronor, det vill säga 41 procent till projektmedel.",
                None,
                Some("projektmedel <till>"),
            ),
            (
                "Drygt 2,1 miljarder kronor (85 procent) har gått till enskilda regioner.",
                Some("enskilda regioner <till>"),
                None,
            ),
            (
                "Sammanlagt 397 miljoner kronor, drygt 19 procent av det totala stödbeloppet, gick till transportbidrag.",
                None,
                Some("transportbidrag <till>"),
            ),
            // Leaves alone: a parenthesis that is no share, and a share that says more than
            // how much of the whole.
            (
                "Sammanlagt 5 miljoner kronor (se tabell 3) gick till regionerna.",
                None,
                None,
            ),
            (
                "Sammanlagt 5 miljoner kronor, 32 procent högre än i fjol, gick till regionerna.",
                None,
                None,
            ),
        ];
        for &(text, r, u) in cases {
            let [got_r, _, got_u] = first(text);
            assert_eq!((got_r.as_deref(), got_u.as_deref()), (r, u), "{text}");
        }
    }

    #[test]
    fn grant_receivers_and_a_perfect_passive_agent_both_ways() {
        // (text, recipient, purpose), each as `words <cue>`
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>);
        let cases: &[Case<'_>] = &[
            (
                "Bland annat har 500 miljoner kronor anslagits till arrangörer och fria kulturskapare.",
                Some("arrangörer och fria kulturskapare <till>"),
                None,
            ),
            (
                "Nu har 80 miljoner kronor fördelats till enskilda konstnärer och kulturskapare.",
                Some("enskilda konstnärer och kulturskapare <till>"),
                None,
            ),
            (
                "Av dessa har 370 miljoner kronor fördelats av Statens kulturråd.",
                Some("Statens kulturråd <fördelats av>"),
                None,
            ),
            // Leaves alone: an activity (`till konstnärlig gestaltning`), and `av` after a verb
            // that names no agent (`minskats av`).
            (
                "Regeringen har avsatt 5 miljoner kronor till konstnärlig gestaltning.",
                None,
                Some("konstnärlig gestaltning <till>"),
            ),
            (
                "Anslaget har 5 miljoner kronor minskats av Statens kulturråd.",
                None,
                None,
            ),
        ];
        for &(text, r, u) in cases {
            let [got_r, _, got_u] = first(text);
            assert_eq!((got_r.as_deref(), got_u.as_deref()), (r, u), "{text}");
        }
    }

    #[test]
    fn a_subject_with_a_clause_or_apposition_before_its_verb_receives_both_ways() {
        // (text, recipient as `words <cue>`)
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Föreningen Skogsbrynet, med säte i Gällivare, får 45 000 kronor.",
                Some("Föreningen Skogsbrynet <får>"),
            ),
            (
                "Region Norrbotten, som ansvarar för hälso- och sjukvården, får 12 miljoner kronor.",
                Some("Region Norrbotten <får>"),
            ),
            (
                "Riksförbundet Unga Musikanter, en ideell organisation för unga musiker, tilldelas 300 000 kronor.",
                Some("Riksförbundet Unga Musikanter <tilldelas>"),
            ),
            // After `att`, a description before the name is no part of it.
            (
                "Utskottet beslutade att den ideella föreningen SMU, som driver ungdomsgården, beviljas driftsbidrag om 75 000 kronor.",
                Some("SMU <beviljas>"),
            ),
            (
                "Den lokala föreningen Friluftsfrämjandet Luleå får 30 000 kronor.",
                Some("Friluftsfrämjandet Luleå <får>"),
            ),
            // Leaves alone: a subject that decides, a list (no insertion), a description with a
            // preposition, an insertion holding a figure.
            (
                "Kommunstyrelsen, som sammanträdde den 4 maj, beslutade att avsätta 500 000 kronor.",
                None,
            ),
            ("Det ideella arbetet i Kommunen får 10 000 kronor.", None),
            (
                "Region Norrbotten, som fick 5 miljoner kronor 2023, får 12 miljoner kronor.",
                None,
            ),
        ];
        for &(text, want) in cases {
            let got = extract(text)
                .amounts
                .last()
                .and_then(|a| a.links.clone())
                .and_then(|l| l.recipient)
                .map(|r| spanned(text, &r));
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn money_named_as_itself_after_till_is_no_purpose_both_ways() {
        // (text, recipient, purpose), each as `words <cue>`.
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "Kommunstyrelsen beslutade att avsätta 1,5 miljoner kronor till ett särskilt stöd till föreningar som drabbats.",
                Some("föreningar <till>"),
                None,
            ),
            (
                "Nämnden avsätter 250 000 kronor till extra bidrag till studieförbunden.",
                Some("studieförbunden <till>"),
                None,
            ),
            (
                "Kommunen avsätter 90 000 kronor till stöd till kulturföreningar.",
                Some("kulturföreningar <till>"),
                None,
            ),
            // Leaves alone: what the money is for, and a kind of support with its own aim.
            (
                "Kommunen avsätter 300 000 kronor till renovering av badhuset.",
                None,
                Some("renovering av badhuset <till>"),
            ),
            (
                "Fritidsnämnden avsätter 150 000 kronor till ett särskilt stöd för unga ledare.",
                None,
                Some("ett särskilt stöd för unga ledare <till>"),
            ),
            // A compound kind of money alone before its receivers names the money too, as
            // after `för` (`för ersättning till landstingen`); with words of its use it is one.
            (
                "Kommunen avsätter 300 000 kronor till idrottsstöd till föreningar.",
                Some("föreningar <till>"),
                None,
            ),
            (
                "Kommunen avsätter 300 000 kronor till stöd åt unga ledare.",
                None,
                Some("stöd åt unga ledare <till>"),
            ),
        ];
        for &(text, recipient, purpose) in cases {
            let [r, _, u] = first(text);
            assert_eq!((r.as_deref(), u.as_deref()), (recipient, purpose), "{text}");
        }
    }

    #[test]
    fn a_yearly_amount_takes_the_years_later_in_its_sentence_both_ways() {
        // (text, period as `text from–to <cue>`)
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Utskottet beviljade att lokalen om 88 000 kronor/år fortsatt kommer att finansieras via medlen för åren 2024-2025.",
                Some("2024-2025 2024-01-01–2025-12-31 <för åren>"),
            ),
            (
                "Nämnden beslutade att bidraget om 120 000 kronor per år ska finansieras ur kulturbudgeten under åren 2024-2026.",
                Some("2024-2026 2024-01-01–2026-12-31 <under åren>"),
            ),
            // Leaves alone: a single year later on, a sum not per year, and years past another
            // amount or in the next sentence.
            (
                "Nämnden beslutade att bidraget om 120 000 kronor per år ska finansieras ur kulturbudgeten som beslutades under 2023.",
                None,
            ),
            (
                "Nämnden beslutade att bidraget om 120 000 kronor ska finansieras ur kulturbudgeten under åren 2024-2026.",
                None,
            ),
            (
                "Hyran om 45 000 kronor/år ersätts av ett bidrag om 60 000 kronor som betalas ut för åren 2024-2026.",
                None,
            ),
            (
                "Föreningen får 20 000 kronor per år. Avtalet gäller för åren 2023-2025.",
                None,
            ),
        ];
        for &(text, want) in cases {
            let [_, got, _] = first(text);
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_purpose_runs_on_through_och_and_a_second_noun_phrase_both_ways() {
        // (text, purpose as `words <cue>`)
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Regeringen betalar ut 2 miljarder kronor till regionerna för deras arbete med vårdköerna och den psykiatriska vården.",
                Some("deras arbete med vårdköerna och den psykiatriska vården <för>"),
            ),
            (
                "Kommunen avsätter 200 000 kronor för upprustning av spåren och det nya elljusspåret, som invigs i vår.",
                Some("upprustning av spåren och det nya elljusspåret <för>"),
            ),
            (
                "Regeringen avsätter 1 miljard kronor för den uppskjutna vården och den förlängda testningen.",
                Some("den uppskjutna vården och den förlängda testningen <för>"),
            ),
            // Leaves alone: `och` that opens a new clause, its subject a body or a noun phrase
            // a verb follows.
            (
                "Regeringen avsätter 500 miljoner kronor för arbetet med vaccinationer och regionerna får själva fördela medlen.",
                Some("arbetet med vaccinationer <för>"),
            ),
            (
                "Regeringen avsätter 100 miljoner kronor för arbetet med rekrytering och de anställda ska få utbildning.",
                Some("arbetet med rekrytering <för>"),
            ),
        ];
        for &(text, want) in cases {
            let [_, _, got] = first(text);
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_list_of_nouns_is_one_purpose_both_ways() {
        // (text, purpose as `words <cue>`)
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Regeringen betalar ut 500 miljoner kronor för krisstöd, samtalsstöd eller traumastöd.",
                Some("krisstöd, samtalsstöd eller traumastöd <för>"),
            ),
            (
                "Regeringen ger 5 miljoner kronor till lovskola, läxhjälp och sommarskola.",
                Some("lovskola, läxhjälp och sommarskola <till>"),
            ),
            // Leaves alone: a comma before a new clause or a time, and a list that never closes.
            (
                "Regeringen ger 5 miljoner kronor för krisstöd, vilket välkomnas av kommunerna.",
                Some("krisstöd <för>"),
            ),
            (
                "Regeringen ger 5 miljoner kronor för krisstöd, under 2021.",
                Some("krisstöd <för>"),
            ),
            (
                "Regeringen ger 5 miljoner kronor till kulturverksamhet, ersättningar och bidrag till konstnärer.",
                Some("kulturverksamhet <till>"),
            ),
            (
                "Regeringen ger 5 miljoner kronor för krisstöd, stödet betalas ut i december.",
                Some("krisstöd <för>"),
            ),
        ];
        for &(text, want) in cases {
            let [_, _, got] = first(text);
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn running_text_wider_wording() {
        // (text, recipient, period, purpose), each link as `words <cue>`.
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            // A giving verb's indirect object, the money's kind named before the amount; not a
            // body the verb gives a task.
            (
                "Nämnden beslutar att bevilja Skånes Ryttarförening ett bidrag om 80 000 kronor.",
                Some("Skånes Ryttarförening <bevilja>"),
                None,
                None,
            ),
            (
                "Länsstyrelsen beviljar Hembygdsföreningen Gillet stöd med 250 000 kronor.",
                Some("Hembygdsföreningen Gillet <beviljar>"),
                None,
                None,
            ),
            (
                "Regeringen ger Boverket i uppdrag att betala ut 40 miljoner kronor.",
                None,
                None,
                None,
            ),
            // A purpose goes on through `med` and through `inom` a named field; not into a
            // frame, a ground or a hedge.
            (
                "Vi avsätter 36 miljoner kronor för arbetet med kompetensförsörjning.",
                None,
                None,
                Some("arbetet med kompetensförsörjning <för>"),
            ),
            (
                "Vi avsätter 9 miljoner kronor för insatser inom psykiatrin.",
                None,
                None,
                Some("insatser inom psykiatrin <för>"),
            ),
            (
                "Vi avsätter 9 miljoner kronor för insatser inom ramen för anslaget.",
                None,
                None,
                Some("insatser <för>"),
            ),
            (
                "Vi avsätter 9 miljoner kronor för insatser med anledning av pandemin.",
                None,
                None,
                Some("insatser <för>"),
            ),
            (
                "Vi avsätter 730 miljoner kronor för utvecklingsarbete inom olika områden.",
                None,
                None,
                Some("utvecklingsarbete <för>"),
            ),
            // Recipients counted in words, after an article, a place before its kind of body.
            (
                "Fem regioner får 40 miljoner kronor.",
                Some("Fem regioner <får>"),
                None,
                None,
            ),
            (
                "Vi avsätter 20 miljoner kronor i riktat stöd till de ideella föreningarna.",
                Some("de ideella föreningarna <till>"),
                None,
                None,
            ),
            (
                "Det blir 9 miljoner kronor till Vimmerby kommun.",
                Some("Vimmerby kommun <till>"),
                None,
                None,
            ),
            // A list item: an organisation, `:` or `,`, the amount; not a total's label.
            // An association by its last word or by its first; not a kind of money.
            (
                "- Ystads Konstförening, 30 000 kronor\n",
                Some("Ystads Konstförening <,>"),
                None,
                None,
            ),
            (
                "- Teaterföreningen Scenen, 45 000 kronor\n",
                Some("Teaterföreningen Scenen <,>"),
                None,
                None,
            ),
            ("- Föreningsbidrag, 45 000 kronor\n", None, None, None),
            // A line of a name and its amount alone, as grant lists print them.
            (
                "Följande bidrag beviljas:\nHembygdsföreningen 12 500 kr\nIdrottsklubben 30 000 kr\n",
                Some("Hembygdsföreningen <Hembygdsföreningen>"),
                None,
                None,
            ),
            (
                "Föreningsbidrag 45 000 kronor\nTotalt 50 000 kr\n",
                None,
                None,
                None,
            ),
            (
                "Hembygdsföreningen får 12 500 kr\n",
                Some("Hembygdsföreningen <får>"),
                None,
                None,
            ),
            (
                "• Miljönämnden: 3 miljoner kronor\n",
                Some("Miljönämnden <:>"),
                None,
                None,
            ),
            (
                "  • Sociala omsorgsnämnden: 3 miljoner kronor\n",
                Some("Sociala omsorgsnämnden <:>"),
                None,
                None,
            ),
            (
                "- Vimmerby kommun, 2,5 miljoner kronor (sökt 4 mnkr)\n",
                Some("Vimmerby kommun <,>"),
                None,
                None,
            ),
            ("• Totalt: 3 miljoner kronor\n", None, None, None),
            ("• Lokaler: 3 miljoner kronor\n", None, None, None),
            // `för X del`: X's share.
            (
                "För Umeås del blir det 12 miljoner kronor.",
                Some("Umeås <För Umeås del>"),
                None,
                None,
            ),
            // A bare year closing the clause; not a year that goes on (`2022 års priser`).
            (
                "Sammanlagt får Tullverket 80 miljoner kronor 2022.",
                Some("Tullverket <får>"),
                Some("2022 2022-01-01–2022-12-31 <2022>"),
                None,
            ),
            (
                "Kostnaden är 80 miljoner kronor 2022 års priser.",
                None,
                None,
                None,
            ),
            // A source is skipped; two consecutive years are one period, two apart are not.
            (
                "Tullverket tillförs 40 mnkr från Kustbevakningen för ökade kostnader under 2020 och 2021.",
                Some("Tullverket <tillförs>"),
                Some("2020 och 2021 2020-01-01–2021-12-31 <under>"),
                Some("ökade kostnader <för>"),
            ),
            (
                "Vi ger 40 mnkr för ökade kostnader under 2020 och 2023.",
                None,
                Some("2020 2020-01-01–2020-12-31 <under>"),
                Some("ökade kostnader <för>"),
            ),
            // Which money (`av anslagets medel`, `i … stöd`) is skipped, an auxiliary too.
            (
                "Högst 2 000 000 kronor av anslagets medel får användas för administrativa kostnader.",
                None,
                None,
                Some("administrativa kostnader <för>"),
            ),
            (
                "Minst 500 000 kronor ska användas till handledning.",
                None,
                None,
                Some("handledning <till>"),
            ),
            // A purpose ends before a budget document and a second `till` phrase, but a noun of
            // support takes its `till`; `i samband med` goes on.
            (
                "Det blir 5 miljoner kronor till kulturen i vårändringsbudgeten.",
                None,
                None,
                Some("kulturen <till>"),
            ),
            (
                "Totalt 6 miljoner kronor avsätts i stöd till kulturlivet till konstnärer.",
                Some("konstnärer <till>"),
                None,
                Some("kulturlivet <till>"),
            ),
            (
                "Därefter går 8 mnkr till bidrag till lokala museer.",
                None,
                None,
                Some("bidrag till lokala museer <till>"),
            ),
            (
                "Vi avsätter 3 miljoner kronor för utbildning i samband med flytten.",
                None,
                None,
                Some("utbildning i samband med flytten <för>"),
            ),
            // `för att` + a short verb phrase: the aim; a long one is left alone.
            (
                "Kommunerna får 60 miljoner kronor för att stärka arbetet med civilt försvar.",
                Some("Kommunerna <får>"),
                None,
                Some("stärka arbetet med civilt försvar <för att>"),
            ),
            (
                "Vi ger 6 miljoner kronor för att man ska kunna anställa fler personer i hela landet under lång tid framöver med god kvalitet.",
                None,
                None,
                None,
            ),
            // A sentence adverb before the subject; a subject that distributes disposes.
            (
                "Även länsstyrelserna får 15 miljoner kronor.",
                Some("länsstyrelserna <får>"),
                None,
                None,
            ),
            (
                "Trafikverket fördelar 825 miljoner kronor till cykeltrafik via nya avtal.",
                Some("Trafikverket <fördelar>"),
                None,
                Some("cykeltrafik <till>"),
            ),
            // A list that is the genitive of a noun is no recipient, nor a purpose's start.
            (
                "Det blir 75 miljoner kronor till kommuner, landsting och länsstyrelsers arbete.",
                None,
                None,
                None,
            ),
            // A compound recipient noun after a genitive; a plural recipient's place.
            (
                "Ett stöd på 50 miljoner kronor till civilsamhällets barn- och ungdomsorganisationer.",
                Some("civilsamhällets barn- och ungdomsorganisationer <till>"),
                None,
                None,
            ),
            (
                "Därtill går 80 miljoner kronor till organisationer i civilsamhället som arbetar med utsatta.",
                Some("organisationer i civilsamhället <till>"),
                None,
                None,
            ),
            (
                "Därtill går 20 miljoner kronor till Länsstyrelsen i Stockholms län för tillsyn.",
                Some("Länsstyrelsen i Stockholms län <till>"),
                None,
                Some("tillsyn <för>"),
            ),
            (
                "Därtill går 20 miljoner kronor till Länsstyrelsen i Stockholm, som lägger fram en plan.",
                Some("Länsstyrelsen i Stockholm <till>"),
                None,
                None,
            ),
            (
                "Därtill går 80 miljoner kronor till kommunerna i vårändringsbudgeten.",
                Some("kommunerna <till>"),
                None,
                None,
            ),
            // Examples are not the purpose; `på åren` names a period.
            (
                "Därtill ges 9 miljoner kronor för bland annat cykelåtgärder.",
                None,
                None,
                None,
            ),
            (
                "Stödet är 825 miljoner kronor fördelat på åren 2018–2023.",
                None,
                Some("2018–2023 2018-01-01–2023-12-31 <på åren>"),
                None,
            ),
            (
                "Stödet till kollektivtrafikåtgärder är 568,5 miljoner kronor.",
                None,
                None,
                Some("kollektivtrafikåtgärder <till>"),
            ),
            // `stöd till X på AMOUNT`; another noun's `till` phrase is no purpose.
            (
                "Regeringen ger ett stöd till idrotten på 300 miljoner kronor.",
                None,
                None,
                Some("idrotten <till>"),
            ),
            (
                "Regeringen skickar en skrivelse till idrotten på 300 miljoner kronor.",
                None,
                None,
                None,
            ),
        ];
        for &(text, r, p, u) in cases {
            assert_links(text, r, p, u);
        }
    }

    #[test]
    fn running_text_administrative_wording() {
        // (text, recipient, period, purpose), each link as `words <cue>`. Each rule is shown
        // linking, then on a like sentence where it must not.
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            // A year's budget document is no period, an ordinal no purpose, a lead word with a
            // body but no receiving verb no recipient, and a sentence ending after an
            // abbreviation ends there.
            (
                "Enligt 2021 års budgetproposition satsas 5 miljoner kronor.",
                None,
                None,
                None,
            ),
            (
                "Regeringen avsätter 5 miljoner kronor för det första.",
                None,
                None,
                None,
            ),
            (
                "Enligt beslutet ska Region Kronoberg redovisa 2,5 mkr.",
                None,
                None,
                None,
            ),
            (
                "Stödet gäller t.o.m. 2021. Nu får regionen 3 miljoner kronor.",
                Some("regionen <får>"),
                None,
                None,
            ),
            // A passive of compensation: a body is paid, costs are not.
            (
                "Enligt beslutet ska Region Kronoberg ersättas med 2,5 mkr för det utökade ansvaret.",
                Some("Region Kronoberg <ersättas>"),
                None,
                Some("det utökade ansvaret <för>"),
            ),
            (
                "Enligt beslutet ska resekostnader ersättas med 2,5 mkr.",
                None,
                None,
                None,
            ),
            (
                "Resekostnader ersätts med högst 500 kronor per dag.",
                None,
                None,
                None,
            ),
            // Receiving verbs with the subject after a fronted verb or after `att`.
            (
                "Kommunen beviljas ett bidrag om 300 000 kronor.",
                Some("Kommunen <beviljas>"),
                None,
                None,
            ),
            (
                "Dessutom har Sametinget beviljats 2 miljoner kronor.",
                Some("Sametinget <beviljats>"),
                None,
                None,
            ),
            (
                "Regeringen har beslutat att Kriminalvården får disponera 4 miljoner kronor.",
                Some("Kriminalvården <får>"),
                None,
                None,
            ),
            (
                "Regeringen har beslutat att resan får kosta 4 miljoner kronor.",
                None,
                None,
                None,
            ),
            // A money noun's `till`/`för` phrase as the subject of the amount's predicate.
            (
                "Ersättningen till Region Kronoberg minskar med 10 mkr år 2019.",
                Some("Region Kronoberg <till>"),
                Some("2019 2019-01-01–2019-12-31 <år>"),
                None,
            ),
            (
                "Bidraget till kommunerna uppgår till 40 miljoner kronor.",
                Some("kommunerna <till>"),
                None,
                None,
            ),
            (
                "Kostnaden för resan till Region Kronoberg ökade med 10 mkr.",
                None,
                None,
                None,
            ),
            (
                "Stödet till Nämnden för stöd till trossamfund höjs med 2 mkr.",
                Some("Nämnden för stöd till trossamfund <till>"),
                None,
                None,
            ),
            (
                "Anslaget för Polismyndigheten uppgår till 30 miljoner kronor.",
                Some("Polismyndigheten <för>"),
                None,
                None,
            ),
            (
                "Stödet för kommunerna uppgår till 30 miljoner kronor.",
                None,
                None,
                None,
            ),
            // Its predicate first, after a fronted phrase.
            (
                "Genom propositionen höjs anslaget för Polismyndigheten med 2 miljarder kronor.",
                Some("Polismyndigheten <för>"),
                None,
                None,
            ),
            (
                "För 2019 höjs bidraget till kommunerna med 30 miljoner kronor.",
                Some("kommunerna <till>"),
                Some("2019 2019-01-01–2019-12-31 <För>"),
                None,
            ),
            // Not a money noun's phrase, and not a recipient's.
            (
                "Genom propositionen höjs kostnaden för resan till Region Kronoberg med 10 mkr.",
                None,
                None,
                None,
            ),
            (
                "Genom propositionen höjs anslaget för bredbandsutbyggnad med 30 miljoner kronor.",
                None,
                None,
                None,
            ),
            (
                "Främjandestödet till företag uppgick till 238 miljoner kronor.",
                None,
                None,
                None,
            ),
            (
                "Anslaget för bredbandsutbyggnad uppgår till 30 miljoner kronor.",
                None,
                None,
                Some("bredbandsutbyggnad <för>"),
            ),
            (
                "Anslaget för 2021 uppgår till 30 miljoner kronor.",
                None,
                Some("2021 2021-01-01–2021-12-31 <för>"),
                None,
            ),
            // `Till X` + a verb's own preposition.
            (
                "Till kommunerna lämnas ett bidrag om 5 miljoner kronor.",
                Some("kommunerna <Till>"),
                None,
                None,
            ),
            // Verbs of paying out and sharing, after the amount.
            (
                "Totalt 6 miljoner kronor lämnas till Skolverket.",
                Some("Skolverket <till>"),
                None,
                None,
            ),
            (
                "Medlen om 3 miljoner kronor betalas ut till Kammarkollegiet.",
                Some("Kammarkollegiet <till>"),
                None,
                None,
            ),
            (
                "Beloppet 12 miljoner kronor fördelas mellan regionerna.",
                Some("regionerna <fördelas mellan>"),
                None,
                None,
            ),
            (
                "Skillnaden mellan regionerna är 12 miljoner kronor.",
                None,
                None,
                None,
            ),
            (
                "Hela 8 miljoner kronor tillfaller Region Gotland.",
                Some("Region Gotland <tillfaller>"),
                None,
                None,
            ),
            (
                "Hela 8 miljoner kronor tillfaller staten.",
                None,
                None,
                None,
            ),
            (
                "Medlen på 5 miljoner kronor ställs till Länsstyrelsens förfogande.",
                Some("Länsstyrelsen <till Länsstyrelsens förfogande>"),
                None,
                None,
            ),
            (
                "Rummet för 5 miljoner kronor ställs till allmänhetens förfogande.",
                None,
                None,
                None,
            ),
            // Periods: a noun of time joins its cue; both ends of `från och med … till och
            // med`, never one; a year's money (`2021 års anslag`), never its prices.
            (
                "Skolverket får 40 miljoner kronor för budgetåret 2022.",
                Some("Skolverket <får>"),
                Some("2022 2022-01-01–2022-12-31 <för budgetåret>"),
                None,
            ),
            (
                "Från och med 2022 till och med 2024 får Sametinget 4 miljoner kronor per år.",
                Some("Sametinget <får>"),
                Some("2022 till och med 2024 2022-01-01–2024-12-31 <Från och med>"),
                None,
            ),
            (
                "Fr.o.m. 2021 t.o.m. 2023 får Sametinget 4 mnkr per år.",
                Some("Sametinget <får>"),
                Some("2021 t.o.m. 2023 2021-01-01–2023-12-31 <Fr.o.m.>"),
                None,
            ),
            (
                "Från och med 2022 får Sametinget 4 miljoner kronor per år.",
                Some("Sametinget <får>"),
                None,
                None,
            ),
            (
                "Från och med den 1 juli 2022 får Sametinget 4 miljoner kronor per år.",
                Some("Sametinget <får>"),
                None,
                None,
            ),
            (
                "Huvudmännen får 2 miljoner kronor under läsåret 2020/21.",
                Some("Huvudmännen <får>"),
                Some("2020/21 2020-01-01–2021-12-31 <under läsåret>"),
                None,
            ),
            (
                "Skolverket får 5 miljoner kronor för åren 2021–2023.",
                Some("Skolverket <får>"),
                Some("2021–2023 2021-01-01–2023-12-31 <för åren>"),
                None,
            ),
            (
                "Av 2021 års anslag får 5 miljoner kronor användas för administration.",
                None,
                Some("2021 2021-01-01–2021-12-31 <års>"),
                Some("administration <för>"),
            ),
            (
                "Kostnaden är 80 miljoner kronor i 2021 års priser.",
                None,
                None,
                None,
            ),
            // Purposes: `avser`, `i form av` (not a kind of money), an article's noun phrase
            // (not a time).
            (
                "Högst 2 miljoner kronor avser administration.",
                None,
                None,
                Some("administration <avser>"),
            ),
            (
                "Högst 2 miljoner kronor avser 2022.",
                None,
                Some("2022 2022-01-01–2022-12-31 <avser>"),
                None,
            ),
            (
                "Stödet lämnas med 4 miljoner kronor i form av rådgivning.",
                None,
                None,
                Some("rådgivning <i form av>"),
            ),
            (
                "Regionerna får 4 miljoner kronor i form av statsbidrag.",
                Some("Regionerna <får>"),
                None,
                None,
            ),
            (
                "Kommunerna har fått 5 miljoner kronor för de senaste åren.",
                Some("Kommunerna <fått>"),
                None,
                None,
            ),
        ];
        for &(text, r, p, u) in cases {
            assert_links(text, r, p, u);
        }
    }

    #[test]
    fn line_layouts() {
        // One cell per line under the organisation's name.
        let text = "Socialnämnden\n\n9 mkr\n\n6 mkr\n\nMiljönämnden\n\n2 mkr\n";
        let x = extract(text);
        let r: Vec<_> = x
            .amounts
            .iter()
            .map(|a| spanned(text, a.links.as_ref().unwrap().recipient.as_ref().unwrap()))
            .collect();
        assert_eq!(
            r,
            [
                "Socialnämnden <Socialnämnden>",
                "Socialnämnden <Socialnämnden>",
                "Miljönämnden <Miljönämnden>"
            ]
        );
        // A form's applicant.
        let text = "Projekt Blå\n\nSökande: Umeå kommun\nBeviljat belopp: 400 000 kr\n";
        assert_links(text, Some("Umeå kommun <Sökande:>"), None, None);
        // A labelled line item.
        let text = "Utgifter:\nÖverföring till Länsstyrelsen för tillsyn: -1,5 Mkr\n";
        assert_links(
            text,
            Some("Länsstyrelsen <till>"),
            None,
            Some("tillsyn <för>"),
        );
        // A body named in lower case by its kind, in a label only.
        let text = "Kostnader:\nBidrag till tandvården för samtal: -0,8 Mkr\n";
        assert_links(text, Some("tandvården <till>"), None, Some("samtal <för>"));
        let text = "Kostnader:\nBidrag till lokaler för samtal: -0,8 Mkr\n";
        assert_links(text, None, None, Some("samtal <för>"));
        // A plain line above is no label.
        let text = "Det här är en mening om pengar.\n\n9 mkr\n";
        assert_links(text, None, None, None);
        // A grant list's line: an organisation number before the name is no part of it; a
        // number of another form is no organisation number, and leaves the line no one's.
        let text = "Beviljade bidrag\n\n802002-8711 Ystads Konstförening    30 000 kr\n";
        assert_links(
            text,
            Some("Ystads Konstförening <Ystads Konstförening>"),
            None,
            None,
        );
        let text = "Beviljade bidrag\n\n2002-8711 Ystads Konstförening    30 000 kr\n";
        assert_links(text, None, None, None);
        // A federation (`Riksförbund`); a common noun ending alike is none.
        let text = "• Hjärt- och Lungsjukas Riksförbund, 410 000 kronor\n";
        assert_links(
            text,
            Some("Hjärt- och Lungsjukas Riksförbund <,>"),
            None,
            None,
        );
        let text = "• Ett nytt samarbete med ett förbund, 320 000 kronor\n";
        assert_links(text, None, None, None);
    }

    #[test]
    fn villkor_link_both_ways() {
        let text =
            "Villkor 2 Stöd till anhöriga\n\nTotalt 30 miljoner kronor avsätts inom villkor 2.";
        let x = extract(text);
        let Some(v) = x.villkor.iter().find(|v| v.number == 2) else {
            return; // the villkor reader decides; nothing to link then
        };
        for &i in &v.amounts {
            let l = x.amounts[i].links.as_ref().and_then(|l| l.villkor).unwrap();
            assert_eq!((l.number, l.cue.start, l.cue.end), (2, v.start, v.end));
        }
    }

    #[track_caller]
    fn assert_date_of(text: &str, of: Option<&str>) {
        let x = extract(text);
        let got = x
            .dates
            .first()
            .and_then(|d| d.of.as_ref())
            .map(|l| spanned(text, l));
        assert_eq!(got.as_deref(), of, "{text:?}");
    }

    #[test]
    fn dates() {
        assert_date_of(
            "Kommunerna lämnar sin redovisning till Skolverket senast den 15 december 2022.",
            Some("Kommunerna lämnar sin redovisning till Skolverket <senast den>"),
        );
        assert_date_of(
            "Styrelsen beslutade den 3 maj 2021 att avsluta projektet.",
            Some("Styrelsen beslutade <den>"),
        );
        assert_date_of(
            "Senast den 1 mars 2023 ska ansökan ha kommit in.",
            Some("ska ansökan ha kommit in <Senast den>"),
        );
        assert_date_of(
            "Förordningen träder i kraft den 1 juli 2022.",
            Some("Förordningen <träder i kraft den>"),
        );
        // A date with no role has no `of`.
        assert_date_of("Mötet hölls den 3 maj 2021 i Umeå.", None);
    }

    #[test]
    fn a_time_after_an_amount_is_that_amounts() {
        let text = "Det blir 100 miljoner kronor för 2022, utöver 212 miljoner kronor.";
        let x = extract(text);
        let periods: Vec<Option<String>> = x
            .amounts
            .iter()
            .map(|a| {
                a.links
                    .as_ref()
                    .and_then(|l| l.period.as_ref())
                    .map(|p| p.text.clone())
            })
            .collect();
        assert_eq!(periods, [Some("2022".to_string()), None]);
        // A time that opens the sentence is every amount's.
        let text = "För 2022 ges 100 miljoner kronor och 212 miljoner kronor.";
        let x = extract(text);
        assert!(x.amounts.iter().all(|a| {
            a.links
                .as_ref()
                .and_then(|l| l.period.as_ref())
                .map(|p| p.text.as_str())
                == Some("2022")
        }));
    }

    #[test]
    fn char_text_reads_as_a_vec_of_chars_would() {
        for text in [
            "",
            "a",
            "Bidrag till Försäkringskassan\n\nåäö 2020–2021 ✓\nslut",
            "ap.31 Öst (ram) 0\n\u{c}ap.31.1 Öst (ram)\n0\u{c}",
            &"Medlen fördelas till regionerna.\n".repeat(9),
            &"ö".repeat(70),
        ] {
            let t = super::CharText::new(text);
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(t.len(), chars.len(), "{text:?}");
            for i in 0..=chars.len() + 1 {
                assert_eq!(t.get(i), chars.get(i).copied(), "{text:?} {i}");
                let nl = (i..chars.len()).find(|&c| matches!(chars[c], '\n' | '\u{c}'));
                assert_eq!(t.find_newline(i), nl, "{text:?} {i}");
                if i <= chars.len() {
                    let ls = (0..i)
                        .rev()
                        .find(|&c| matches!(chars[c], '\n' | '\u{c}'))
                        .map_or(0, |c| c + 1);
                    assert_eq!(t.line_start(i), ls, "{text:?} {i}");
                }
                for j in i..=chars.len() {
                    let s: String = chars[i..j].iter().collect();
                    assert_eq!(t.range(i, j), Some(s.as_str()), "{text:?} {i} {j}");
                }
            }
            assert_eq!(t.range(0, chars.len() + 1), None);
            assert_eq!(t.range(1, 0), None);
            assert_eq!(t.at(chars.len()), '\0');
        }
    }

    #[test]
    fn tokens_give_back_the_kind_they_were_made_with() {
        use super::{Kind, Lower, Tok};
        let last = Lower::LIMIT - 1;
        let kinds = [
            Kind::Word(Lower::new(0, false)),
            Kind::Word(Lower::new(last as usize, false)),
            Kind::Word(Lower::new(0, true)),
            Kind::Word(Lower::new(last as usize, true)),
            Kind::Word(Lower::NONE),
            Kind::Punct('.'),
            Kind::Punct('–'),
            Kind::Punct(char::MAX),
            Kind::Newline,
            Kind::Amount(0),
            Kind::Amount(Tok::INDEX),
            Kind::Period(7),
            Kind::Period(Tok::INDEX),
            Kind::Date(0),
            Kind::Date(Tok::INDEX),
        ];
        for kind in kinds {
            let t = Tok::new(kind, 3, 9);
            assert_eq!((t.kind(), t.start(), t.end()), (kind, 3, 9), "{kind:?}");
            assert_eq!(t.is_word(), matches!(kind, Kind::Word(_)), "{kind:?}");
        }
        // An offset the packing cannot hold reads as no word, never as another word's.
        for own in [false, true] {
            assert_ne!(Lower::new(last as usize, own), Lower::NONE);
            assert_eq!(Lower::new(Lower::LIMIT as usize, own), Lower::NONE);
            assert_eq!(Lower::new(u32::MAX as usize + 5, own), Lower::NONE);
        }
    }

    #[test]
    fn words_read_in_lower_case_from_the_text_or_a_copy() {
        // A long document has a token every few characters: they stay twelve bytes.
        assert_eq!(std::mem::size_of::<super::Tok>(), 12);
        let text = "Till Socialstyrelsen avsätts ǅ-stöd, ÖVERSTYRELSEN och barn- och unga";
        let doc = super::Doc::new(text, &[], &[], &[]);
        let words: Vec<String> = (0..doc.toks.len())
            .filter(|&p| doc.toks[p].is_word())
            .map(|p| doc.word(p).as_str().to_string())
            .collect();
        let expected: Vec<String> = [
            "Till",
            "Socialstyrelsen",
            "avsätts",
            "ǅ-stöd",
            "ÖVERSTYRELSEN",
            "och",
            "barn-",
            "och",
            "unga",
        ]
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
        assert_eq!(words, expected);
        // Anything but a word reads as none, past the end too.
        assert_eq!(doc.word(4).as_str(), "");
        assert_eq!(doc.word(doc.toks.len()).as_str(), "");
        // Only the words not written in lower case are copied.
        assert_eq!(
            doc.lowered,
            "till\0socialstyrelsen\0ǆ-stöd\0överstyrelsen\0"
        );
    }

    #[test]
    fn headers_match_across_lines() {
        let text = "Budget\n2025 och Plan 2026";
        let doc = super::Doc {
            chars: super::CharText::new(text),
            toks: Vec::new(),
            periods: &[],
            lowered: String::new(),
        };
        let n = text.chars().count();
        assert_eq!(doc.find_loose("Budget 2025", 0, n), Some((0, 11)));
        assert_eq!(doc.find_loose("Plan 2026", 0, n), Some((16, 25)));
        assert_eq!(doc.find_loose("Budget 2026", 0, n), None);
        // No white space where the header has some.
        assert_eq!(doc.find_loose("och Plan", 0, 14), None);
    }

    #[test]
    fn a_label_column_of_activities_gives_each_row_its_purpose() {
        let text = "Kostnader (mnkr)\nVerksamhet 2022 2023\nFörskola 120 130\nGrundskola 340 350\nTotalt 460 480\n";
        assert_eq!(
            cell_links(text, purpose_of),
            [
                cell("120", Some("Förskola")),
                cell("130", Some("Förskola")),
                cell("340", Some("Grundskola")),
                cell("350", Some("Grundskola")),
                cell("460", None),
                cell("480", None),
            ]
        );
        // A label column that names no activity says nothing of what the money is for.
        let text = "Kostnader (mnkr)\nRad 2022 2023\nFörskola 120 130\nGrundskola 340 350\nTotalt 460 480\n";
        let got = cell_links(text, purpose_of);
        assert_eq!(got.len(), 6);
        assert!(got.iter().all(|(_, u)| u.is_none()), "{got:?}");
    }

    /// Each table cell of `text` with the words of the link `pick` chooses.
    fn cell_links(
        text: &str,
        pick: impl Fn(&AmountLinks) -> Option<String>,
    ) -> Vec<(String, Option<String>)> {
        extract(text)
            .amounts
            .iter()
            .filter(|a| a.cell.is_some())
            .map(|a| (a.text.clone(), a.links.as_ref().and_then(&pick)))
            .collect()
    }

    fn recipient_of(l: &AmountLinks) -> Option<String> {
        l.recipient.as_ref().map(|r| r.text.clone())
    }

    fn purpose_of(l: &AmountLinks) -> Option<String> {
        l.purpose.as_ref().map(|r| r.text.clone())
    }

    fn cell(text: &str, link: Option<&str>) -> (String, Option<String>) {
        (text.to_string(), link.map(str::to_string))
    }

    #[test]
    fn table_blocks_under_an_organisation() {
        let text = "Budget per nämnd\n\n(mnkr) Budget\n2024\nPlan\n2025\nKulturnämnd\nBibliotek 10,0 11,0\nIntäkter -2,0 -2,5\nSumma 8,0 8,5\n\nMiljönämnd\nTillsyn 5,0 6,0\nSumma 5,0 6,0\n\nTOTALT 13,0 14,5\n";
        let x = extract(text);
        let cells: Vec<[Option<String>; 4]> = x
            .amounts
            .iter()
            .filter(|a| a.cell.is_some())
            .map(|a| {
                let l = a.links.clone().unwrap_or_default();
                [
                    Some(a.text.clone()),
                    l.recipient.map(|r| spanned(text, &r)),
                    l.period.map(|p| p.text),
                    l.purpose.map(|r| r.text),
                ]
            })
            .collect();
        let has = |v: &str, r: Option<&str>, p: Option<&str>, u: Option<&str>| {
            let want = [Some(v), r, p, u].map(|o| o.map(str::to_string));
            assert!(cells.contains(&want), "{want:?} in {cells:?}");
        };
        has(
            "10,0",
            Some("Kulturnämnd <Kulturnämnd>"),
            Some("2024"),
            Some("Bibliotek"),
        );
        has(
            "11,0",
            Some("Kulturnämnd <Kulturnämnd>"),
            Some("2025"),
            Some("Bibliotek"),
        );
        // An accounting line is no purpose; a bare `Summa` is the block's whole.
        has(
            "-2,0",
            Some("Kulturnämnd <Kulturnämnd>"),
            Some("2024"),
            None,
        );
        has("8,0", Some("Kulturnämnd <Kulturnämnd>"), Some("2024"), None);
        has(
            "5,0",
            Some("Miljönämnd <Miljönämnd>"),
            Some("2024"),
            Some("Tillsyn"),
        );
        // The grand total after the blocks' sums is no block's.
        has("13,0", None, Some("2024"), None);
    }

    #[test]
    fn a_heading_row_whose_figures_sum_its_block_heads_it_both_ways() {
        // A nämnd row with its own sub-total over its verksamheter: it is their recipient.
        let text = "Nettokostnad per nämnd och verksamhet (tkr)\n\nVerksamhet  2024  2025\n\nKommunstyrelsen  130 000  140 000\n  Politisk verksamhet  30 000  40 000\n  Kultur och fritid  100 000  100 000\n\nMiljönämnden  57 000  60 000\n  Miljöskydd  57 000  60 000\n\nTotalt  187 000  200 000\n";
        assert_eq!(
            cell_links(text, recipient_of),
            vec![
                cell("130 000", Some("Kommunstyrelsen")),
                cell("140 000", Some("Kommunstyrelsen")),
                cell("30 000", Some("Kommunstyrelsen")),
                cell("40 000", Some("Kommunstyrelsen")),
                cell("100 000", Some("Kommunstyrelsen")),
                cell("100 000", Some("Kommunstyrelsen")),
                cell("57 000", Some("Miljönämnden")),
                cell("60 000", Some("Miljönämnden")),
                cell("57 000", Some("Miljönämnden")),
                cell("60 000", Some("Miljönämnden")),
                cell("187 000", None),
                cell("200 000", None),
            ]
        );
        assert_eq!(
            cell_links(text, purpose_of)[2],
            cell("30 000", Some("Politisk verksamhet"))
        );
        // Figures that are no sum of the rows under them head no block: the rows after a
        // nämnd in a list of nämnder are no verksamheter of it.
        let text = "Nettokostnad per nämnd och verksamhet (tkr)\n\nVerksamhet  2024  2025\n\nKommunstyrelsen  130 000  140 000\nPolitisk verksamhet  30 000  40 000\nKultur och fritid  90 000  100 000\n";
        assert_eq!(
            cell_links(text, recipient_of)[2..],
            [
                cell("30 000", None),
                cell("40 000", None),
                cell("90 000", None),
                cell("100 000", None),
            ]
        );
    }

    #[test]
    fn labels_read_a_column_before_their_figures_keep_their_caption_heading_both_ways() {
        // OCR that reads a page column by column: each nämnd's labels under its heading, the
        // figures far below. The reader opens a table per nämnd under a caption ending with it.
        let text = "Nettokostnad per nämnd och verksamhet\n\n(tkr)\n\nKultur- och fritidsnämnd\nBibliotek\n\nFritidsgårdar\nSumma\n\nMiljönämnd\nMiljötillsyn\nSumma\n\nBudget 2025 Budget 2026\n\n5 300 5 450\n\n2 100 2 250\n7 400 7 700\n\n3 900 4 050\n3 900 4 050\n";
        let recipients = cell_links(text, recipient_of);
        assert_eq!(
            recipients[..2],
            [
                cell("5 300", Some("Kultur- och fritidsnämnd")),
                cell("5 450", Some("Kultur- och fritidsnämnd")),
            ]
        );
        assert_eq!(recipients.last(), Some(&cell("4 050", Some("Miljönämnd"))));
        assert_eq!(
            cell_links(text, purpose_of)[2],
            cell("2 100", Some("Fritidsgårdar"))
        );
        // A caption ending with no organisation's name gives the rows no one.
        let text = text.replace("Kultur- och fritidsnämnd", "Fritid och kultur");
        assert_eq!(
            cell_links(&text, recipient_of)[..2],
            [cell("5 300", None), cell("5 450", None)]
        );
    }

    #[test]
    fn a_label_repeated_in_a_later_block_is_its_own_blocks_both_ways() {
        // OCR that reads a page column by column: every nämnd's labels, then all the figures.
        // `Politisk verksamhet` and `Fritidsverksamhet` stand in both blocks; the copy nearest
        // the figures is the later block's, with that block's other labels between.
        let text = "Driftbudget per nämnd\n\n(mnkr)\n\nKommunstyrelse\n\nPolitisk verksamhet\nFritidsverksamhet\n\nRäddningstjänst\nSumma\n\nTeknisk nämnd\n\nPolitisk verksamhet\nGator och vägar\nFritidsverksamhet\nSumma\n\nBudget 2024 Budget 2025\n\n8,8 8,2\n0,3 0,4\n16,4 16,9\n25,5 25,5\n\n1,0 1,2\n30,1 31,0\n4,2 4,4\n35,3 36,6\n";
        let recipients = cell_links(text, recipient_of);
        let ks = Some("Kommunstyrelse");
        let tn = Some("Teknisk nämnd");
        assert_eq!(
            recipients[..4],
            [
                cell("8,8", ks),
                cell("8,2", ks),
                cell("0,3", ks),
                cell("0,4", ks)
            ]
        );
        assert_eq!(recipients[8..10], [cell("1,0", tn), cell("1,2", tn)]);
        assert_eq!(recipients[12..14], [cell("4,2", tn), cell("4,4", tn)]);
        // One label a line right above its figures: the nearest copy is the row's.
        let text = "Bidrag per kommun\n\n(kr)\n\nAle kommun\n120 000\nAlingsås kommun\n80 000\n";
        assert_eq!(
            cell_links(text, recipient_of),
            [
                cell("120 000", Some("Ale kommun")),
                cell("80 000", Some("Alingsås kommun"))
            ]
        );
    }

    #[test]
    fn a_summa_naming_its_blocks_heading_is_the_headings_both_ways() {
        for (label, heading, sums) in [
            ("Summa Kommunstyrelsen", "Kommunstyrelsen", true),
            ("Summa kommunstyrelsen", "KOMMUNSTYRELSEN", true),
            ("Totalt Tekniska nämnden", "Tekniska nämnden", true),
            ("Summa driftbudget", "Tekniska nämnden", false),
            (
                "Summa Tekniska nämnden och Kommunstyrelsen",
                "Tekniska nämnden",
                false,
            ),
            ("Kommunstyrelsen", "Kommunstyrelsen", false),
        ] {
            assert_eq!(sums_up(label, heading), sums, "{label} / {heading}");
        }
        let text = "Budget 2025 per nämnd, tkr\n\nVerksamhet  2025\n\nTekniska nämnden\nGator och vägar  9 000\nParker  7 000\nSumma Tekniska nämnden  16 000\n\nSumma driftbudget  16 000\n";
        assert_eq!(
            cell_links(text, recipient_of),
            vec![
                cell("9 000", Some("Tekniska nämnden")),
                cell("7 000", Some("Tekniska nämnden")),
                cell("16 000", Some("Tekniska nämnden")),
                cell("16 000", None),
            ]
        );
        // Under a heading that groups recipients (`Uppsala län` over its kommuner) the
        // block's `Summa` is no one's, named or bare.
        let text = "Tusental kronor\n\nKommun  2024\nUppsala län\nEnköping  11 641\nHeby  4 822\nSumma Uppsala län  16 463\n\nÖrebro län\nAskersund  3 000\nSumma  3 000\n";
        assert_eq!(
            cell_links(text, recipient_of),
            vec![
                cell("11 641", Some("Enköping")),
                cell("4 822", Some("Heby")),
                cell("16 463", None),
                cell("3 000", Some("Askersund")),
                cell("3 000", None),
            ]
        );
    }

    #[test]
    fn a_label_header_naming_nämnd_and_verksamhet_heads_blocks_both_ways() {
        // `Nämnd/verksamhet`: the headings are the nämnder, the rows their verksamheter.
        let text = "Driftredovisning 2024 (tkr)\n\nNämnd/verksamhet\t2024\n\nSocialnämnden\nÄldreomsorg\t210 400\nEkonomiskt bistånd\t45 300\n";
        assert_eq!(
            cell_links(text, recipient_of),
            vec![
                cell("210 400", Some("Socialnämnden")),
                cell("45 300", Some("Socialnämnden")),
            ]
        );
        assert_eq!(
            cell_links(text, purpose_of),
            vec![
                cell("210 400", Some("Äldreomsorg")),
                cell("45 300", Some("Ekonomiskt bistånd")),
            ]
        );
        // `Nämnd` alone: each row is a nämnd and its own recipient.
        let text = "Budgetramar 2024 (tkr)\n\nNämnd\t2024\n\nValnämnden\t210 400\nKommunrevisionen\t45 300\n";
        assert_eq!(
            cell_links(text, recipient_of),
            vec![
                cell("210 400", Some("Valnämnden")),
                cell("45 300", Some("Kommunrevisionen")),
            ]
        );
    }

    #[test]
    fn places() {
        for (label, place) in [
            ("Gnesta", true),
            ("Danderyd", true),
            ("Dals-Ed", true),
            ("Västra Götaland", true),
            ("Borås kommun", true),
            ("Danderyds kommun", true),
            ("Stockholms län", true),
            ("Skåne län", true),
            ("Borå", false),
            ("Projektledning", false),
            ("Totalt", false),
            ("Stockholmsregionen", false),
        ] {
            assert_eq!(is_place(label), place, "{label}");
        }
    }

    #[test]
    fn giving_verbs_users_and_phrases_that_run_on_both_ways() {
        // (text, recipient, period, purpose), each link as `words <cue>`.
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            // An active giving verb's indirect object right before the amount receives it; a
            // bare year between the amount and its `för` phrase is its period.
            (
                "Regeringen ger Boverket 40 miljoner kronor 2025 för stöd till energieffektivisering.",
                Some("Boverket <ger>"),
                Some("2025 2025-01-01–2025-12-31 <2025>"),
                Some("stöd till energieffektivisering <för>"),
            ),
            (
                "Nämnden beslutade att bevilja Föreningen Stadsteatern 350 000 kronor.",
                Some("Föreningen Stadsteatern <bevilja>"),
                None,
                None,
            ),
            ("Regeringen ger i år 40 miljoner kronor.", None, None, None),
            ("Beslutet ger 40 miljoner kronor mer.", None, None, None),
            // `användas av X`: the one who uses the money disposes of it.
            (
                "Av anslaget får 4 000 000 kronor användas av Statens institutionsstyrelse för vårdplatser.",
                Some("Statens institutionsstyrelse <användas av>"),
                None,
                Some("vårdplatser <för>"),
            ),
            (
                "Av anslaget får 4 000 000 kronor användas av det skälet.",
                None,
                None,
                None,
            ),
            // A purpose runs on through `i`, never into a villkor's number.
            (
                "Länsstyrelsen tilldelas 12 miljoner kronor för arbetet i skärgården under 2024.",
                Some("Länsstyrelsen <tilldelas>"),
                Some("2024 2024-01-01–2024-12-31 <under>"),
                Some("arbetet i skärgården <för>"),
            ),
            (
                "Regionen tilldelas 12 miljoner kronor för behandlingar i villkor 3.",
                Some("Regionen <tilldelas>"),
                None,
                Some("behandlingar <för>"),
            ),
            // An aim ends before a time, which is the money's.
            (
                "Regeringen avsätter 300 miljoner kronor till regionerna för att korta vårdköerna under 2023.",
                Some("regionerna <till>"),
                Some("2023 2023-01-01–2023-12-31 <under>"),
                Some("korta vårdköerna <för att>"),
            ),
            // A year that closes the clause after the amount's phrases is its period; one after
            // a verb or adverb is not.
            (
                "Totalt fördelas 1,2 miljarder kronor till kommunerna för sommarlovsaktiviteter 2022.",
                Some("kommunerna <till>"),
                Some("2022 2022-01-01–2022-12-31 <2022>"),
                Some("sommarlovsaktiviteter <för>"),
            ),
            (
                "Det är en ökning med 16,2 miljarder sedan 2019.",
                None,
                None,
                None,
            ),
            // A passive verb joined to the amount's clause, and an amount in apposition.
            (
                "Bidraget uppgår till 8 miljoner kronor och betalas ut till Region Gotland.",
                Some("Region Gotland <betalas ut till>"),
                None,
                None,
            ),
            (
                "Bidraget uppgår till 8 miljoner kronor och ökas till 9 miljoner kronor.",
                None,
                None,
                None,
            ),
            // The same verb in a relative clause on the money; not a verb whose `till` names
            // no body.
            (
                "Stödet förstärks med en miljard kronor som betalas ut till kommunerna.",
                Some("kommunerna <betalas ut till>"),
                None,
                None,
            ),
            (
                "Stödet förstärks med en miljard kronor som fördelas till Region Skåne.",
                Some("Region Skåne <fördelas till>"),
                None,
                None,
            ),
            (
                "Stödet förstärks med en miljard kronor som används till lokaler.",
                None,
                None,
                None,
            ),
            (
                "Stödet förstärks med en miljard kronor som ökas till 2 miljarder kronor.",
                None,
                None,
                None,
            ),
            // A perfect's auxiliary is passed over as a modal is; not before a name.
            (
                "80 miljoner kronor har fördelats till enskilda konstnärer.",
                Some("enskilda konstnärer <till>"),
                None,
                None,
            ),
            (
                "80 miljoner kronor har Kulturrådet fördelat till evenemang.",
                None,
                None,
                None,
            ),
            (
                "Medlen, 12 miljoner kronor, ska fördelas mellan länsstyrelserna.",
                Some("länsstyrelserna <fördelas mellan>"),
                None,
                None,
            ),
            (
                "Enligt förslaget 12 miljoner kronor, ska fördelas mellan länsstyrelserna.",
                None,
                None,
                None,
            ),
        ];
        for &(text, r, p, u) in cases {
            assert_links(text, r, p, u);
        }
    }

    #[test]
    fn a_label_header_joined_to_the_one_columns_names_the_labels_both_ways() {
        // `Region Belopp` over one column: `Region` heads the labels, so every row but the
        // total is a recipient, and the header line is no block heading over the rows.
        let text = "Tabell 1. Medel (kronor)\nRegion Belopp\nStockholm 45 000 000\nJämtland Härjedalen 2 500 000\nTotalt 47 500 000\n";
        let recipient = |l: &AmountLinks| l.recipient.as_ref().map(|r| spanned(text, r));
        assert_eq!(
            cell_links(text, recipient),
            [
                cell("45 000 000", Some("Stockholm <Stockholm>")),
                cell(
                    "2 500 000",
                    Some("Jämtland Härjedalen <Jämtland Härjedalen>")
                ),
                cell("47 500 000", None),
            ]
        );
        let text = "Tabell 2. Medel (tkr)\nMyndighet Belopp\nFolkhälsomyndigheten 3 500\nStatens skolverk 1 200\n";
        let recipient = |l: &AmountLinks| l.recipient.as_ref().map(|r| spanned(text, r));
        assert_eq!(
            cell_links(text, recipient),
            [
                cell("3 500", Some("Folkhälsomyndigheten <Folkhälsomyndigheten>")),
                cell("1 200", Some("Statens skolverk <Statens skolverk>")),
            ]
        );
        // A label column headed by what its bodies are (`Vårdcentral`, `Lärosäte`).
        let text = "Ersättning 2024\n\nVårdcentral                 Ersättning (kr)\nVårdcentralen Norr              4 512 300\nVårdcentralen Söder             3 980 100\n";
        let recipient = |l: &AmountLinks| l.recipient.as_ref().map(|r| spanned(text, r));
        assert_eq!(
            cell_links(text, recipient),
            [
                cell("4 512 300", Some("Vårdcentralen Norr <Vårdcentralen Norr>")),
                cell(
                    "3 980 100",
                    Some("Vårdcentralen Söder <Vårdcentralen Söder>")
                ),
            ]
        );
        // A first header that names no recipient leaves the labels alone.
        let text = "Tabell 3. Medel (tkr)\nTotalt Belopp\nKulturskola 3 500\nBibliotek 1 200\n";
        let recipient = |l: &AmountLinks| l.recipient.as_ref().map(|r| spanned(text, r));
        assert_eq!(
            cell_links(text, recipient),
            [cell("3 500", None), cell("1 200", None)]
        );
    }

    #[test]
    fn a_label_columns_header_on_a_line_of_its_own_heads_no_block() {
        let text = "Driftbudget\n\nMnkr\nNämnd\nBudget 2025\nPlan 2026\nKommunstyrelsen\n-120,5\n-122,0\nSocialnämnden\n-640,0\n-655,3\nSumma\n-760,5\n-777,3\n";
        let recipient = |l: &AmountLinks| l.recipient.as_ref().map(|r| r.text.clone());
        let got = cell_links(text, recipient);
        assert_eq!(got.len(), 6, "{got:?}");
        assert!(got[4..].iter().all(|(_, r)| r.is_none()), "{got:?}");
    }

    #[test]
    fn a_disposer_column_splits_an_anslagsposts_name_both_ways() {
        let text = "Villkor (tkr)\nAnslagspost Disponeras av Belopp\nap.4 Cancervård Socialstyrelsen 300 000\nap.5 Folkhälsoarbete Folkhälsomyndigheten 120 000\n";
        let both = |l: &AmountLinks| {
            Some(format!(
                "{:?} / {:?}",
                l.recipient.as_ref().map(|r| r.text.clone()),
                l.purpose.as_ref().map(|r| r.text.clone())
            ))
        };
        assert_eq!(
            cell_links(text, both),
            [
                cell(
                    "300 000",
                    Some(r#"Some("Socialstyrelsen") / Some("Cancervård")"#)
                ),
                cell(
                    "120 000",
                    Some(r#"Some("Folkhälsomyndigheten") / Some("Folkhälsoarbete")"#)
                ),
            ]
        );
        // Without the column the whole name is the purpose.
        let text = "Anslag (tkr)\nAnslagspost Belopp\nap.4 Cancervård Socialstyrelsen 300 000\nap.5 Folkhälsoarbete 120 000\n";
        assert_eq!(
            cell_links(text, both),
            [
                cell(
                    "300 000",
                    Some(r#"None / Some("Cancervård Socialstyrelsen")"#)
                ),
                cell("120 000", Some(r#"None / Some("Folkhälsoarbete")"#)),
            ]
        );
    }

    #[test]
    fn a_captions_own_number_is_no_figure_both_ways() {
        for (caption, text) in [
            ("Tabell 2. Medel 2024 (tkr)", "Medel 2024 (tkr)"),
            ("Bilaga 3: Fördelning 2025", "Fördelning 2025"),
            ("tabell 12 Medel", "Medel"),
            // Not a caption's label, or a number too long for one: left whole.
            ("Medel 2024", "Medel 2024"),
            ("Tabell 2024 års medel", "Tabell 2024 års medel"),
            ("Tabellen visar 2 år", "Tabellen visar 2 år"),
        ] {
            assert_eq!(caption_text(caption), text, "{caption}");
        }
        // The caption's year then dates every cell; a second figure in it still dates none.
        let period = |l: &AmountLinks| l.period.as_ref().map(|p| p.text.clone());
        let text =
            "Tabell 2. Medel till kommunerna 2024 (tkr)\nKommun Belopp\nKiruna 1 250\nPajala 410\n";
        assert_eq!(
            cell_links(text, period),
            [cell("1 250", Some("2024")), cell("410", Some("2024"))]
        );
        let text = "Tabell 2. Medel till 12 kommuner 2024 (tkr)\nKommun Belopp\nKiruna 1 250\nPajala 410\n";
        assert_eq!(
            cell_links(text, period),
            [cell("1 250", None), cell("410", None)]
        );
    }

    #[test]
    fn a_year_in_a_sentence_the_caption_gathered_dates_no_cell_both_ways() {
        let period = |l: &AmountLinks| l.period.as_ref().map(|p| p.text.clone());
        for (text, year) in [
            // A regleringsbrev's decision states the budget year of the whole document.
            (
                "Regeringen beslutar att följande ska gälla under budgetåret 2024 för nedan angivna anslag.\n\nAnslag (tkr)\nDisponeras av Kammarkollegiet 2 500\nap.3 Hembygdsrörelsen (ram) 2 500\n",
                None,
            ),
            (
                "Nämnden har beslutat att fördela följande medel till föreningarna under 2025.\n\nFörening Belopp (kr)\nIFK Ystad 12 000\nYstads Konstförening 4 000\n",
                None,
            ),
            // A title of a few words names its table's year, after a sentence or alone.
            (
                "Medlen fördelas enligt tabellen.\n\nFördelning till föreningarna 2025 (kr)\nIFK Ystad 12 000\nYstads Konstförening 4 000\n",
                Some("2025"),
            ),
            (
                "Fördelning av medel till regionerna 2025 (kronor)\nRegion Skåne 5 100 000\nRegion Halland 1 900 000\n",
                Some("2025"),
            ),
        ] {
            let got = cell_links(text, period);
            assert!(got.len() == 2, "{text:?}: {got:?}");
            assert!(
                got.iter().all(|(_, p)| p.as_deref() == year),
                "{text:?}: {got:?}"
            );
        }
    }

    #[test]
    fn a_label_that_names_an_authority_is_one_both_ways() {
        for (label, authority) in [
            ("Folkhälsomyndigheten", true),
            ("Statens institutionsstyrelse", true),
            ("Vetenskapsrådet", true),
            ("Barn- och utbildningsnämnden", true),
            ("Bidrag till Skatteverket", false),
            ("Utbetalning, Skatteverket", false),
            // Named for its field, or a university college.
            ("Myndigheten för vård- och omsorgsanalys", true),
            ("Institutet för språk och folkminnen", true),
            ("Kungliga Tekniska högskolan", true),
            ("Myndighet för analys", false),
            ("Ersättning för resor", false),
            ("Primärvården", false),
            ("kansliet", false),
            ("Summa", false),
        ] {
            assert_eq!(names_authority(label), authority, "{label}");
        }
    }

    #[test]
    fn a_caption_or_header_naming_a_row_per_body_gives_named_rows_both_ways() {
        let recipients = |text: &str| {
            cell_links(text, |l: &AmountLinks| {
                l.recipient.as_ref().map(|r| r.text.clone())
            })
        };
        // `per mottagare` over the money, no label header: names and acronyms are recipients,
        // the total is no one's.
        let text = "Beslut om bidrag\n\n                                 Belopp per mottagare (kr)\nFunktionsrätt Sverige                    4 200 000\nABF                                        960 000\nSumma                                    5 160 000\n";
        assert_eq!(
            recipients(text),
            [
                cell("4 200 000", Some("Funktionsrätt Sverige")),
                cell("960 000", Some("ABF")),
                cell("5 160 000", None),
            ]
        );
        // A caption `per nämnd` over activities: no row is a name, so none is anyone's.
        let text = "Driftbudget per nämnd, mnkr\n\nPolitisk verksamhet              8,8\nGymnasieskola                  105,0\nStöd till Ystads Teater          1,2\n";
        assert_eq!(
            recipients(text),
            [cell("8,8", None), cell("105,0", None), cell("1,2", None)]
        );
        // `per invånare` names no body.
        let text = "Bidrag per invånare, kr\n\nSvenska Kyrkan            12\nIFK Ystad                 15\n";
        assert!(recipients(text).iter().all(|(_, r)| r.is_none()));
    }

    #[test]
    fn an_ocr_speck_before_a_row_label_is_no_part_of_the_recipient_both_ways() {
        let text = "Tabell 4. Medel (tkr)\n\nMyndighet 2025 2026\n\n_ Skatteverket 8 000 6 000\nPolismyndigheten 15 000 17 000\n";
        let recipient = |l: &AmountLinks| l.recipient.as_ref().map(|r| spanned(text, r));
        assert_eq!(
            cell_links(text, recipient),
            [
                cell("8 000", Some("Skatteverket <Skatteverket>")),
                cell("6 000", Some("Skatteverket <Skatteverket>")),
                cell("15 000", Some("Polismyndigheten <Polismyndigheten>")),
                cell("17 000", Some("Polismyndigheten <Polismyndigheten>")),
            ]
        );
        for (label, name) in [
            ("_ Skatteverket", "Skatteverket"),
            ("| Region Skåne", "Region Skåne"),
            ("_ | Ale", "Ale"),
            ("_]önköping", "_]önköping"),
            ("0114 Upplands Väsby", "0114 Upplands Väsby"),
            ("(Region) Skåne", "(Region) Skåne"),
            ("— —", "— —"),
        ] {
            assert_eq!(without_specks(label), name, "{label}");
        }
    }

    #[test]
    fn the_rows_of_a_table_run_into_one_line_name_their_places_both_ways() {
        let text = "Fördelning per kommun. Blekinge län Karlshamn 31 108 914 kr Karlskrona 54 546 990 kr Summa kommuner 85 655 904 kr Blekinge läns landsting 47 641 716 kr Gotlands kommun ( kommundel ) 35 450 126 kr";
        let x = extract(text);
        let got: Vec<Option<String>> = x
            .amounts
            .iter()
            .map(|a| {
                a.links
                    .as_ref()
                    .and_then(|l| l.recipient.as_ref())
                    .map(|r| r.text.clone())
            })
            .collect();
        assert_eq!(
            got,
            [
                Some("Karlshamn".to_string()),
                Some("Karlskrona".to_string()),
                None,
                Some("Blekinge läns landsting".to_string()),
                Some("Gotlands kommun ( kommundel )".to_string()),
            ]
        );
        // Two such pairs are no run: a sentence may name a place before an amount.
        for text in [
            "I Karlshamn 31 108 914 kr och Karlskrona 54 546 990 kr.",
            "Kostnaden i Sölvesborg 300 000 kr ökade.",
        ] {
            assert_eq!(first(text)[0], None, "{text}");
        }
    }

    #[test]
    fn a_table_of_places_gives_each_place_its_row() {
        // The label column's header names no recipient; the labels do, for the places only.
        let text = "Fördelning (tkr)\nOmråde 2021 2022\nGnesta 1 000 2 000\nHeby 3 000 4 000\nProjektledning 500 500\nTotalt 4 500 6 500\n";
        let recipient = |l: &AmountLinks| l.recipient.as_ref().map(|r| spanned(text, r));
        assert_eq!(
            cell_links(text, recipient),
            [
                cell("1 000", Some("Gnesta <Gnesta>")),
                cell("2 000", Some("Gnesta <Gnesta>")),
                cell("3 000", Some("Heby <Heby>")),
                cell("4 000", Some("Heby <Heby>")),
                cell("500", None),
                cell("500", None),
                cell("4 500", None),
                cell("6 500", None),
            ]
        );
        // One place among other rows is no table of places.
        let text = "Fördelning (tkr)\nOmråde 2021 2022\nGnesta 1 000 2 000\nProjektledning 3 000 4 000\nUtbildning 500 500\nTotalt 4 500 6 500\n";
        let x = extract(text);
        assert_eq!(x.amounts.iter().filter(|a| a.cell.is_some()).count(), 8);
        assert!(
            x.amounts
                .iter()
                .all(|a| a.links.as_ref().is_none_or(|l| l.recipient.is_none()))
        );
    }

    #[test]
    fn the_items_of_a_list_after_a_colon_name_their_recipients() {
        let recipients = |text: &str| -> Vec<Option<String>> {
            extract(text)
                .amounts
                .iter()
                .map(|a| {
                    let l = a.links.as_ref()?.recipient.as_ref()?;
                    Some(spanned(text, l))
                })
                .collect()
        };
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            recipients(
                "Medlen fördelas enligt följande: Region Stockholm 120 miljoner kronor, Region Skåne 80 miljoner kronor och övriga regioner 210 miljoner kronor."
            ),
            [
                some("Region Stockholm <:>"),
                some("Region Skåne <,>"),
                some("övriga regioner <och>")
            ]
        );
        // A list whose first item names its receiving verb once.
        assert_eq!(
            recipients(
                "Region Skåne erhåller 20 miljoner kronor, Region Halland 15 miljoner kronor och Region Kronoberg 10 miljoner kronor."
            ),
            [
                some("Region Skåne <erhåller>"),
                some("Region Halland <,>"),
                some("Region Kronoberg <och>")
            ]
        );
        // No list: a word before the amount that names no one, a name with no colon or list
        // before it, a year after an item.
        assert_eq!(
            recipients("Region Skåne får 20 miljoner kronor 2024 och 2025 25 miljoner kronor."),
            [some("Region Skåne <får>"), None]
        );
        for text in [
            "Utfall: totalt 120 miljoner kronor.",
            "Enligt Region Stockholm 120 miljoner kronor har använts.",
        ] {
            assert_eq!(recipients(text), [None], "{text}");
        }
    }

    #[test]
    fn a_block_under_the_columns_of_the_table_above_takes_its_years() {
        // After a page break, a block of labels and then values is read as a table of its own
        // under the columns above; its span writes no year, the header above does.
        let text = "Bidrag per kommun\nTusental kronor\n\nKommun 2024 2025\nEnköping 11 641 12 181\nHeby 4 822 5 084\nSumma Uppsala län 16 463 17 265\n\u{c}\nÖrebro län\nAskersund\nDegerfors\nSumma Örebro län\n\n5 194\n5 960\n11 154\n\n5 300\n6 000\n11 300\n";
        let x = extract(text);
        assert_eq!(x.tables.len(), 2);
        let header = text.find("2024").unwrap_or_default();
        let period = |v: &str| {
            let a = x.amounts.iter().find(|a| a.text == v)?;
            let p = a.links.as_ref()?.period.as_ref()?;
            Some((
                p.text.clone(),
                p.cue.start == header || p.cue.start == header + 5,
            ))
        };
        assert_eq!(period("5 194"), Some(("2024".into(), true)));
        assert_eq!(period("11 300"), Some(("2025".into(), true)));
        // Under other columns (a single unnamed one), no year is borrowed.
        let text = "Bidrag per kommun\nTusental kronor\n\nKommun 2024 2025\nEnköping 11 641 12 181\nHeby 4 822 5 084\n\nAnslag (tkr)\nKommun Belopp\nAskersund 5 194\nDegerfors 5 960\n";
        let x = extract(text);
        let a = x.amounts.iter().find(|a| a.text.starts_with("5 194"));
        assert!(
            a.is_some_and(|a| a.links.as_ref().is_none_or(|l| l.period.is_none())),
            "{:?}",
            x.amounts
        );
    }

    #[test]
    fn row_labels_that_name_recipients_both_ways() {
        // (table, each cell's recipient in order); `-` is none. Own small tables in the layouts
        // of län, kommun, region and myndighet lists and of kommun budgets.
        let cases: &[(&str, &[&str])] = &[
            // A one-column table whose header line the reader keeps with the caption.
            (
                "Tabell 3. Medel per myndighet 2022 (tkr)\nMyndighet Belopp\nKustbevakningen 2 400\nSocialstyrelsen 12 000\nSumma 14 400\n",
                &["Kustbevakningen", "Socialstyrelsen", "-"],
            ),
            // A kommun code before the name is no part of it.
            (
                "Bilaga 2. Fördelning per kommun\nKommunkod Kommun Belopp, kr\n0114 Upplands Väsby 512 300\n0115 Vallentuna 301 200\nSumma 813 500\n",
                &["Upplands Väsby", "Vallentuna", "-"],
            ),
            // Authorities by the ending of their name, with no header naming them.
            (
                "Medel (tkr)\nRad 2021\nRiksantikvarieämbetet 2 000\nFörsäkringskassan 3 000\nSumma 5 000\n",
                &["Riksantikvarieämbetet", "Försäkringskassan", "-"],
            ),
            // Under a `Nämnd` header, a nämnd disposes of its budget; the lines of a budget
            // (`Personalkostnader`, `Intäkter`) are no one's.
            (
                "Driftbudget per nämnd (tkr)\nNämnd 2024\nKommunstyrelsen 45 000\nPersonalkostnader -12 000\nIntäkter 3 000\nSumma 36 000\n",
                &["Kommunstyrelsen", "-", "-", "-"],
            ),
            // A region named by its compound is one; a place in a phrase is none.
            (
                "Ersättning (tkr)\nRad 2021\nVästra Götalandsregionen 2 000\nInsatser i Stockholmsregionen 3 000\nSumma 5 000\n",
                &["Västra Götalandsregionen", "-", "-"],
            ),
            // A header line above the rows that names no recipients gives none.
            (
                "Tabell 1. Utfall per kommun (tkr)\nOmråde Belopp\nProjektledning 2 400\nUtbildning 1 000\nSumma 3 400\n",
                &["-", "-", "-"],
            ),
            // Digits before a label that are no code (three of them) leave it as written.
            (
                "Fördelning (tkr)\nKommun 2021\n123 Vallentuna 1 000\nSumma 1 000\n",
                &["123 Vallentuna", "-"],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<String> = extract(text)
                .amounts
                .iter()
                .filter(|a| a.cell.is_some())
                .map(|a| {
                    a.links.as_ref().and_then(|l| l.recipient.as_ref()).map_or(
                        "-".to_string(),
                        |r| {
                            spanned(text, r)
                                .split(" <")
                                .next()
                                .unwrap_or_default()
                                .to_string()
                        },
                    )
                })
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn anslagsposter_and_their_disposers() {
        // (table, each cell's `recipient / purpose` in order).
        let cases: &[(&str, &[&str])] = &[
            // A post named by an authority alone is its money; a post named by what it is for
            // has no recipient unless a `Disponeras av` line says so.
            (
                "Anslag 1:6 Bidrag till folkhälsa (tusental kronor)\nAnslagspost 2022\nap.1 Bidrag till organisationer 45 000\nap.3 Folkhälsomyndigheten 8 000\n",
                &[
                    "- / Bidrag till organisationer",
                    "Folkhälsomyndigheten / Folkhälsomyndigheten",
                ],
            ),
            // A `Disponeras av` line run into the post under it (paragraph unwrapping): it
            // disposes of that post and the ones after it, as a `Disponeras av` row does.
            (
                "Tabell 4. Anslag för 2021 (tkr)\nAnslagspost Belopp\nap.2 Bidrag till kommuner 20 000\nDisponeras av Socialstyrelsen ap.3 Särskilda insatser 5 000\nap.4 Tillsyn 1 000\n",
                &[
                    "- / Bidrag till kommuner",
                    "Socialstyrelsen / Särskilda insatser",
                    "Socialstyrelsen / Tillsyn",
                ],
            ),
            // Each post's `Disponeras av` line under it, the last one's after the table: a line
            // run into the next post (paragraph unwrapping) disposes of the post above it. An anslag's line run into
            // its first post leaves the post's name as the purpose.
            (
                "Anslag                                          Tkr\n1:1 Bidrag till ungdomsorganisationer (ram) ap.1 Bidrag till ungdomsorganisationer     250 000\nDisponeras av Myndigheten för ungdoms- och civilsamhällesfrågor ap.2 Bidrag till idrotten     180 000\nDisponeras av Riksidrottsförbundet\n",
                &[
                    "Myndigheten för ungdoms- och civilsamhällesfrågor / Bidrag till ungdomsorganisationer",
                    "Riksidrottsförbundet / Bidrag till idrotten",
                ],
            ),
            // A `Disponeras av` row of its own keeps its whole name.
            (
                "Anslag (tkr)\nAnslagspost Belopp\nDisponeras av Statens kulturråd 4 000\nap.1 Kultur 4 000\n",
                &["Statens kulturråd / -", "Statens kulturråd / Kultur"],
            ),
            // OCR set a `Disponeras av` row's figure on the line under it: the row heads the
            // posts under it, and is no disposer of the post above (whose own `Disponeras av`
            // row stands over it).
            (
                "Anslag (belopp angivna i kronor)\nDisponeras av Statens energimyndighet 100 000\nap.14 Bistånd - del till STEM (ram)\n100 000\nDisponeras av Regeringskansliet\n\n9 000\nap.13 Finansieringsinstitutioner (ram)\n9 000\n",
                &[
                    "Statens energimyndighet / -",
                    "Statens energimyndighet / Bistånd - del till STEM",
                    "Regeringskansliet / -",
                    "Regeringskansliet / Finansieringsinstitutioner",
                ],
            ),
            // An anslag's line without a figure run into its first `Disponeras av` line
            // (paragraph unwrapping): the figure is the disposer's, not the anslag's; within a
            // post's name the words say who uses it, and the row is the post's.
            (
                "Tilldelade anslag\n\n28:37Forskning inom kulturområdet (Ramanslag)\nDisponeras av Riksarkivet8 956 tkr\n28:37 ap.9Arkivvård (Ram)8 956 tkr\n",
                &["Riksarkivet / -", "Riksarkivet / Arkivvård"],
            ),
            (
                "Tilldelade anslag (tkr)\nap.2 Medel som disponeras av regionerna (ram) 3 000\nap.3 Tillsyn (ram) 1 000\n",
                &["- / Medel som disponeras av regionerna", "- / Tillsyn"],
            ),
            // A post that opens a page (after a form feed) with its figure on the next line is
            // read like any other, under the `Disponeras av` row above it.
            (
                "Anslag (belopp angivna i tkr)\nDisponeras av Kammarkollegiet 20 000\nap.1 Kvalitetsregister (ram) 5 000\n\u{c}ap.4 Tillgänglighet (ram)\n15 000\n",
                &[
                    "Kammarkollegiet / -",
                    "Kammarkollegiet / Kvalitetsregister",
                    "Kammarkollegiet / Tillgänglighet",
                ],
            ),
            // A `Summa` under a post's `Disponeras av` line is no disposer's: it is the table's.
            (
                "Tilldelade anslag (belopp angivna i tkr)\nap.1 Kultur (ram) 4 000\nDisponeras av Statens kulturråd\nap.2 Arkiv (ram) 1 000\nDisponeras av Riksarkivet\n\nSumma 5 000\n",
                &["Statens kulturråd / Kultur", "Riksarkivet / Arkiv", "- / -"],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<String> = extract(text)
                .amounts
                .iter()
                .filter(|a| a.cell.is_some())
                .map(|a| {
                    let l = a.links.clone().unwrap_or_default();
                    let r = l.recipient.map_or("-".to_string(), |r| {
                        spanned(text, &r);
                        r.text
                    });
                    let p = l.purpose.map_or("-".to_string(), |p| {
                        spanned(text, &p);
                        p.text
                    });
                    format!("{r} / {p}")
                })
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn a_row_of_several_text_columns_gives_each_its_role() {
        // (text, recipient, purpose) of the first cell, each as `words <cue>`.
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "Beviljade ansökningar\n\nSökande | Projekt | Beviljat (kr) |\nLunds universitet | Klimatanpassade städer | 1 800 000 |\nGöteborgs stad | Trygga skolvägar | 950 000 |\n",
                Some("Lunds universitet <Lunds universitet>"),
                Some("Klimatanpassade städer <Klimatanpassade städer>"),
            ),
            (
                "Projekt                         Projektägare              Beviljat belopp, kr\nGrön omställning i industrin    Karlstads universitet          3 400 000\nFramtidens besöksnäring         Region Värmland                1 150 000\n",
                Some("Karlstads universitet <Karlstads universitet>"),
                Some("Grön omställning i industrin <Grön omställning i industrin>"),
            ),
            // Of two columns of recipients, the narrower is paid.
            (
                "Beviljat stöd per kommun\n\nLän | Kommun | Beviljat stöd, kr |\nBlekinge län | Karlshamn | 310 000 |\nDalarnas län | Falun | 540 000 |\n",
                Some("Karlshamn <Karlshamn>"),
                None,
            ),
            // Text columns that name neither recipients nor purposes: the label stays whole,
            // and is no one's.
            (
                "Beviljade ansökningar\n\nDiarienummer | Beslutsdatum | Beviljat (kr) |\nDnr 2025-14 | Mars | 1 800 000 |\nDnr 2025-15 | April | 950 000 |\n",
                None,
                None,
            ),
        ];
        for &(text, recipient, purpose) in cases {
            assert_links(text, recipient, None, purpose);
        }
    }

    #[test]
    fn cells_split_at_bars_or_wide_gaps() {
        use super::cells;
        fn texts(l: &str) -> Vec<&str> {
            cells(l).into_iter().map(|(_, t)| t).collect()
        }
        assert_eq!(
            texts("Sökande | Projekt | Beviljat (kr) |"),
            ["Sökande", "Projekt", "Beviljat (kr)"]
        );
        assert_eq!(
            texts("Grön omställning  Region Värmland\t3 400"),
            ["Grön omställning", "Region Värmland", "3 400"]
        );
        // One space is a space inside a name.
        assert_eq!(texts("Region Värmland 3 400"), ["Region Värmland 3 400"]);
        assert_eq!(cells("A  | B")[1], (5, "B"));
    }

    #[test]
    fn tables() {
        let text = "Fördelning (tkr)\nLän 2021 2022\nStockholm 1 000 2 000\nUppsala 3 000 4 000\nTotalt 4 000 6 000\n";
        let x = extract(text);
        let cells: Vec<(String, Option<String>, Option<String>)> = x
            .amounts
            .iter()
            .filter(|a| a.cell.is_some())
            .map(|a| {
                let l = a.links.clone().unwrap_or_default();
                (
                    a.text.clone(),
                    l.recipient.map(|r| spanned(text, &r)),
                    l.period.map(|p| p.text),
                )
            })
            .collect();
        assert_eq!(cells.len(), 6, "{cells:?}");
        assert!(
            cells.contains(&(
                "1 000".into(),
                Some("Stockholm <Stockholm>".into()),
                Some("2021".into())
            )),
            "{cells:?}"
        );
        assert!(
            cells.contains(&("6 000".into(), None, Some("2022".into()))),
            "{cells:?}"
        );
    }

    /// The links of real documents (tables, totals, prose) read window by window, down to a
    /// window of one line, are the links read with the whole text's tokens.
    #[test]
    fn windows_link_as_the_whole_text_does() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("training");
        let mut texts = Vec::new();
        for dir in ["tables/docs", "totals/docs", "pairs/train"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap_or_else(|e| panic!("{dir}: {e}"))
                .map(|e| e.map(|e| e.path()).unwrap_or_default())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            paths.sort();
            texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
        }
        assert!(texts.len() > 100, "{} documents", texts.len());
        // Also all of them as one long document, so that windows of the production size cut it.
        let joined = texts.join("\n");
        texts.push(joined);
        for text in &texts {
            let x = extract(text);
            let linked = |window: usize| {
                let (mut amounts, mut dates) = (x.amounts.clone(), x.dates.clone());
                dates.iter_mut().for_each(|d| d.of = None);
                super::link_in_windows(
                    text,
                    &mut amounts,
                    &mut dates,
                    &x.periods,
                    &x.villkor,
                    &x.tables,
                    window,
                );
                (amounts, dates)
            };
            let whole = linked(usize::MAX);
            assert!(whole == (x.amounts.clone(), x.dates.clone()));
            assert!(whole == linked(1), "{}", &text[..text.len().min(200)]);
            assert!(whole == linked(5000), "{}", &text[..text.len().min(200)]);
        }
    }
}
