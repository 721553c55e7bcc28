//! What the Swedish wording around a figure says it is to a total in the same passage.
//!
//! **In:** one running-text amount of a [`Doc`]. **Out:** its [`Wording`]: a part (plain, an
//! addition, a remainder), or a figure that is never added to an enclosing total (nested inside
//! another figure, a change, a comparison, an aside in parentheses), and the [`multiplier`] a
//! per-year figure carries over a stated span of years.
//!
//! The wording is read from the text between the figure and the previous amount (within its
//! sentence, at most [`WINDOW`] bytes back) and from the few words right after it.
//!
//! **Deliberately not here:** which total a figure belongs to (the stage files), and restatements
//! of a total, which need the total's value (`breakdowns.rs` compares them).

use std::sync::LazyLock;

use regex::Regex;

use crate::pattern::Pattern;
use crate::record::PartRole;

use super::doc::{Doc, ends_sentence};

/// How far back from a figure its wording is looked for, in bytes.
const WINDOW: usize = 90;

/// What a figure's wording makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wording {
    /// A part when it stands among a total's parts.
    Part(PartRole),
    /// Inside another figure (`varav`, `därav`, `av dessa`, `innefattar`, `inklusive`,
    /// `inräknat`): already counted in its parent, never added beside it.
    Nested,
    /// A change (`en ökning med`, `minskar med`, `höjs med`, `37 miljoner högre`): a difference
    /// between two totals, never a part.
    Change,
    /// A comparison (`jämfört med`, `(sökt 54 mnkr)`) or what was asked for (`begärde`, `… har
    /// begärts`): another quantity, never a part.
    Comparison,
    /// A figure in parentheses right after another on its line (`27 miljoner (sökt …)`, `(27
    /// miljoner efter …)`): a gloss on the figure before it.
    Aside,
    /// A figure pointed back to by a demonstrative (`Dessa 30 miljoner ersätter …`): a figure
    /// already stated, mentioned again, never a new part.
    Mention,
    /// A loss (`tappade 250 miljoner kronor i intäkter`, `förlorade 500 miljoner`): a fall, no
    /// share of a sum, except of a total of losses ([`loss_total`]).
    Loss,
    /// A figure for each one of several (`Varje kommun får minst 100 000 kronor`, `2 miljoner
    /// kronor vardera`, `4 200 kronor per elev`): a rate or a floor per recipient, never a part of
    /// a sum of whole amounts.
    PerUnit,
}

impl Wording {
    pub(super) fn is_part(self) -> bool {
        matches!(self, Wording::Part(_))
    }
}

/// Wording right before a figure (the end of the window), most specific first.
static BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi)
        (?: ^ | [^\p{L}] )
        (?:
            (?P<nested> varav | därav | av \s+ dessa (?: \s+ medel )? | av \s+ detta
                      | innefattar | innefattas | inklusive | inkl\.? | inräknat | inräknade
                      | inkluderat | inkluderade | ingår )
          | (?P<comparison> jämfört \s+ med | jämfört \s+ mot | i \s+ jämförelse \s+ med
                          | sökt | sökte | ansökt | ansökte | ansökan \s+ om
                          # what was asked for is another quantity than what was given:
                          # `Idrottsföreningarna begärde 2 miljoner kronor`
                          | begär | begärde | begärt | begärs | begärts | begärdes | begäran \s+ om )
          | (?P<remainder> resterande | återstående | övriga | övrigt | resten )
          | (?P<addition> ytterligare | därtill | dessutom | utöver \s+ detta | utöver \s+ dessa
                        | tillsammans \s+ med )
        )
        [^\p{L}.!?] (?: [^.!?]*? )
        $",
    )
});

/// A superlative naming one extreme of a set (`Den största enskilda ansökan gällde 50 miljoner`,
/// `den minsta 30 miljoner`, `det högsta beviljade beloppet`): the largest or smallest of many
/// figures, which the text leaves unstated, is no share of their sum, however two extremes happen
/// to add up to it. The share a superlative ranks (`Den största delen, 300 miljoner, går till A`,
/// `den största posten`) is a part and is no match.
static EXTREME: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] ) (?P<sup> största | minsta | högsta | lägsta )
        (?: \s+ (?P<noun> \p{L}+ ) )? (?: [^.!?\p{L}] [^.!?]* )? $",
    )
});

/// Nouns a superlative may rank as one share of a whole (`den största delen`): a part.
const RANKED_SHARES: [&str; 6] = ["del", "delen", "andel", "andelen", "post", "posten"];

/// Words opening a parenthesis that splits the figure before it (`(varav …`, `(därav …`).
static BREAKDOWN_OPENS: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?xi) ^ \s* (?: varav | därav ) (?: [^\p{L}] | $ )"));

/// A comma and a conjunction joining a new member to a list or a new clause (`…, och`, `…,
/// samt`, `…, medan`): wording before it is done with its own object.
static CLAUSE_JOIN: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?xi) , \s* (?: och | samt | medan | men | respektive ) \s"));

/// A change: a word of increase or decrease, then (in the same clause) `med`, `på` or `om` right
/// before the figure. `höjs till 5 miljoner` states a new level, not a change, and is no match.
static CHANGE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi)
        (?: ^ | [^\p{L}] )
        (?: ökning | ökningen | ökar | ökade | ökat | öka | höjs | höjdes | höjts | höjt | höja
          | höjning | höjningen | minskar | minskade | minskat | minska | minskning | minskningen
          | sänks | sänktes | sänkts | sänkt | sänka | sänkning | förändring | förändras
          # verbs of growth and fall: `har vuxit med 31 miljoner`, `har stigit med 83 miljoner`
          | vuxit | växt | växer | växte | stigit | stiger | sjunkit | sjunker | sjönk
          | fallit | faller | föll )
        [^.!?]*?
        [^\p{L}] (?: med | på | om ) \s+ (?: (?: cirka | ca\.? | drygt | närmare | omkring | ungefär ) \s+ )?
        $",
    )
});

/// Added money named as a thing right before its figure (`får ökade resurser om 15 miljoner
/// kronor`, `utökade medel på 20 miljoner`): the participle describes the money, which is the
/// figure itself, not a change of something else by it. `ett ökat anslag med 89 miljoner` (the
/// anslag changed by the figure) is no match.
static ADDED_MONEY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] )
        (?: ökade | ökat | ökad | utökade | utökat | utökad )
        \s+ (?: medel | resurser | anslag | bidrag | pengar )
        \s+ (?: om | på ) \s+ (?: (?: cirka | ca\.? | drygt | närmare | omkring | ungefär ) \s+ )?
        $",
    )
});

/// A verb of splitting right before `med` and the figure (`Ökningen fördelas med 120 miljoner`):
/// the figure is a share of the change named before, not a change itself.
static SPLIT_WITH: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?xi) [^\p{L}] (?: fördelas | fördelades | fördelats ) \s+ med \s+ $")
});

/// A verb of change in the clause before a range `från X till Y` (`ökas från 150 till 300
/// miljoner`): the levels before and after a change, never a part.
static CHANGE_LEVELS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi)
        (?: ^ | [^\p{L}] )
        (?: ökas | ökar | ökade | ökat | höjs | höjdes | höjts | höjt | minskas | minskar | minskade
          | minskat | sänks | sänktes | sänkts | sänkt | förändras | vuxit | växer | växte | stigit
          | stiger | sjunkit | sjunker | sjönk )
        [^.!?,]{0,40}
        $",
    )
});

/// A verb of losing right before a figure, at most two words between (`Under året tappade de 250
/// miljoner`, `förlorade bolaget 500 miljoner`); the words between are checked by [`own_wording`]
/// to hold no conjunction, which would open a new clause (`tappade kunder men fick 250 …`).
static LOSS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] )
        (?: tappade | tappat | tappar | tappa | förlorade | förlorat | förlorar | förlora )
        (?P<between> (?: \s+ \p{L}+ ){0,2}? ) \s+ (?: (?: cirka | ca\.? | drygt | närmare | omkring | ungefär ) \s+ )?
        $",
    )
});

/// Words that open a new clause: after one of them the verb before is done with its object.
const CLAUSE_WORDS: [&str; 8] = ["och", "men", "samt", "medan", "fick", "får", "som", "då"];

/// Words in a total's sentence before it that make it a sum of losses (`Koncernens förluster
/// uppgick totalt till 90 miljoner`, `ett underskott på sammanlagt 40 miljoner`): its parts may be
/// losses.
static LOSS_WORD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] ) \p{L}*? (?: förlust | underskott | tappade | tappat | förlorade | förlorat ) \p{L}*",
    )
});

/// The lines of an income statement a clause may name as its subject, by the stem of the noun
/// (compounds too: `skatteintäkterna`, `personalkostnader`, `årets resultat`).
static ACCOUNT_LINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] ) \p{L}*?
        (?: (?P<revenue> intäkt | omsättning ) | (?P<cost> kostnad | utgift )
          | (?P<result> resultat | överskott | underskott ) ) \p{L}*",
    )
});

/// A line of an income statement: revenue, cost or result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AccountLine {
    Revenue,
    Cost,
    Result,
}

/// The line of the accounts the last such noun of `words` names, if any.
pub(super) fn account_line(width: crate::pattern::Width, words: &str) -> Option<AccountLine> {
    let mut last = None;
    for c in ACCOUNT_LINE.captures_iter(width, words) {
        last = Some(if c.name("revenue").is_some() {
            AccountLine::Revenue
        } else if c.name("cost").is_some() {
            AccountLine::Cost
        } else {
            AccountLine::Result
        });
    }
    last
}

/// Whether running amount `running[k]` and `total` state different lines of the accounts
/// (`Intäkterna uppgick till 300 miljoner kronor. Kostnaderna uppgick till 280 miljoner kronor
/// och årets resultat blev 20 miljoner kronor.`): revenue, costs and the result are bound by an
/// identity, not a sum of shares, so the costs and the result are no parts of the revenue even
/// when they add up to it. The total's line is read from its sentence before it, the figure's
/// from its own wording ([`before`]); either unnamed, nothing is said.
pub(super) fn other_account_line(doc: &Doc<'_>, k: usize, total: usize) -> bool {
    let (Some(_), Some(&(ts, _))) = (doc.running.get(k), doc.spans.get(total)) else {
        return false;
    };
    let of_total = account_line(doc.width, doc.slice(doc.sentence_start(ts), ts));
    let of_part = account_line(doc.width, before(doc, k));
    matches!((of_total, of_part), (Some(t), Some(p)) if t != p)
}

/// Whether `total` is a sum of losses: worded as one, or its sentence before it names a loss or a
/// deficit (`Koncernens förluster uppgick totalt till 90 miljoner kronor`).
pub(super) fn loss_total(doc: &Doc<'_>, total: usize) -> bool {
    let Some(&(ts, _)) = doc.spans.get(total) else {
        return false;
    };
    doc.rank(total)
        .is_some_and(|k| wording(doc, k) == Wording::Loss)
        || LOSS_WORD.is_match(doc.width, doc.slice(doc.sentence_start(ts), ts))
}

/// Right after a figure, a passive of asking (`Ytterligare 6 miljoner kronor har begärts av
/// kommunerna`, `… som söktes`): the figure is what was asked for, another quantity than what was
/// given, as `sökt` before it is. Only the verb's own clause: `6 miljoner kronor till A, som har
/// ansökt om mer` says nothing of the figure, and is no match.
static REQUESTED_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) ^ \s* (?: (?: har | hade | har \s+ nu | hade \s+ tidigare ) \s+ )?
        (?: begärts | begärdes | begärs | sökts | söktes | söks | ansökts | ansöktes
          | efterfrågats | efterfrågades )
        (?: [^\p{L}] | $ )",
    )
});

/// Right before a figure, the level it is compared with: `tidigare 150 miljoner kronor`, `en
/// ökning från 250 miljoner kronor` (with no `till` after it: the earlier level of a change whose
/// new level was stated first). Only right before the figure: `som tidigare aviserats får A 5
/// miljoner` says nothing of the figure, and `de tidigare 4 miljarderna` names a figure given
/// before (a part when added, `Tillsammans med de tidigare 4 miljarderna …`).
static EARLIER_LEVEL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] )
        # `de tidigare 4 miljarderna` is an adjective on a figure already given: no match.
        (?P<det> (?: de | den | det | dessa | sina | våra ) \s+ )?
        (?: tidigare
          | (?: ökning | ökningen | höjning | höjningen | minskning | minskningen | sänkning
              | sänkningen | upp | ned | ner ) \s+ från )
        \s+ (?: (?: cirka | ca\.? | drygt | knappt | närmare | omkring | ungefär ) \s+ )?
        $",
    )
});

/// Right after a figure: `högre`, `lägre`, `mer`, `mindre` (than something else) make it a change.
static CHANGE_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) ^ \s* (?: högre | lägre | mer | mindre | större | färre ) (?: [^\p{L}] | $ )",
    )
});

/// Between two figures, a bare coordination (`… jämfört med 200 miljoner kronor 2024 och 300
/// miljoner kronor 2023`), at most a year or `i fjol` closing the first member: the second figure
/// is one more object of the wording before the first. `, och` or any other word between opens a
/// new member or clause, which reads its wording afresh.
static BARE_AND: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) ^ \s* (?: (?: (?: år | för ) \s+ )? (?: 19 | 20 ) \d\d \s+ | i \s+ fjol \s+ )?
        (?: och | samt | respektive | eller ) \s+ $",
    )
});

/// `åren 2022–2024`, `2022-2024`: a span of years.
static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x) (?: ^ | [^\d] ) ( (?: 19 | 20 ) \d{2} ) \s* [-–—] \s* ( (?: 19 | 20 ) \d{2} ) (?: [^\d] | $ )")
        .expect("valid regex")
});

/// A distributive subject in the figure's sentence (`Varje kommun får minst`, `var och en av
/// regionerna får`): the figure is what each one gets. `varje år` is a period, read by
/// [`multiplier`]'s kind of wording, not a recipient.
static EACH_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] )
        (?: varje | var \s+ och \s+ en \s+ av ) \s+ (?P<noun> \p{L}+ ) [^.!?;:]* $",
    )
});

/// Right after a figure: `vardera`, `var` (`2 miljoner kronor var`, `… vardera`): each one's share.
static EACH_AFTER: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?xi) ^ \s* (?: vardera | var ) (?: [^\p{L}] | $ )"));

/// A count of things right before a figure for each of them (`två potter på 100 000 kronor var`,
/// `tre projekt om 2 miljoner kronor vardera`, `5 föreningar får 20 000 kronor var`): the count,
/// the things counted, and at most two words before the figure. A count inside a partitive (`två
/// av de fem kommunerna får …`) names no set the figure goes to each of, and is no match.
static EACH_COUNT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi)
        (?: ^ | (?P<prev> \p{L}+ ) \s+ | [^\p{L}\d\s] \s* )
        (?P<n> två | tre | fyra | fem | sex | sju | åtta | nio | tio | elva | tolv | [2-9] | [1-9]\d )
        \s+ (?P<noun> \p{L}{3,} ) (?: \s+ \p{L}+ ){0,2} \s+ $",
    )
});

/// Words a count of things is no count of: money, time and the months of a date (`20 oktober`).
const NOT_THINGS: [&str; 11] = [
    "kronor",
    "miljoner",
    "miljarder",
    "procent",
    "månader",
    "veckor",
    "dagar",
    "timmar",
    "gånger",
    "tkr",
    "mnkr",
];

/// How many times the figure for each of several (`två potter på 100 000 kronor var`) counts in
/// a sum: the count of things right before it, when the figure is worded `var`/`vardera` after it.
/// A figure for each of an uncounted set (`A och B får 100 000 kronor vardera`, `Varje kommun
/// får …`) has none: it stays a rate, no part.
pub(super) fn each_count(doc: &Doc<'_>, k: usize) -> Option<u32> {
    let &i = doc.running.get(k)?;
    let (_, e) = doc.spans[i];
    let after = doc.slice(e, (e + 24).min(doc.text.len()));
    if !EACH_AFTER.is_match(doc.width, after.get(..floor(after, 24)).unwrap_or("")) {
        return None;
    }
    let gap = before(doc, k);
    let c = EACH_COUNT.captures(doc.width, gap)?;
    let noun = c["noun"].to_lowercase();
    let partitive = c
        .name("prev")
        .is_some_and(|p| ["av", "de", "dessa"].contains(&p.as_str().to_lowercase().as_str()));
    let month = crate::extract::date::MONTH_NAMES.contains(&noun.as_str());
    if partitive || month || NOT_THINGS.contains(&noun.as_str()) {
        return None;
    }
    let n = c["n"].to_lowercase();
    let words = [
        "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
    ];
    words
        .iter()
        .position(|w| *w == n)
        .and_then(|p| u32::try_from(p + 2).ok())
        .or_else(|| n.parse().ok())
}

/// Units of time a figure may be stated per (`per år`, `per månad`): such a figure is a part
/// counted once per period ([`multiplier`]), not a rate per recipient.
const TIME_UNITS: [&str; 5] = ["år", "månad", "kvartal", "vecka", "dag"];

/// A demonstrative right before a figure: `Dessa 30 miljoner`, `denna miljon`, `detta belopp
/// om`. (`av dessa` is nested and is read first.)
static MENTION: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?xi) (?: ^ | [^\p{L}] ) (?: dessa | denna | detta ) \s+ $"));

/// `från` or `mellan` right before a figure: it may be the lower end of a range written with a
/// unit on each end (`från 212 miljoner kronor till 312 miljoner kronor`).
static RANGE_OPENER: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?xi) (?: ^ | [^\p{L}] ) (?P<w> från | mellan ) \s+ $"));

/// What joins the two ends of such a range: `till` after `från`, `och` after `mellan`, or a dash.
static RANGE_JOIN: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?xi) ^ (?: \s+ (?P<w> till | och ) \s+ | \s* [-–—] \s* ) $"));

/// Whether running amounts `running[k]` and `running[k + 1]` are the two ends of one range
/// written with a unit on each end (`från 1 miljon kronor till 2 miljoner kronor`, `mellan 1
/// miljard och 2 miljarder kronor`); a range under one unit is already one amount.
fn range_pair(doc: &Doc<'_>, k: usize) -> bool {
    let (Some(&lo), Some(&hi)) = (doc.running.get(k), doc.running.get(k + 1)) else {
        return false;
    };
    let Some(open) = RANGE_OPENER.captures(doc.width, before(doc, k)) else {
        return false;
    };
    let Some(join) = RANGE_JOIN.captures(doc.width, doc.slice(doc.spans[lo].1, doc.spans[hi].0))
    else {
        return false;
    };
    match (open["w"].to_lowercase().as_str(), join.name("w")) {
        (_, None) => true,
        (opener, Some(w)) => {
            let w = w.as_str().to_lowercase();
            (opener == "från" && w == "till") || (opener == "mellan" && w == "och")
        }
    }
}

/// Whether amount `i` states a range rather than a figure: a range under one unit (`150–300
/// miljoner`, `mellan 1 och 2 miljarder`: no single value), or either end of a range written with
/// a unit on each end. A range claims no point a sum could be confirmed by, so a check with a
/// range for its total or among its parts is never `ok` (see `validate::reconcile`).
pub(super) fn is_range(doc: &Doc<'_>, i: usize) -> bool {
    let Some(a) = doc.amounts.get(i) else {
        return false;
    };
    if a.value.is_none() {
        return true;
    }
    doc.rank(i)
        .is_some_and(|k| range_pair(doc, k) || k.checked_sub(1).is_some_and(|p| range_pair(doc, p)))
}

/// The text before running amount `running[k]` that its wording is read from: back to the previous
/// amount, the start of its sentence or [`WINDOW`] bytes, whichever is nearest.
fn before<'a>(doc: &Doc<'a>, k: usize) -> &'a str {
    let (s, _) = doc.spans[doc.running[k]];
    let mut from = s.saturating_sub(WINDOW);
    while !doc.text.is_char_boundary(from) {
        from -= 1;
    }
    if let Some(&prev) = k.checked_sub(1).and_then(|p| doc.running.get(p)) {
        from = from.max(doc.spans[prev].1.min(s));
    }
    doc.slice(from, s)
}

/// What the wording around running amount `running[k]` makes it.
pub(super) fn wording(doc: &Doc<'_>, k: usize) -> Wording {
    if k >= doc.running.len() {
        return Wording::Part(PartRole::Part);
    }
    // The upper end of a range with a unit on each end is worded as its lower end: `ökas från
    // 150 miljoner kronor till 300 miljoner kronor` is a change at both ends.
    if k.checked_sub(1).is_some_and(|p| range_pair(doc, p)) {
        return own_wording(doc, k - 1);
    }
    let own = own_wording(doc, k);
    // `jämfört med 200 miljoner 2024 och 300 miljoner 2023`, `ökar med 200 miljoner 2025 och
    // 300 miljoner 2026`: the second figure, with no wording of its own, shares the first's
    // comparison or change (read as a part it added 300 miljoner to the total before them).
    if own == Wording::Part(PartRole::Part) && k > 0 && BARE_AND.is_match(doc.width, before(doc, k))
    {
        let first = wording(doc, k - 1);
        if matches!(first, Wording::Comparison | Wording::Change) {
            return first;
        }
    }
    own
}

/// [`wording`] read from the words around `running[k]` alone (`k` is in bounds).
fn own_wording(doc: &Doc<'_>, k: usize) -> Wording {
    let i = doc.running[k];
    let (_, e) = doc.spans[i];
    let gap = before(doc, k);
    // An open parenthesis right after the previous figure on the same line: a gloss on that
    // figure. `… 23 miljoner kronor). Dessutom … (6,3 miljoner kronor)` is a new sentence, no
    // gloss; and words between the figure and the parenthesis take the gloss themselves: in
    // `kommunerna (2,2 miljarder kronor) och regionerna (1 miljard kronor)` or `varav 60 procent
    // (120 miljoner kronor)` each figure is the share of the word before it, a part.
    if k > 0 && !gap.contains('\n') && gap.len() <= 40 && !ends_sentence(gap) {
        // `16 mnkr (varav löner 13,5 mnkr och lokaler 2,5 mnkr)`: a parenthesis opening on a
        // breakdown word splits the figure before it; its figures are worded by that word (nested
        // in the figure, parts of its breakdown), not glosses.
        let open = gap.rfind('(');
        if open.is_some_and(|o| {
            !gap[o..].contains(')')
                && !gap[..o].contains(char::is_alphabetic)
                && !BREAKDOWN_OPENS.is_match(doc.width, &gap[o + 1..])
        }) {
            return Wording::Aside;
        }
    }
    let after = doc.slice(e, (e + 24).min(doc.text.len()));
    // `från 150 till 300 miljoner` (one amount) or `från 150 miljoner till 300 miljoner` (two).
    let from_to = doc.amounts[i].text.to_lowercase().starts_with("från ")
        || (range_pair(doc, k)
            && RANGE_OPENER
                .captures(doc.width, gap)
                .is_some_and(|c| c["w"].eq_ignore_ascii_case("från")));
    if (from_to && CHANGE_LEVELS.is_match(doc.width, gap))
        || (CHANGE.is_match(doc.width, gap)
            && !SPLIT_WITH.is_match(doc.width, gap)
            && !ADDED_MONEY.is_match(doc.width, gap))
        || CHANGE_AFTER.is_match(doc.width, after.get(..floor(after, 24)).unwrap_or(""))
    {
        return Wording::Change;
    }
    let per_unit = doc.amounts[i]
        .per
        .as_deref()
        .is_some_and(|p| !TIME_UNITS.contains(&p.to_lowercase().as_str()));
    let each = EACH_BEFORE
        .captures(doc.width, gap)
        .is_some_and(|c| !TIME_UNITS.contains(&c["noun"].to_lowercase().as_str()));
    if per_unit || each || EACH_AFTER.is_match(doc.width, after) {
        return Wording::PerUnit;
    }
    let lost = LOSS.captures(doc.width, gap).is_some_and(|c| {
        !c["between"]
            .split_whitespace()
            .any(|w| CLAUSE_WORDS.contains(&w.to_lowercase().as_str()))
    });
    if lost {
        return Wording::Loss;
    }
    // `skolkuratorer, 300 miljoner kronor, en ökning från 250 miljoner kronor`: a level before
    // the change, not a share. A range (`ökning från 250 till 300`) is a change, read above.
    let earlier = EARLIER_LEVEL
        .captures(doc.width, gap)
        .is_some_and(|c| c.name("det").is_none());
    if REQUESTED_AFTER.is_match(doc.width, after) || earlier {
        return Wording::Comparison;
    }
    // `…, och den minsta 30 miljoner`: a clause joined before the superlative is its own; one
    // joined after it (`den största, 50 miljoner, och 30 miljoner till B`) has left it.
    let extreme = EXTREME.captures(doc.width, gap).is_some_and(|c| {
        c.name("noun")
            .is_none_or(|n| !RANKED_SHARES.contains(&n.as_str().to_lowercase().as_str()))
            && !CLAUSE_JOIN.is_match(doc.width, &gap[c.name("sup").map_or(0, |m| m.end())..])
    });
    if extreme {
        return Wording::Comparison;
    }
    match BEFORE.captures(doc.width, gap) {
        Some(c) if c.name("nested").is_some() => Wording::Nested,
        _ if MENTION.is_match(doc.width, gap) => Wording::Mention,
        // `… 300 miljoner till A, en ökning med 50 miljoner jämfört med i fjol, och 200
        // miljoner till B`: the comparison closed on its own object before a new member of the
        // list; the figure after `, och` is the next part, not what is compared with.
        Some(c)
            if c.name("comparison")
                .is_some_and(|m| !CLAUSE_JOIN.is_match(doc.width, &gap[m.end()..])) =>
        {
            Wording::Comparison
        }
        Some(c) if c.name("remainder").is_some() => Wording::Part(PartRole::Remainder),
        Some(c) if c.name("addition").is_some() => Wording::Part(PartRole::Addition),
        _ => Wording::Part(PartRole::Part),
    }
}

fn floor(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// Whether amount `i` is stated per a period of time (`50 miljoner kronor per år`) that a
/// `total` of other wording is not: summed once, without a span of years to count it over
/// ([`multiplier`]), it would be a rate added to a sum, right only by chance.
pub(super) fn per_other_period(doc: &Doc<'_>, i: usize, total: usize) -> bool {
    let per = |j: usize| doc.amounts.get(j).and_then(|a| a.per.as_deref());
    per(i).is_some_and(|p| TIME_UNITS.contains(&p.to_lowercase().as_str())) && per(i) != per(total)
}

/// How many times running amount `running[k]` counts in a sum: a figure `per år` in a sentence
/// that names a span of years (`250 miljoner kronor per år … för åren 2022–2024`) counts once per
/// year of the span; a figure for each of a counted set, once per member ([`each_count`]);
/// anything else once.
pub(super) fn multiplier(doc: &Doc<'_>, k: usize, sentence: &str) -> u32 {
    let Some(&i) = doc.running.get(k) else {
        return 1;
    };
    if let Some(n) = each_count(doc, k) {
        return n;
    }
    if doc.amounts[i].per.as_deref() != Some("år") {
        return 1;
    }
    let Some(c) = YEARS.captures(sentence) else {
        return 1;
    };
    let year = |n: usize| c.get(n).and_then(|m| m.as_str().parse::<u32>().ok());
    match (year(1), year(2)) {
        (Some(a), Some(b)) if b > a && b - a < 50 => b - a + 1,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::testing::{M, amounts};

    /// The wording of the last of `items` in `text`.
    #[track_caller]
    fn assert_wording(text: &str, items: &[(&str, i64)], want: Wording) {
        let a = amounts(text, items);
        let doc = Doc::new(text, &a);
        assert_eq!(wording(&doc, doc.running.len() - 1), want, "{text}");
    }

    #[test]
    fn wording_both_ways() {
        use Wording::{Aside, Change, Comparison, Loss, Mention, Nested, PerUnit};
        const PLAIN: Wording = Wording::Part(PartRole::Part);
        const ADDITION: Wording = Wording::Part(PartRole::Addition);
        const REMAINDER: Wording = Wording::Part(PartRole::Remainder);
        let one = |w: &'static str| [(w, 100 * M)];
        let two = |w: &'static str| [("900 miljoner kronor", 900 * M), (w, 100 * M)];
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], Wording);
        let cases: &[Case<'_>] = &[
            (
                "Satsningen är 900 miljoner kronor, varav 100 miljoner kronor till A.",
                &two("100 miljoner kronor"),
                Nested,
            ),
            (
                "Ramen är 900 miljoner kronor, som också innefattar 100 miljoner kronor.",
                &two("100 miljoner kronor"),
                Nested,
            ),
            (
                "I summan är det inkluderat 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                Nested,
            ),
            (
                "Det blir en ökning med 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                Change,
            ),
            (
                "Anslaget höjs med 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                Change,
            ),
            // Added money named as a thing is the figure itself; a thing changed by the figure
            // stays a change.
            (
                "Även länsstyrelserna får ökade resurser om 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "Myndigheten får ett ökat anslag med 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                Change,
            ),
            (
                "Kostnaderna ökade under året på grund av resurser om 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                Change,
            ),
            // The earlier level right before a figure is compared with, never a share; the
            // same word further back, or `från` naming a source, is no match.
            (
                "A får 300 miljoner kronor, en ökning från 100 miljoner kronor.",
                &[
                    ("300 miljoner kronor", 300 * M),
                    ("100 miljoner kronor", 100 * M),
                ],
                Comparison,
            ),
            (
                "B får 200 miljoner kronor, tidigare 100 miljoner kronor.",
                &[
                    ("200 miljoner kronor", 200 * M),
                    ("100 miljoner kronor", 100 * M),
                ],
                Comparison,
            ),
            (
                "Som tidigare beslutats får B 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "Tillsammans med de tidigare 100 miljoner kronorna avsätts 300 miljoner kronor.",
                &[("100 miljoner kronorna", 100 * M)],
                ADDITION,
            ),
            (
                "Medel från anslaget: 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "B får medel från 100 miljoner kronor som återbetalats.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            // `fördelas med` after the change's noun gives a share, no change.
            (
                "Ökningen fördelas med 100 miljoner kronor till A.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "Anslaget höjs till 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            // One extreme of a set is no share of its sum; a share ranked by size is.
            (
                "Den största enskilda ansökan gällde 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                Comparison,
            ),
            (
                "Största ansökan var 900 miljoner kronor och den minsta 100 miljoner kronor.",
                &two("100 miljoner kronor"),
                Comparison,
            ),
            (
                "Den största delen, 100 miljoner kronor, går till A.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "Den största posten är 100 miljoner kronor till A.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            // A parenthesis opening on `varav` splits the figure before it: no gloss.
            (
                "Budgeten är 900 miljoner kronor (varav löner 100 miljoner kronor och hyror).",
                &two("100 miljoner kronor"),
                Nested,
            ),
            (
                "Budgeten är 900 miljoner kronor (100 miljoner kronor mindre i fjol).",
                &two("100 miljoner kronor"),
                Aside,
            ),
            (
                "Resultatet blir 100 miljoner kronor högre än väntat.",
                &one("100 miljoner kronor"),
                Change,
            ),
            (
                "Det är 100 miljoner kronor till A.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "Det är 900 miljoner kronor jämfört med 100 miljoner kronor i fjol.",
                &two("100 miljoner kronor"),
                Comparison,
            ),
            (
                "Kommunen får 900 miljoner kronor (sökt 100 miljoner kronor).",
                &two("100 miljoner kronor"),
                Aside,
            ),
            // A gloss on a word between the figures is the word's share: a part.
            (
                "Pengarna går till kommunerna (900 miljoner kronor) och regionerna (100 miljoner kronor).",
                &two("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "Totalt 900 miljoner kronor, varav 60 procent (100 miljoner kronor) till A.",
                &two("100 miljoner kronor"),
                Nested,
            ),
            // A comparison closed before `, och` leaves the next figure a part.
            (
                "A får 900 miljoner kronor, jämfört med 800 miljoner i fjol, och B 100 miljoner kronor.",
                &[
                    ("900 miljoner kronor", 900 * M),
                    ("800 miljoner", 800 * M),
                    ("100 miljoner kronor", 100 * M),
                ],
                PLAIN,
            ),
            // A bare `och` after a compared or changed figure carries its wording on; a plain
            // figure's does not, nor a comma before `och`.
            (
                "Totalt 900 miljoner kronor, jämfört med 200 miljoner kronor 2024 och 100 miljoner kronor 2023.",
                &[
                    ("900 miljoner kronor", 900 * M),
                    ("200 miljoner kronor", 200 * M),
                    ("100 miljoner kronor", 100 * M),
                ],
                Comparison,
            ),
            (
                "Anslaget ökar med 900 miljoner kronor 2025 och 100 miljoner kronor 2026.",
                &two("100 miljoner kronor"),
                Change,
            ),
            (
                "A får 900 miljoner kronor 2025 och 100 miljoner kronor 2026.",
                &two("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "Totalt 900 miljoner kronor, jämfört med 200 miljoner kronor 2024, och 100 miljoner kronor till B.",
                &[
                    ("900 miljoner kronor", 900 * M),
                    ("200 miljoner kronor", 200 * M),
                    ("100 miljoner kronor", 100 * M),
                ],
                PLAIN,
            ),
            (
                "Det är 900 miljoner kronor jämfört med i fjol, och 100 miljoner kronor till B.",
                &two("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "Det är 900 miljoner kronor jämfört med i fjol och förra årets 100 miljoner kronor.",
                &two("100 miljoner kronor"),
                Comparison,
            ),
            (
                "Kommunen får 900 miljoner kronor.\n(Sökt 100 miljoner kronor).",
                &two("100 miljoner kronor"),
                Comparison,
            ),
            // What was asked for, before or after the figure, is no share of what was given …
            (
                "A beviljas 900 miljoner kronor. B begärde 100 miljoner kronor.",
                &two("100 miljoner kronor"),
                Comparison,
            ),
            (
                "A får 900 miljoner kronor. Ytterligare 100 miljoner kronor har begärts av B.",
                &two("100 miljoner kronor"),
                Comparison,
            ),
            (
                "Föreningen fick 900 miljoner kronor efter en begäran om 100 miljoner kronor.",
                &two("100 miljoner kronor"),
                Comparison,
            ),
            // … but the request of another clause or of the recipient says nothing of it.
            (
                "B har begärt medel. Regeringen tillför 100 miljoner kronor till B.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "A får 900 miljoner kronor. Ytterligare 100 miljoner kronor går till B, som har begärt mer.",
                &two("100 miljoner kronor"),
                ADDITION,
            ),
            (
                "Medel reserveras (900 miljoner kronor). Dessutom medel för B (100 miljoner kronor).",
                &two("100 miljoner kronor"),
                ADDITION,
            ),
            (
                "Därtill kommer 100 miljoner kronor till B.",
                &one("100 miljoner kronor"),
                ADDITION,
            ),
            (
                "Ytterligare 100 miljoner kronor går till B.",
                &one("100 miljoner kronor"),
                ADDITION,
            ),
            (
                "Tillsammans med de 100 miljoner kronor som anslogs tidigare",
                &one("100 miljoner kronor"),
                ADDITION,
            ),
            (
                "Resterande 100 miljoner kronor går till B.",
                &one("100 miljoner kronor"),
                REMAINDER,
            ),
            (
                "Transportbidraget har vuxit med 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                Change,
            ),
            (
                "Projektverksamheten har stigit med 100 miljoner kronor jämfört med 2017.",
                &one("100 miljoner kronor"),
                Change,
            ),
            (
                "A ökas från 100 till 300 miljoner kronor.",
                &one("från 100 till 300 miljoner kronor"),
                Change,
            ),
            (
                "A får från 100 till 300 miljoner kronor.",
                &one("från 100 till 300 miljoner kronor"),
                PLAIN,
            ),
            // A range with a unit on each end: its upper end is worded as its lower end.
            (
                "A ökas från 50 miljoner kronor till 100 miljoner kronor.",
                &[
                    ("50 miljoner kronor", 50 * M),
                    ("100 miljoner kronor", 100 * M),
                ],
                Change,
            ),
            (
                "A får från 50 miljoner kronor till 100 miljoner kronor.",
                &[
                    ("50 miljoner kronor", 50 * M),
                    ("100 miljoner kronor", 100 * M),
                ],
                PLAIN,
            ),
            // A verb of losing before the figure, at most two words between …
            (
                "Under året tappade de 100 miljoner kronor i intäkter.",
                &one("100 miljoner kronor"),
                Loss,
            ),
            (
                "Stiftelsen förlorade 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                Loss,
            ),
            // … but not across a conjunction, nor a noun of loss that the figure covers.
            (
                "Bolaget tappade kunder men fick 100 miljoner kronor i stöd.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "Förlusten täcks av 100 miljoner kronor ur fonden.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "Anslaget sjönk med 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                Change,
            ),
            (
                "Anslaget har vuxit till 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "B får 900 miljoner kronor. Dessa 100 miljoner kronor ersätter tidigare medel.",
                &two("100 miljoner kronor"),
                Mention,
            ),
            (
                "Av dessa 100 miljoner kronor går hälften till B.",
                &one("100 miljoner kronor"),
                Nested,
            ),
            (
                "Sedan får B 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            // The cue of an earlier sentence does not reach over its full stop.
            (
                "Ytterligare medel kommer. Det är 100 miljoner kronor till B.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            // What each one of several gets is a rate or a floor, no part …
            (
                "A får 900 miljoner kronor. Varje kommun får minst 100 miljoner kronor.",
                &two("100 miljoner kronor"),
                PerUnit,
            ),
            (
                "Var och en av regionerna får 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                PerUnit,
            ),
            (
                "A och B får 100 miljoner kronor vardera.",
                &one("100 miljoner kronor"),
                PerUnit,
            ),
            // … but a sentence about each one ends at its full stop, `varje år` is no recipient,
            // and `var` opening the next clause is no distributive.
            (
                "Varje kommun har fått besked. B får 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "Varje år får B 100 miljoner kronor.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
            (
                "B får 100 miljoner kronor, var och en av dem till ett projekt.",
                &one("100 miljoner kronor"),
                PLAIN,
            ),
        ];
        for &(text, items, want) in cases {
            assert_wording(text, items, want);
        }
    }

    #[test]
    fn a_figure_per_recipient_is_no_part_but_one_per_year_is() {
        // (text, the figure, what it is per as the extractor reads it, the wording)
        let cases: &[(&str, &str, &str, Wording)] = &[
            (
                "Bidraget uppgår i snitt till 4 200 kronor per elev.",
                "4 200 kronor per elev",
                "elev",
                Wording::PerUnit,
            ),
            (
                "Regionerna får 20 kronor per invånare.",
                "20 kronor per invånare",
                "invånare",
                Wording::PerUnit,
            ),
            (
                "B får 100 miljoner kronor per år.",
                "100 miljoner kronor per år",
                "år",
                Wording::Part(PartRole::Part),
            ),
            (
                "B får 5 miljoner kronor per månad.",
                "5 miljoner kronor per månad",
                "månad",
                Wording::Part(PartRole::Part),
            ),
        ];
        for &(text, words, per, want) in cases {
            let mut a = amounts(text, &[(words, 100 * M)]);
            a[0].per = Some(per.into());
            let doc = Doc::new(text, &a);
            assert_eq!(wording(&doc, 0), want, "{text}");
        }
    }

    #[test]
    fn ranges_with_a_unit_on_each_end_both_ways() {
        // (text, amounts, which are read as ranges)
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], &'a [bool]);
        let pair = |a: &'static str, b: &'static str| [(a, 50 * M), (b, 100 * M)];
        let cases: &[Case<'_>] = &[
            (
                "A får från 50 miljoner kronor till 100 miljoner kronor.",
                &pair("50 miljoner kronor", "100 miljoner kronor"),
                &[true, true],
            ),
            (
                "A får mellan 50 miljoner kronor och 100 miljoner kronor.",
                &pair("50 miljoner kronor", "100 miljoner kronor"),
                &[true, true],
            ),
            (
                "A får från 50 mnkr – 100 mnkr.",
                &pair("50 mnkr", "100 mnkr"),
                &[true, true],
            ),
            // Leaves alone: two figures joined without an opener, an opener with the wrong
            // joiner, and `från` naming a source.
            (
                "A får 50 miljoner kronor och 100 miljoner kronor.",
                &pair("50 miljoner kronor", "100 miljoner kronor"),
                &[false, false],
            ),
            (
                "A får från 50 miljoner kronor och 100 miljoner kronor.",
                &pair("50 miljoner kronor", "100 miljoner kronor"),
                &[false, false],
            ),
            (
                "Bidraget från 50 miljoner kronor går till B, som också får 100 miljoner kronor.",
                &pair("50 miljoner kronor", "100 miljoner kronor"),
                &[false, false],
            ),
        ];
        for &(text, items, want) in cases {
            let a = amounts(text, items);
            let doc = Doc::new(text, &a);
            let got: Vec<bool> = (0..a.len()).map(|i| is_range(&doc, i)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn per_year_figures_count_once_per_year_of_the_span() {
        let text = "Regeringen beräknar att 250 miljoner kronor per år avsätts för åren 2022–2024.";
        let mut a = amounts(text, &[("250 miljoner kronor per år", 250 * M)]);
        let doc = Doc::new(text, &a);
        assert_eq!(multiplier(&doc, 0, text), 1, "no `per` read: counts once");
        a[0].per = Some("år".into());
        let doc = Doc::new(text, &a);
        assert_eq!(multiplier(&doc, 0, text), 3);
        assert_eq!(multiplier(&doc, 0, "250 miljoner kronor per år."), 1);
    }
}
