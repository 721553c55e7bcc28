//! Stages 3 and 4: breakdowns (`varav`, `av dessa` after an amount) and totals announced by a cue
//! (`totalt`, `sammanlagt`, `omfattar`, `avsätter`, `fördelas` … before an amount, `fördelas enligt
//! följande` after it).
//!
//! **In:** the running-text amounts of a [`Doc`] and the roles earlier stages gave them. **Out:**
//! one check per cued total.
//!
//! - A **breakdown**'s parts are the amounts from the cue to the end of its sentence; when those do
//!   not add up, the breakdown may go on over the following sentences and paragraphs up to the end
//!   of its section (a heading or the next cued total): the shortest run that adds up is taken.
//!   Otherwise, parts that fall short are `unresolved` (the rest is not itemised).
//! - A **cued total**'s parts are the figures of its section after it; a list item cued only by
//!   a verb (`- Länsstyrelserna tillförs 40 miljoner`) and smaller than the total is one of them,
//!   not a new section. A sentence that sums up what
//!   came before (`Tillsammans med de 4 miljarder …, avsätts sammanlagt 6 miljarder`, `Totalt …
//!   därmed en miljard`, `… ytterligare 5 miljarder uppgår summan till 10 miljarder`: `summan`
//!   after two figures of its sentence) takes the figures before it in its paragraph instead. When the section's
//!   figures do not add up, an enumeration is a `mismatch` and prose is searched for a contiguous
//!   run that does; where a smaller share worded with a verb cut the section short and that
//!   settled nothing, the run may go on through the section it cut (an `ok` only). An `ok` of a
//!   rounded total moves onto its exact statement after the parts, if there is one.
//! - A **headline** opening on a figure (`Tre miljoner till badplatser`) is a total only where
//!   the figures below it add up to it (`ok`, never `mismatch`).
//!
//! Only figures whose wording makes them parts are summed (see `roles.rs`): nested figures,
//! changes, comparisons and asides never are, nor a restatement of the total (the same value), nor
//! a figure larger than a positive total.
//!
//! **Deliberately not here:** a large amount without a cue is never a total, and a total cued only
//! by a verb (`fördelas`, `omfattar`) whose parts are not found is no check at all: it may be a
//! lone amount. Arithmetic other than addition (`hälften`, shares) is not attempted.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::date::MONTH_NAMES;
use crate::pattern::Pattern;
use crate::record::{Amount, PartRole, TotalCheck, TotalStatus};

use super::doc::{Doc, has_blank_line, sentence_end};
use super::interval::{is_soft, tolerance};
use super::roles::{
    Wording, each_count, loss_total, multiplier, other_account_line, per_other_period, wording,
};
use super::sum::{Claim, MAX_PARTS, Role, check, sum, unresolved};

/// A cue directly before an amount that makes it a total. `strong` cues name a sum; the others
/// are verbs that state an amount being split (a lone amount after them is no total).
static TOTAL_CUE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi)
        (?: ^ | [^\p{L}] )
        (?:
            (?P<strong> totalt | sammanlagt | sammantaget | summa | tillsammans )
            # a few words of the clause may sit between: `Totalt innehåller satsningen därmed …`
            (?: \s+ (?: \p{L}+ ) ){0,4}?
          | (?: avsätta | avsätter | avsätts | avsatt | avsattes | omfattar | omfattade | omfattas \s+ av
              | fördelas | fördelades | fördelar | omfördelas | omfördelades
              # the infinitive after a decision: `har beslutat att fördela 250 miljoner kronor`,
              # `beslutar att omfördela 12 miljoner kronor enligt följande:`
              | fördela | omfördela | omfördelar
              # money granted to a purpose, as budgets word it: `Riksdagen anvisar 60 miljoner
              # kronor till kulturmiljövården`, `anvisa 4 200 000 kronor ur reserven`
              | anvisa | anvisar | anvisas | anvisade | anvisades | anvisat | anvisats
              # the noun: `beslutat om fördelning av 100 miljoner kronor`
              | fördelning \s+ av | fördelningen \s+ av
              | dela \s+ ut | delar \s+ ut | delas \s+ ut | delades \s+ ut
              # a sum shared among several: `får Sveriges skolväsende dela på 1,25 miljarder`
              | dela \s+ på | delar \s+ på | delade \s+ på )
            # small words that may sit between the cue and the figure: `avsätts totalt till …`.
            # Not `med`: `Beloppet fördelas med 1,5 miljoner till A och 1 miljon till B` names
            # a share of a sum already stated, not a new total.
            (?: [\s:]+ (?: totalt | sammanlagt | till | på | om | av ) )*
          # a verb of giving or spending, with its object or a few adverbs before the figure:
          # `Regeringen tillför därför 80 miljoner`, `satsar 120 miljoner`, `förstärker det civila
          # försvaret med 75 miljoner`, `har beviljat stadsmiljöavtal på 825 miljoner`. A label
          # `Beviljat belopp: 400 000 kr` names no preposition and is one part of a list.
          | (?: tillför | tillförs | tillförde | tillförts | satsar | satsas | satsade
              | beviljar | beviljas | beviljade | beviljades | beviljat | beviljats
              | förstärker | förstärks | förstärkte | förstärkts
              # a proposal: `Regeringen föreslår 7 miljarder kronor i stöd till …`
              | föreslår | föreslås | föreslog | föreslogs )
            (?: (?: \s+ (?: därför | nu | även | också | idag | i \s+ dag ) )+
              | (?: \s+ [\p{L}-]+ ){0,3}? \s+ (?: med | på | om ) )?
          # a decision about the sum: `har i dag beslutat om 650 miljoner kronor till …`,
          # `beslutade om stöd på 3,2 miljarder kronor`
          | (?: beslutat | beslutade | beslutar | beslutats | beslut ) (?: \s+ (?: i \s+ dag | idag | nu | även | också ) )?
            \s+ om (?: \s+ [\p{L}-]+ \s+ (?: på | om ) )?
          | (?: uppgår | uppgick | uppgå ) (?: \s+ \p{L}+ ){0,3}? \s+ till
            (?: \s+ (?: totalt | sammanlagt ) )?
        )
        [\s:]*
        (?: (?: cirka | ca\.? | drygt | närmare | omkring | ungefär | högst | upp \s+ till ) \s* )?
        $",
    )
});

/// The words that say a split is spelled out next: `fördelas enligt följande`, `så här`, `på
/// följande sätt`.
const FOLLOWING: &str = r"(?: enligt \s+ följande | så \s+ här | på \s+ följande \s+ sätt )";

/// The nouns that name the money just stated (`Medlen fördelas …`, `fördela pengarna …`).
const MONEY: &str = r"(?: medlen | pengarna | beloppet | summan | stödet | bidraget | anslaget )";

/// Right after an amount: `… 27 miljoner kronor fördelas enligt följande:` makes it a total.
/// So does a split still to be made in its clause: `de 18 miljoner kronor som kommunen fått ska
/// fördelas`, `får 378 miljoner kronor att fördela`, or made now in a relative clause on the
/// amount, `35 miljoner kronor som nu istället omfördelas` (a list item `458 mnkr fördelas av …`
/// states a split already made, and is no total). The next sentence may announce it too
/// ([`NEXT_SPLIT`]).
static CUE_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(format!(
        r"(?xi) ^ [^.!?\n]{{0,60}}? [^\p{{L}}] (?: fördelas | fördelades | fördelar ) [^.!?\n]{{0,30}}?
          {FOLLOWING}
        | ^ [^.!?\n]{{0,80}}? [^\p{{L}}] (?: (?: ska | skall | kommer \s+ att ) \s+ fördelas | att \s+ fördela ) (?: [^\p{{L}}] | $ )
        | ^ \s+ som \s+ (?: \p{{L}}+ \s+ ){{0,3}}? (?: fördelas | omfördelas ) (?: [^\p{{L}}] | $ )",
    ))
});

/// A sentence opening on a sum it goes on to split: `Av de 500 miljoner kronorna går 300
/// miljoner till A och 200 miljoner till B`. Mid-sentence, `300 miljoner av de 500 miljonerna`
/// names one share of a sum, no split, and is not matched.
static OF_THE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?xi) ^ \s* av \s+ (?: de | den ) (?: \s+ (?: totalt | sammanlagt ) )? \s+ $")
});

/// After an amount, the next sentence announcing the split of the money just named, its subject
/// the money itself (`… 250 miljoner kronor för 2025. Medlen fördelas enligt följande:`) or the
/// money the object of a decision's verb of splitting (`Kommunstyrelsen föreslås fördela medlen
/// enligt följande.`). No other figure may stand between (a year may), and see [`cue`]: the
/// amount must be the only one of its sentence, or which one is split is unsaid.
static NEXT_SPLIT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(format!(
        r"(?xi) ^ (?: [^.!?\n\d] | (?: 19 | 20 ) \d\d ){{0,100}}? [.:] \s+
        (?: {MONEY} \s+
            (?: ska \s+ | skall \s+ | kommer \s+ att \s+ )? (?: fördelas | fördelades ) [^.!?\n\d]{{0,30}}?
            (?: {FOLLOWING} | : )
          | fördelningen \s+ (?: ser \s+ ut \s+ så \s+ här | ser \s+ ut \s+ enligt \s+ följande | är \s+ följande )
          # the split as a decision's act, its object the money: `Kommunstyrelsen föreslås
          # fördela medlen enligt följande.`, `Nämnden beslutar att fördela pengarna så här:`
          | (?: [\p{{L}}-]+ \s+ ){{1,4}}? (?: fördela | fördelar | fördelade | omfördela | omfördelar ) \s+
            {MONEY} [^.!?\n\d]{{0,30}}?
            (?: {FOLLOWING} | : ) )",
    ))
});

/// In the sentence of a total: it sums up the figures before it.
static SUMS_UP: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] ) (?: tillsammans \s+ med | därmed | alltså | således ) (?: [^\p{L}] | $ )",
    )
});

/// A noun naming the sum of what came before (`… ytterligare 5 miljarder kronor uppgår summan
/// till 10 miljarder kronor`): it sums up only when figures precede it in its sentence, since a
/// sentence opening with it (`Summan uppgår till …`) may go on to its parts.
static SUM_NOUN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] ) (?: summan | totalsumman | totalen ) (?: [^\p{L}] | $ )",
    )
});

/// Words that open a breakdown of the amount just before them.
static BREAKDOWN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi)
        (?: ^ | [^\p{L}] )
        (?P<cue> varav | därav | av \s+ dessa | av \s+ detta | av \s+ vilka | av \s+ dem
               | av \s+ beloppet | av \s+ summan
               # the money named by its noun: `… 14 miljoner kronor i statsbidrag. Av bidraget går …`
               | av \s+ (?: medlen | pengarna | bidraget | stödet | anslaget )
               # the money said to consist of its parts: `… 600 miljoner kronor. Beloppet består
               # av 450 miljoner till A och 150 miljoner till B`, `Beloppet avser …`, and a split
               # in a participle: `anvisa 4 200 000 kronor, fördelat på A med 2 700 000 kronor …`
               | (?: beloppet | summan | medlen | pengarna ) \s+ (?: består \s+ av | avser )
               | (?: fördelat | fördelad | fördelade | uppdelat | uppdelad | uppdelade ) \s+ på
               # a change split in its turn: `… ökar med 6 miljarder. Av ökningen avser 4
               # miljarder kommunerna …`, `en höjning med 200 miljoner … Höjningen fördelas med
               # 120 miljoner till A och 80 miljoner till B`
               | (?P<change> av \s+ (?: ökningen | höjningen | tillskottet | förstärkningen )
                 | (?: ökningen | höjningen | tillskottet | förstärkningen ) \s+
                   (?: fördelas (?: \s+ med )? | avser | går \s+ till ) ) )
        (?: [^\p{L}] | $ )",
    )
});

/// Words that place a sentence in an earlier year or round than now (`Förra året fick …`, `i
/// fjol`, `Förra utlysningen fördelade …`, `föregående omgång`): whatever was before is another
/// sum's history.
static EARLIER_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] )
        (?: (?: förra | föregående ) \s+ \p{L}+ | i \s+ fjol | fjolårets
          | året \s+ innan | året \s+ före )
        (?: [^\p{L}] | $ )",
    )
});

/// Words that set a sentence's figures in another sum than the total's, whatever its year: the
/// same kind of effort compared with (`Budgeten för motsvarande satsning var 6 miljoner kronor år
/// 2023`, `under motsvarande period`) or another decision (`… får 4 miljoner kronor i ett separat
/// beslut`, `genom ett annat beslut`). `motsvarande` before a figure (`ett belopp motsvarande 5
/// miljoner`, `motsvarande drygt 5 miljoner`) restates an amount and is no match.
static OTHER_OCCASION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] )
        (?: motsvarande \s+ (?P<noun> \p{L}+ )
          | (?: separat | separata | annat | andra ) \s+ (?: beslut | beslutet | utlysning | utlysningen ) )
        (?: [^\p{L}] | $ )",
    )
});

/// Words after `motsvarande` that open a figure (`motsvarande drygt 5 miljoner`, `motsvarande en
/// miljon`), not a noun naming another effort.
/// A share of the figure before it (`3 miljoner kronor, motsvarande hälften, …`) is no other sum
/// either.
const OPENS_FIGURE: [&str; 20] = [
    "drygt", "knappt", "cirka", "ca", "omkring", "ungefär", "närmare", "nästan", "runt", "över",
    "högst", "minst", "upp", "en", "ett", "två", "tre", "hälften", "halva", "hela",
];

/// Whether `sentence` speaks of another sum than the total's ([`OTHER_OCCASION`]).
fn other_occasion(doc: &Doc<'_>, sentence: &str) -> bool {
    OTHER_OCCASION.captures_iter(doc.width, sentence).any(|c| {
        c.name("noun")
            .is_none_or(|n| !OPENS_FIGURE.contains(&n.as_str().to_lowercase().as_str()))
    })
}

/// A year or a span of years (`2025`, `2025–2027`) standing as a word of its own.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x) (?: ^ | [^\d\x20\u{a0}] | [^\d]\x20 | ^\x20 ) ( (?: 19 | 20 ) \d\d ) (?: \s* [-–—] \s* ( (?: 19 | 20 ) \d\d ) )? (?: [^\d] | $ )")
        .expect("valid regex")
});

/// The years a sentence names, each as a span (a year alone is a span of one).
fn years(sentence: &str) -> Vec<(u32, u32)> {
    YEAR.captures_iter(sentence)
        .filter_map(|c| {
            let a: u32 = c.get(1)?.as_str().parse().ok()?;
            let b = c
                .get(2)
                .and_then(|m| m.as_str().parse().ok())
                .filter(|&b| b >= a)
                .unwrap_or(a);
            Some((a, b))
        })
        .collect()
}

/// The end of the sentence holding byte `pos`, or of its line where the line ends on a colon:
/// `… fördela 15 mnkr för 2025 enligt följande:` ⏎ `För 2024 avsattes 11 mnkr.` is two
/// sentences to a reader, though no full stop parts them, and the year of the line after the
/// colon is not the total's own.
fn clause_end(doc: &Doc<'_>, pos: usize) -> usize {
    let end = sentence_end(doc.text, pos);
    let mut at = pos;
    for line in doc.slice(pos, end).split_inclusive('\n') {
        let kept = line.trim_end();
        if line.ends_with('\n') && kept.ends_with(':') {
            return at + kept.len();
        }
        at += line.len();
    }
    end
}

/// The sentences after a total that speak of another period than the total's sentence: a year
/// outside the total's years (`… 900 miljoner kronor 2025. … År 2020 fick myndigheten 500
/// miljoner`) or an earlier year or round (`Förra året fick universiteten …`, `Vid förra
/// omgången fördelades …`). They are the sum's history, set between the total and its parts
/// (`… enligt följande:` ⏎ `För 2024 avsattes 11 mnkr.` ⏎ `- A 6 mnkr …`) or after them: their
/// figures add up to the total only by chance, so they are never its parts, but they end
/// nothing, and the parts may go on after them. Years within the total's span (`3 miljarder
/// 2025–2027. För 2026 avsätts …`) stay parts.
struct Asides(Vec<(usize, usize)>);

/// The period the sentence of a total speaks of: the years it names, and whether it speaks of
/// an earlier year or round itself (then `förra året` in another sentence is no other period).
struct Period {
    years: Vec<(u32, u32)>,
    earlier: bool,
    /// The total's own sentence compares or names another decision ([`OTHER_OCCASION`]).
    occasion: bool,
}

impl Period {
    fn of(doc: &Doc<'_>, total: usize) -> Period {
        let (ts, te) = doc.spans[total];
        let own = doc.slice(doc.sentence_start(ts), clause_end(doc, te));
        Period {
            years: years(own),
            earlier: EARLIER_YEAR.is_match(doc.width, own),
            occasion: other_occasion(doc, own),
        }
    }

    /// Whether `sentence` speaks of another period: a year outside the total's (when it names
    /// any), or an earlier year or round.
    fn other(&self, doc: &Doc<'_>, sentence: &str) -> bool {
        let other_year = !self.years.is_empty() && {
            let named = years(sentence);
            !named.is_empty()
                && !named
                    .iter()
                    .any(|&(a, b)| self.years.iter().any(|&(c, d)| a <= d && c <= b))
        };
        other_year
            || (!self.earlier && EARLIER_YEAR.is_match(doc.width, sentence))
            || (!self.occasion && other_occasion(doc, sentence))
    }
}

impl Asides {
    /// The other-period sentences holding a figure after the sentence of byte `from`, before
    /// `end`.
    fn find(doc: &Doc<'_>, total: usize, from: usize, end: usize) -> Asides {
        let period = Period::of(doc, total);
        let first = clause_end(doc, from);
        let k = doc.running.partition_point(|&i| doc.spans[i].0 < first);
        let mut out: Vec<(usize, usize)> = Vec::new();
        for &i in &doc.running[k..] {
            let (s, e) = doc.spans[i];
            if s >= end {
                break;
            }
            if out.last().is_some_and(|&(_, b)| s < b) {
                continue; // a later figure of a sentence already found
            }
            let start = doc.sentence_start(s);
            let stop = sentence_end(doc.text, e);
            if period.other(doc, doc.slice(start, stop)) {
                out.push((start.max(first), stop));
            }
        }
        Asides(out)
    }

    /// Whether amount `i` stands in one of the other-period sentences.
    fn hold(&self, doc: &Doc<'_>, i: usize) -> bool {
        let s = doc.spans[i].0;
        self.0.iter().any(|&(a, b)| a <= s && s < b)
    }
}

/// The start of a numbered or bulleted line.
static ITEM: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?x) ^ [\x20\t]* (?: \d{1,2} [.)] | [-•–*] ) [\x20\t]+"));

/// Signs that the section after a total enumerates its parts.
static ENUMERATION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xim)
        ^ [\x20\t]* (?: \d{1,2} [.)] | [-•–*] ) [\x20\t]+ \S    # `1. Ledning …`, `- Löner …`
      | (?: ^ | [^\p{L}] ) följande (?: [^\p{L}] | $ )          # `Följande insatsområden …`",
    )
});

/// A count of things in a total's sentence (`till nio olika projekt`, `fem kommuner`, `12
/// föreningar`): how many parts the total is split among. A count of money, time or shares
/// (`2 miljoner`, `tre år`, `20 oktober`, `5 procent`) is none.
static COUNT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi)
        (?: ^ | [^\p{L}\d] )
        (?P<n> två | tre | fyra | fem | sex | sju | åtta | nio | tio | elva | tolv | [2-9] | [1-9]\d{1,2} )
        \x20 (?: olika \x20 | nya \x20 )?
        (?P<noun> \p{L}{2,} )",
    )
});

/// Words after a number that count money, time or shares, not the things a sum is split among
/// (month names too: `20 oktober`, see [`MONTH_NAMES`]).
const NOT_COUNTED: [&str; 17] = [
    "kr",
    "kronor",
    "krona",
    "tkr",
    "mkr",
    "mnkr",
    "miljon",
    "miljoner",
    "miljard",
    "miljarder",
    "procent",
    "år",
    "månader",
    "veckor",
    "dagar",
    "gånger",
    "timmar",
];

/// The count of parts the sentence of `total` names (`… totalt 16 470 000 kr … till nio olika
/// projekt`), if it names one. A figure's last digit group (`16 470`) is no count.
fn stated_count(doc: &Doc<'_>, total: usize) -> Option<usize> {
    let (s, _) = doc.spans[total];
    let sentence = doc.slice(doc.sentence_start(s), sentence_end(doc.text, s));
    let words = [
        "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
    ];
    COUNT.captures_iter(doc.width, sentence).find_map(|c| {
        let n = c.name("n")?;
        let noun = c.name("noun")?.as_str().to_lowercase();
        let before = sentence[..n.start()].trim_end_matches([' ', '\u{a0}']);
        let grouped = before.len() < n.start() && before.ends_with(|c: char| c.is_ascii_digit());
        if grouped || NOT_COUNTED.contains(&noun.as_str()) || MONTH_NAMES.contains(&noun.as_str()) {
            return None;
        }
        let n = n.as_str().to_lowercase();
        words
            .iter()
            .position(|w| *w == n)
            .map(|p| p + 2)
            .or_else(|| n.parse().ok())
    })
}

/// How far apart a total's text and its cue or breakdown words may be, in bytes.
const CUE_WINDOW: usize = 80;

/// How a running amount is cued as a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    /// A word that names a sum (`totalt`, `sammanlagt`, `summa`): a total even when its parts
    /// are not found (`unresolved`).
    Strong,
    /// A verb of splitting (`fördelas`, `omfattar`, `avsätter`): a total only when its parts are.
    Verb,
}

/// The cue that makes running amount `running[k]` a total, if any.
pub(super) fn cue(doc: &Doc<'_>, k: usize) -> Option<Cue> {
    let i = *doc.running.get(k)?;
    let (s, e) = doc.spans[i];
    let mut from = s.saturating_sub(CUE_WINDOW);
    while !doc.text.is_char_boundary(from) {
        from -= 1;
    }
    if let Some(&prev) = k.checked_sub(1).and_then(|p| doc.running.get(p)) {
        from = from.max(doc.spans[prev].1.min(s));
    }
    // `ytterligare 5 miljarder`, `varav totalt 3`: an addition or a nested figure is no total.
    if wording(doc, k) != Wording::Part(crate::record::PartRole::Part) {
        return None;
    }
    if let Some(c) = TOTAL_CUE.captures(doc.width, doc.slice(from, s)) {
        // `avsätter totalt`: a verb with a sum word is a named sum.
        let words = c
            .get(0)
            .map_or(String::new(), |m| m.as_str().to_lowercase());
        let named = words.contains("totalt") || words.contains("sammanlagt");
        return Some(if c.name("strong").is_some() || named {
            Cue::Strong
        } else {
            Cue::Verb
        });
    }
    if OF_THE.is_match(doc.width, doc.slice(doc.sentence_start(s), s)) {
        return Some(Cue::Verb);
    }
    let mut to = (e + 200).min(doc.text.len());
    while !doc.text.is_char_boundary(to) {
        to -= 1;
    }
    let after = doc.slice(e, to);
    if CUE_AFTER.is_match(doc.width, after) {
        return Some(Cue::Verb);
    }
    let sentence = doc.sentence_start(s);
    let alone = k
        .checked_sub(1)
        .is_none_or(|p| doc.spans[doc.running[p]].1 <= sentence);
    (alone && NEXT_SPLIT.is_match(doc.width, after)).then_some(Cue::Verb)
}

/// Whether running amount `running[k]` may be a part of the total `total`, given the roles so far:
/// free (or a breakdown's parent), of the total's currency, worded as a part, not the total
/// restated and not larger than a positive total.
fn may_be_part(doc: &Doc<'_>, role: &[Role], k: usize, total: usize, nested_ok: bool) -> bool {
    may_be_listed(doc, role, k, total, nested_ok) && !larger(doc, doc.running[k], total)
}

/// A positive total cannot have a part larger than itself: such a figure is another quantity
/// (`Utöver de 15 välfärdsmiljarderna fördelas 910 miljoner …`), unless the list it stands in is
/// the total's own enumeration (then the list is wrong, see [`reconcile_scope`]).
fn larger(doc: &Doc<'_>, i: usize, total: usize) -> bool {
    match (doc.amounts[i].value, doc.amounts[total].value) {
        (Some(v), Some(t)) => t.ore() > 0 && v.ore() > t.ore(),
        _ => false,
    }
}

/// How many times each of `parts` (amount indices, in running order) counts: a figure for each of
/// a counted set once per member ([`each_count`]), any other once. Empty when all count once, as
/// [`Claim::multipliers`] reads it.
fn counts(doc: &Doc<'_>, parts: &[usize]) -> Vec<u32> {
    let n: Vec<u32> = parts
        .iter()
        .map(|&i| {
            doc.running
                .iter()
                .position(|&r| r == i)
                .and_then(|k| each_count(doc, k))
                .unwrap_or(1)
        })
        .collect();
    if n.iter().all(|&m| m == 1) {
        Vec::new()
    } else {
        n
    }
}

/// How many shares `parts` stand for: a figure for each of a counted set is as many.
fn shares(multipliers: &[u32], parts: &[usize]) -> usize {
    if multipliers.is_empty() {
        parts.len()
    } else {
        multipliers.iter().map(|&m| m as usize).sum()
    }
}

/// Whether amount `i` is known to be smaller than a positive total `total`.
fn smaller(doc: &Doc<'_>, i: usize, total: usize) -> bool {
    match (doc.amounts[i].value, doc.amounts[total].value) {
        (Some(v), Some(t)) => t.ore() > 0 && v.ore() < t.ore(),
        _ => false,
    }
}

/// Whether amount `i` is in the first sentence of a numbered or bulleted line (`- 40 miljoner
/// …`, `2. …`). A later sentence is not an item's: `– Samverkan …, säger X. Lidingö beviljas …`
/// is a quotation behind a dash, as press releases print them.
fn list_item(doc: &Doc<'_>, i: usize) -> bool {
    let (s, _) = doc.spans[i];
    let head = doc.slice(doc.line_start(s), s);
    ITEM.find(doc.width, head).is_some_and(|m| {
        // The item's number (`1.`) is no sentence end.
        let text = &head[m.end()..];
        !text.contains(". ") && !text.contains("! ") && !text.contains("? ")
    })
}

/// [`may_be_part`] without the size test.
fn may_be_listed(doc: &Doc<'_>, role: &[Role], k: usize, total: usize, nested_ok: bool) -> bool {
    let i = doc.running[k];
    let a = &doc.amounts;
    if !matches!(role[i], Role::Free | Role::Parent | Role::Unsplit)
        || a[i].currency != a[total].currency
    {
        return false;
    }
    let w = wording(doc, k);
    let loss = w == Wording::Loss && loss_total(doc, total);
    // A figure for each of a counted set (`två potter på 100 000 kronor var`) is a part counted
    // once per member ([`counts`]); one for each of an uncounted set stays a rate.
    let counted = w == Wording::PerUnit && each_count(doc, k).is_some();
    if !(w.is_part() || loss || counted || (nested_ok && w == Wording::Nested)) {
        return false;
    }
    if other_account_line(doc, k, total) {
        return false;
    }
    match (a[i].value, a[total].value) {
        (Some(v), Some(t)) => v != t,
        _ => true,
    }
}

/// 3. `varav`/`därav`/`av dessa` breakdowns of the amount just before the cue.
pub(super) fn breakdowns(doc: &Doc<'_>, role: &mut [Role], out: &mut Vec<TotalCheck>) {
    // A breakdown runs on past figures merely stated with a verb (`främjandestödet uppgick till
    // 238 miljoner`), up to the next named sum.
    let cued: Vec<usize> = (0..doc.running.len())
        .filter(|&k| cue(doc, k) == Some(Cue::Strong))
        .collect();
    // The end of the sentence the previous cue was in: a later cue before it is in the same
    // sentence, so a run of `varav` in one long sentence scans it once, not once per cue.
    let mut known_end = 0;
    for c in BREAKDOWN.captures_iter(doc.width, doc.text) {
        let cue = c.name("cue").expect("group cue");
        // The total: the nearest running amount before the cue, with only a short gap.
        let k = doc
            .running
            .partition_point(|&i| doc.spans[i].1 <= cue.start());
        let Some(mut tk) = k.checked_sub(1) else {
            continue;
        };
        // `14 miljoner kronor i statsbidrag, vilket är 2 miljoner kronor mer än 2024. Av
        // bidraget går …`: a change or a comparison between is said of the total, and is no
        // parent of the breakdown; the figure before it is (still within the window below).
        // The change's own noun (`Av ökningen`) names the change itself as the parent.
        let of_change = c.name("change").is_some();
        while tk > 0
            && match wording(doc, tk) {
                Wording::Change => !of_change,
                Wording::Comparison => true,
                _ => false,
            }
        {
            tk -= 1;
        }
        let total = doc.running[tk];
        let gap = doc.slice(doc.spans[total].1, cue.start());
        if gap.len() > CUE_WINDOW
            || (has_blank_line(gap) && !opens_next_paragraph(doc, gap, cue.start()))
            || role[total] != Role::Free
        {
            continue;
        }
        // The parts: amounts from the cue to the end of its sentence.
        if cue.end() >= known_end {
            known_end = sentence_end(doc.text, cue.end());
        }
        let next = cued.get(cued.partition_point(|&c| c <= k)).copied();
        let section_end = scope_end(doc, next, cue.end());
        let asides = Asides::find(doc, total, cue.end(), section_end);
        let sentence_end = known_end.min(section_end);
        // A breakdown inside a list item goes on in its item only: the next item is the
        // parent's sibling (`1. 1,5 miljarder, varav 500 miljoner …` then `2. 700 miljoner …`),
        // never a part of it, however the figures happen to add up. Items without a full stop
        // are one sentence (`- A 12 miljoner, varav 3 miljoner …` ⏎ `- B 5 miljoner`), so the
        // item ends the sentence's parts too, not only those read on after it.
        let item_line = list_item(doc, total).then(|| doc.line_start(doc.spans[total].0));
        let sibling = |j: usize| {
            let (s, _) = doc.spans[doc.running[j]];
            let line = doc.line_start(s);
            item_line.is_some_and(|own| {
                line != own && ITEM.find(doc.width, doc.slice(line, s)).is_some()
            })
        };
        let in_sentence = |k: &usize| doc.spans[doc.running[*k]].0 < sentence_end && !sibling(*k);
        let aside = |j: usize| asides.hold(doc, doc.running[j]);
        // Only the first figure is worded by the cue itself (`Av dessa går 1,1 miljarder`); a
        // later one worded as nested is inside the part before it (`…, varav 300 miljoner
        // till glesbygdskommuner, och 1,2 miljarder …`), not a part beside it.
        let ks: Vec<usize> = (k..doc.running.len())
            .take_while(in_sentence)
            .filter(|&j| !aside(j) && may_be_part(doc, role, j, total, j == k))
            .take(MAX_PARTS)
            .collect();
        if ks.is_empty() {
            continue; // `varav 20 procent`: not a breakdown into amounts
        }
        let parts: Vec<usize> = ks.iter().map(|&j| doc.running[j]).collect();
        let cue_text = cue.as_str().to_lowercase();
        let claim = Claim {
            stated: total,
            income: None,
            components: &parts,
            negate_stated: false,
            multipliers: &[],
        };
        let Some(s) = sum(doc, &claim) else { continue };
        let n = parts.len();
        if !s.ok && s.short {
            // The breakdown may go on in the following sentences and paragraphs of the section
            // (within its list item, see `sibling`).
            let more: Vec<usize> = (k..doc.running.len())
                .skip_while(in_sentence)
                .take_while(|&j| {
                    doc.spans[doc.running[j]].0 < section_end
                        && !sibling(j)
                        && !per_other_period(doc, doc.running[j], total)
                })
                .filter(|&j| !aside(j) && may_be_part(doc, role, j, total, false))
                .map(|j| doc.running[j])
                .take(MAX_PARTS.saturating_sub(n))
                .collect();
            let found = (1..=more.len()).find_map(|m| {
                let run: Vec<usize> = parts.iter().chain(&more[..m]).copied().collect();
                let claim = Claim {
                    components: &run,
                    ..claim
                };
                let s = sum(doc, &claim).filter(|s| s.ok)?;
                let method = format!(
                    "breakdown after `{cue_text}`: the {n} parts named in its sentence and the {m} after it in its section"
                );
                let c = check(doc, &claim, &s, TotalStatus::Ok, method);
                if goes_on(doc, total, &run, section_end, true) {
                    return Some((not_confirmed(c), run));
                }
                Some((c, run))
            });
            if let Some((c, run)) = found {
                role[total] = Role::Parent;
                for i in run {
                    role[i] = Role::Part;
                }
                out.push(c);
                continue;
            }
        }
        let per_differs = parts
            .iter()
            .any(|&i| doc.amounts[i].per != doc.amounts[total].per);
        let (status, method) = if s.ok {
            (
                TotalStatus::Ok,
                format!("breakdown after `{cue_text}`: the {n} parts named in the sentence"),
            )
        } else if s.short {
            (
                TotalStatus::Unresolved,
                format!(
                    "partial breakdown after `{cue_text}`: the {n} parts named add up to less than the total; the rest is not itemised"
                ),
            )
        } else if per_differs || s.soft {
            (
                TotalStatus::Unresolved,
                format!(
                    "breakdown after `{cue_text}`: the {n} parts exceed the total, but they are stated per a different base or approximately"
                ),
            )
        } else {
            (
                TotalStatus::Mismatch,
                format!("breakdown after `{cue_text}`: the {n} parts named exceed the total"),
            )
        };
        role[total] = Role::Parent;
        for &i in &parts {
            role[i] = Role::Part;
        }
        let c = check(doc, &claim, &s, status, method);
        let last = parts.last().map_or(0, |&i| doc.spans[i].1);
        if goes_on(
            doc,
            total,
            &parts,
            line_end(doc, last).min(section_end),
            false,
        ) {
            out.push(not_confirmed(c));
        } else {
            out.push(c);
        }
    }
}

/// Whether a breakdown's cue at byte `at`, `gap` after its total, opens the paragraph right after
/// the total's, as the first word of a sentence: `Regeringen tillför 90 miljoner kronor.` ⏎⏎ `Av
/// beloppet används 60 miljoner …` refers back to the last figure of the paragraph before, as
/// agreements and press releases set each share in a paragraph of its own. Two paragraph breaks,
/// or a cue inside its paragraph's text, are no such reference.
fn opens_next_paragraph(doc: &Doc<'_>, gap: &str, at: usize) -> bool {
    let Some(nl) = gap.rfind('\n') else {
        return false;
    };
    let lines: Vec<&str> = gap.split('\n').collect();
    let blank = lines[1..lines.len() - 1]
        .iter()
        .filter(|l| l.trim().is_empty())
        .count();
    gap[nl + 1..].trim().is_empty() && blank == 1 && doc.text[at..].starts_with(char::is_uppercase)
}

/// Where the scope of a total (or breakdown) ends: the next heading after `from`, or the cued
/// total at running position `next` (the next one after it), whichever comes first.
fn scope_end(doc: &Doc<'_>, next: Option<usize>, from: usize) -> usize {
    let next = next.map_or(doc.text.len(), |c| doc.spans[doc.running[c]].0);
    doc.section_end(from).min(next)
}

/// The running position of the first of `cued` (in running order) after `k` that `ends` accepts.
/// The search starts at `k`, not at the document's first cue, and stops at the first found: done
/// for every total over all the cues, it made a document with many totals quadratic in its length.
fn next_cued(cued: &[(usize, Cue)], k: usize, ends: impl Fn(usize, Cue) -> bool) -> Option<usize> {
    cued[cued.partition_point(|&(j, _)| j <= k)..]
        .iter()
        .find(|&&(j, c)| ends(j, c))
        .map(|&(j, _)| j)
}

/// 4. A cued total and its parts: before it when its sentence sums up, else after it.
pub(super) fn totals_then_parts(doc: &Doc<'_>, role: &mut [Role], out: &mut Vec<TotalCheck>) {
    let cued: Vec<(usize, Cue)> = (0..doc.running.len())
        .filter(|&k| role[doc.running[k]] == Role::Free)
        .filter_map(|k| Some((k, cue(doc, k)?)))
        .collect();
    let positions: Vec<usize> = cued.iter().map(|&(k, _)| k).collect();
    for &(k, cue) in &cued {
        let total = doc.running[k];
        if role[total] != Role::Free {
            continue;
        }
        let (total_start, total_end) = doc.spans[total];
        let sentence = doc.sentence_start(total_start);
        if superseded(doc, &positions, k) {
            // `Totalt var 500 000 kr avsatt men … ytterligare 100 000 kr, totalt 600 000 kr`: the
            // first sum is the frame the addition raises, a part of the new total after it.
            continue;
        }
        if restated_by_table(doc, out, total, false) {
            continue;
        }
        let backward = SUMS_UP.is_match(doc.width, doc.slice(sentence, total_start))
            || SUM_NOUN
                .find(doc.width, doc.slice(sentence, total_start))
                .is_some_and(|m| {
                    let noun = sentence + m.start();
                    let before = (0..k).filter(|&j| {
                        let (s, _) = doc.spans[doc.running[j]];
                        s >= sentence && s < noun
                    });
                    before.count() >= 2
                });
        if backward {
            let found = parts_before(doc, role, k);
            if let Some(c) = found {
                let c = if goes_on(doc, total, &c.components, line_end(doc, total_end), false) {
                    not_confirmed(c)
                } else {
                    c
                };
                claim_parts(role, total, &c.components);
                out.push(c);
            } else if restated_by_table(doc, out, total, true) {
                // `Summa 700 000` ⏎⏎ `Totalt fördelas alltså 700 000 kronor …`: the table's sum
                // said again in words, no running figures of its own to sum up.
            } else if let Some(c) = unresolved(
                doc,
                total,
                "a total summing up the figures before it, but they do not add up to it".into(),
            ) {
                role[total] = Role::Total;
                out.push(c);
            }
            continue;
        }
        // A list item cued only by a verb and smaller than this total is one of its shares
        // (`Totalt 60 miljoner. - Länsstyrelserna tillförs 40 miljoner …`), not a new section.
        // In prose such a figure ends it: `totalt 750 miljoner … beslut om att dela ut 207
        // miljoner` is a first round of the sum, not one of its items.
        // In prose such a share ends the section too, unless the wider section, shares and
        // all, adds up: `Totalt satsas 100 miljoner. Länsstyrelserna tillförs 60 miljoner och
        // MSB 40 miljoner.`
        let named = next_cued(&cued, k, |j, c| {
            c == Cue::Strong || !smaller(doc, doc.running[j], total)
        });
        let wide_end = scope_end(doc, named, total_end);
        let asides = Asides::find(doc, total, total_end, wide_end);
        let aside = |j: usize| asides.hold(doc, doc.running[j]);
        // A smaller share cued in another period's sentence is the sum's history (`Vid förra
        // omgången fördelades 28 miljoner …` before the list), and ends nothing.
        let ends = next_cued(&cued, k, |j, c| {
            let i = doc.running[j];
            (c == Cue::Strong || !smaller(doc, i, total) || !list_item(doc, i))
                && (!smaller(doc, i, total) || !aside(j))
        });
        let wide: Vec<usize> = (k + 1..doc.running.len())
            .take_while(|&j| {
                doc.spans[doc.running[j]].0 < wide_end
                    && !per_other_period(doc, doc.running[j], total)
            })
            .filter(|&j| !aside(j) && may_be_part(doc, role, j, total, false))
            .map(|j| doc.running[j])
            .take(MAX_PARTS)
            .collect();
        let wide_counts = counts(doc, &wide);
        let claim = Claim {
            stated: total,
            income: None,
            components: &wide,
            negate_stated: false,
            multipliers: &wide_counts,
        };
        if let Some(s) = sum(doc, &claim).filter(|s| s.ok && shares(&wide_counts, &wide) >= 2) {
            let n = wide.len();
            let mut method = format!(
                "section: all {n} amounts from the total to the next heading, shares worded with a verb of giving included"
            );
            if !wide_counts.is_empty() {
                method.push_str("; a figure for each of a counted set counted once per member");
            }
            let c = check(doc, &claim, &s, TotalStatus::Ok, method);
            let c = if goes_on(doc, total, &wide, wide_end, false) {
                not_confirmed(c)
            } else {
                c
            };
            claim_parts(role, total, &wide);
            out.push(restated_exactly(doc, role, &cued, total, c));
            continue;
        }
        let scope_end = scope_end(doc, ends, total_end);
        // The figures stop at a rate (`… 50 miljoner kronor per år`) a one-off total cannot
        // hold once: what follows it is unread, so the figures before it cannot show a list wrong.
        let in_scope = (k + 1..doc.running.len())
            .take_while(|&j| doc.spans[doc.running[j]].0 < scope_end)
            .count();
        let read = (k + 1..k + 1 + in_scope)
            .take_while(|&j| !per_other_period(doc, doc.running[j], total))
            .count();
        let rate_cut = read < in_scope;
        let listed: Vec<usize> = (k + 1..k + 1 + read)
            .filter(|&j| !aside(j) && may_be_listed(doc, role, j, total, false))
            .map(|j| doc.running[j])
            .take(MAX_PARTS)
            .collect();
        let scope = Scope {
            parts: listed
                .iter()
                .copied()
                .filter(|&i| !larger(doc, i, total))
                .collect(),
            listed,
            text: doc.slice(total_end, scope_end),
            end: scope_end,
        };
        // A verb names no sum, so a list holding a figure larger than the verb's amount is not
        // its enumeration: `Lidingö beviljas stöd på 343,5 miljoner … 249,67 miljoner … 12
        // miljarder` is a series of grants, not 343,5 split wrongly.
        let foreign = scope.parts.len() < scope.listed.len() && cue == Cue::Verb;
        let mut found = reconcile_scope(doc, total, &scope);
        if found
            .as_ref()
            .is_none_or(|(c, _)| c.status == TotalStatus::Unresolved)
        {
            // `A får 10 miljoner och B 20 miljoner. Totalt 30 miljoner.`: the parts came first.
            if let Some(c) = parts_before(doc, role, k).filter(|_| cue == Cue::Strong) {
                let c = if goes_on(doc, total, &c.components, line_end(doc, total_end), false) {
                    not_confirmed(c)
                } else {
                    c
                };
                found = Some((c.clone(), c.components));
            }
        }
        // A smaller figure cued by a verb in prose ended the section above, but it may as well
        // be the first of the parts (`Regeringen satsar 3 miljarder … För 2025 avsätts 800
        // miljoner, för 2026 1 miljard och för 2027 1,2 miljarder.`): when the section up to it
        // settled nothing, a run from the total through the wider section that adds up is taken,
        // as in plain prose; only an `ok` is, since the wider section is no enumeration of its own.
        if found
            .as_ref()
            .is_none_or(|(c, _)| c.status == TotalStatus::Unresolved)
            && wide_end > scope_end
        {
            let wider = Scope {
                listed: wide.clone(),
                parts: wide.clone(),
                text: doc.slice(total_end, wide_end),
                end: wide_end,
            };
            if let Some(hit) = reconcile_scope(doc, total, &wider)
                .filter(|(c, _)| c.status == TotalStatus::Ok && c.method.starts_with("searched"))
            {
                found = Some(hit);
            }
        }
        // `… beviljats totalt 10,7 mkr.` ⏎ `De prioriterade projekten är:` ⏎ then one heading per
        // project over its `Beviljat belopp: …` line: each heading ends the section, but the list
        // goes on under the next. Only an `ok` is taken (see [`headed_items`]).
        if found
            .as_ref()
            .is_none_or(|(c, _)| c.status == TotalStatus::Unresolved)
        {
            let limit = named.map_or(doc.text.len(), |j| doc.spans[doc.running[j]].0);
            if let Some(hit) = headed_items(doc, role, k, &scope, limit) {
                found = Some(hit);
            }
        }
        match found {
            Some((c, _)) if c.status == TotalStatus::Unresolved && cue == Cue::Verb => {}
            Some((c, _)) if c.status == TotalStatus::Mismatch && foreign => {}
            Some((mut c, _)) if c.status == TotalStatus::Mismatch && rate_cut => {
                c.status = TotalStatus::Unresolved;
                c.method
                    .push_str("; but a rate per year follows them, so the rest is not read");
                role[total] = Role::Total;
                out.push(c);
            }
            Some((c, used)) => {
                claim_parts(role, total, &used);
                if used.is_empty() && c.status == TotalStatus::Unresolved {
                    role[total] = Role::Unsplit;
                }
                out.push(restated_exactly(doc, role, &cued, total, c));
            }
            None => {}
        }
    }
}

/// A headline that opens on a figure and names what it is for: `75 miljoner kronor till
/// kommuner, landsting och länsstyrelsers arbete med civilt försvar`, `Tre miljoner till
/// badplatser och spontanidrott`. The qualifiers the amount reader takes (`drygt`, `cirka` …)
/// are inside the amount's span already; only the two it leaves out, `över` and `närapå`, may
/// stand before the figure here.
static HEADLINE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?xi) ^ [\x20\t]* (?: (?: närapå | över ) [\x20\t]+ )? $"));

/// After a headline's figure: the word that says what the money is for (`till`, `för`, `i`,
/// `ska`, `går`), then the rest of the line, no sentence end in it.
static HEADLINE_REST: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) ^ [\x20\t]+ (?: till | för | i | ska | går | satsas ) [\x20\t] [^.!?:\n]* $",
    )
});

/// Whether running amount `running[k]` is the figure of a headline ([`HEADLINE`]): one line of
/// at most 120 characters between blank lines (or the text's start), opening on it and holding
/// no other figure.
fn headline(doc: &Doc<'_>, k: usize) -> bool {
    let (s, e) = doc.spans[doc.running[k]];
    let (start, end) = (doc.line_start(s), line_end(doc, e));
    let alone = |j: Option<usize>| {
        j.and_then(|j| doc.running.get(j))
            .is_none_or(|&i| doc.spans[i].0 >= end || doc.spans[i].1 <= start)
    };
    let before = doc.text[..start].trim_end_matches([' ', '\t']);
    let after = doc.text[end..].trim_start_matches([' ', '\t']);
    (start == 0 || before.ends_with("\n\n") || before.trim().is_empty())
        && (after.is_empty() || after.starts_with("\n\n") || after.trim().is_empty())
        && doc.slice(start, end).chars().count() <= 120
        && alone(k.checked_sub(1))
        && alone(Some(k + 1))
        && HEADLINE.is_match(doc.width, doc.slice(start, s))
        && HEADLINE_REST.is_match(doc.width, doc.slice(e, end))
}

/// 4b. A total stated only in a headline, its parts in the text below it (`75 miljoner kronor
/// till … civilt försvar` ⏎ `… beslutat om 60 miljoner kronor …` ⏎ `Även länsstyrelserna får
/// … 15 miljoner kronor`). Runs after the cued totals, so a figure they took is no part here.
/// The parts are the figures of the first section holding any after the headline (a figureless
/// `Publicerad` line between is passed), up to the next headline or named sum, none larger than
/// the headline's: the whole section or a run from its start, as for a cued total in prose. A
/// headline names no sum, so only an `ok` is a check: parts that do not add up may be a part of
/// the story, never a mismatch.
pub(super) fn headline_totals(doc: &Doc<'_>, role: &mut [Role], out: &mut Vec<TotalCheck>) {
    for k in 0..doc.running.len() {
        let total = doc.running[k];
        if role[total] != Role::Free || !headline(doc, k) {
            continue;
        }
        let Some(&first) = doc.running.get(k + 1) else {
            continue;
        };
        let section_end = doc.section_end(doc.spans[first].0);
        let mut end = section_end;
        let mut restated = false;
        for j in k + 1..doc.running.len() {
            let at = doc.spans[doc.running[j]].0;
            if at >= section_end {
                break;
            }
            let later = doc.running[j];
            let same = doc.amounts[later].value == doc.amounts[total].value
                || restates(doc.amounts, total, later);
            if headline(doc, j) || (cue(doc, j) == Some(Cue::Strong) && !same) {
                end = at;
                break;
            }
            restated |= same;
        }
        // The text below states the sum itself (`400 miljoner kronor …` over `staten avsätter
        // 400 000 000 kronor`, see [`restates`]): the check is that statement's, to its own
        // precision; the headline's rounding would call `ok` what that statement finds wrong.
        if restated {
            continue;
        }
        let total_end = doc.spans[total].1;
        let asides = Asides::find(doc, total, total_end, end);
        let listed: Vec<usize> = (k + 1..doc.running.len())
            .take_while(|&j| {
                doc.spans[doc.running[j]].0 < end && !per_other_period(doc, doc.running[j], total)
            })
            .filter(|&j| {
                !asides.hold(doc, doc.running[j]) && may_be_listed(doc, role, j, total, false)
            })
            .map(|j| doc.running[j])
            .take(MAX_PARTS)
            .collect();
        if listed.iter().any(|&i| larger(doc, i, total)) {
            continue; // a larger figure below: the headline is not the whole of the story
        }
        let scope = Scope {
            parts: listed.clone(),
            listed,
            text: doc.slice(total_end, end),
            end,
        };
        if let Some((mut c, used)) =
            reconcile_scope(doc, total, &scope).filter(|(c, _)| c.status == TotalStatus::Ok)
        {
            c.method = format!("headline: {}", c.method);
            claim_parts(role, total, &used);
            out.push(c);
        }
    }
}

/// The check `c` of a rounded total moved onto the exact sum stated after its parts: `Föreningar
/// delar på 1,6 miljoner` ⏎ three grants ⏎ `Den totala summan uppgår till 1 607 000 kr`. The
/// later figure is the next cued one after the parts, in the section of the last part, exact,
/// stated more finely than the total and within its rounding: the same sum written out, which
/// the parts must meet to its own precision. Meeting only the rounded figure proves nothing
/// then, so the check is `unresolved`, not `ok` (nor `mismatch`: that the two figures are one
/// sum is read from their values alone). The exact figure is taken as a total (no check of its
/// own); any other check is returned as it is.
fn restated_exactly(
    doc: &Doc<'_>,
    role: &mut [Role],
    cued: &[(usize, Cue)],
    total: usize,
    c: TotalCheck,
) -> TotalCheck {
    if c.status != TotalStatus::Ok {
        return c;
    }
    let Some(last) = c.components.iter().filter_map(|&i| doc.rank(i)).max() else {
        return c;
    };
    let Some(&(j, _)) = cued.get(cued.partition_point(|&(j, _)| j <= last)) else {
        return c;
    };
    let exact = doc.running[j];
    let a = doc.amounts;
    let (Some(v), Some(t)) = (a[exact].value, a[total].value) else {
        return c;
    };
    if role[exact] != Role::Free
        || v == t
        || doc.spans[exact].0 >= doc.section_end(doc.spans[doc.running[last]].0)
        || !restates(a, total, exact)
    {
        return c;
    }
    let claim = Claim {
        stated: exact,
        income: None,
        components: &c.components,
        negate_stated: false,
        multipliers: &c.multipliers,
    };
    let Some(s) = sum(doc, &claim) else {
        return c;
    };
    role[exact] = Role::Total;
    let how = format!(
        "{}; checked against `{}`, the exact sum stated after the parts, which restates the rounded `{}`",
        c.method, a[exact].text, a[total].text
    );
    if s.ok {
        check(doc, &claim, &s, TotalStatus::Ok, how)
    } else {
        let how = format!("{how}: the parts meet only the rounded figure");
        check(doc, &claim, &s, TotalStatus::Unresolved, how)
    }
}

/// Whether amount `later` states the sum amount `total` states, written more finely: the same
/// currency, exact, of a finer rounding than `total`'s and within it (`400 000 000 kronor` or
/// `1 607 000 kr` after `400 miljoner` or `1,6 miljoner`). Such a statement takes the sum's check:
/// parts that meet only the coarser figure are not shown to add up.
fn restates(a: &[Amount], total: usize, later: usize) -> bool {
    let (Some(v), Some(t)) = (a[later].value, a[total].value) else {
        return false;
    };
    let rounding = tolerance(&a[total]).ore();
    a[later].currency == a[total].currency
        && !is_soft(&a[later])
        && tolerance(&a[later]).ore() < rounding
        && (v.ore() - t.ore()).abs() <= rounding
}

/// Whether the prose total `total` is stated again by a table's sum row in its section that a
/// table check settled (`… fördela totalt 900 000 kronor enligt tabellen nedan.` over rows closed
/// by `Totalt 900 000`): it is that one total, judged there with its rows. Checked again here,
/// its parts are the table's cells (no running text), so it could only be a second, `unresolved`
/// check of the same sum. The table is looked for after the total, or on `either_side` also
/// before it (a total summing up, whose running figures before it did not add up).
fn restated_by_table(
    doc: &Doc<'_>,
    checks: &[TotalCheck],
    total: usize,
    either_side: bool,
) -> bool {
    let (s, e) = doc.spans[total];
    let section = doc.section_start(s);
    checks.iter().any(|c| {
        c.status != TotalStatus::Unresolved
            && Some(c.stated) == doc.amounts[total].value
            && c.components.first().is_some_and(|&i| {
                let at = doc.spans[i].0;
                let side = at > e || (either_side && at < s);
                doc.amounts[i].cell.is_some() && side && doc.section_start(at) == section
            })
    })
}

/// Whether the cued total `running[k]` is superseded in its own sentence: a figure worded as an
/// addition (`ytterligare`, `därtill`) follows it, then another cued total (`… ytterligare 100 000
/// kr, totalt 600 000 kr`). The first sum is then the base the addition raises, and a part of the
/// second, which sums up the figures before it.
fn superseded(doc: &Doc<'_>, cued: &[usize], k: usize) -> bool {
    let (s, _) = doc.spans[doc.running[k]];
    let end = sentence_end(doc.text, s);
    // `cued` is in running order: the cues up to `k` are skipped, not tested one by one.
    let Some(&next) = cued[cued.partition_point(|&c| c <= k)..]
        .iter()
        .find(|&&c| doc.spans[doc.running[c]].0 < end)
    else {
        return false;
    };
    (k + 1..next).any(|j| wording(doc, j) == Wording::Part(PartRole::Addition))
}

/// Whether the sum goes on after `total` and its `parts`, before byte `end`: the next figure is
/// worded as an addition (`… och 2 miljoner kronor. Därtill 5 miljoner kronor.`, `ytterligare 230
/// mnkr`), so it is one more part, whatever its value, and a total that added up without it is no
/// longer confirmed. Where the parts were found by `searched` arithmetic, a next figure equal to
/// one of them is as likely the part (a repeated line), since nothing in the wording says it is a
/// restatement.
pub(super) fn goes_on(
    doc: &Doc<'_>,
    total: usize,
    parts: &[usize],
    end: usize,
    searched: bool,
) -> bool {
    let Some(last) = parts
        .iter()
        .chain([&total])
        .filter_map(|&i| doc.rank(i))
        .max()
    else {
        return false;
    };
    let Some(&next) = doc.running.get(last + 1) else {
        return false;
    };
    let a = &doc.amounts;
    if doc.spans[next].0 >= end || a[next].currency != a[total].currency {
        return false;
    }
    match wording(doc, last + 1) {
        Wording::Part(PartRole::Addition) => true,
        Wording::Part(_) if searched => parts.iter().any(|&p| a[p].value == a[next].value),
        _ => false,
    }
}

/// An `ok` that [`goes_on`]: the figures found add up, but the text adds another part after them.
pub(super) fn not_confirmed(mut c: TotalCheck) -> TotalCheck {
    if c.status == TotalStatus::Ok {
        c.status = TotalStatus::Unresolved;
        c.method = format!(
            "{}; but the next figure is worded as one more part (`därtill`, `ytterligare`) or repeats one, so the sum is not confirmed",
            c.method
        );
    }
    c
}

/// The end of the line (paragraph) holding byte `pos`.
fn line_end(doc: &Doc<'_>, pos: usize) -> usize {
    doc.text
        .get(pos..)
        .and_then(|t| t.find('\n'))
        .map_or(doc.text.len(), |i| pos + i)
}

fn claim_parts(role: &mut [Role], total: usize, parts: &[usize]) {
    role[total] = Role::Total;
    for &i in parts {
        role[i] = Role::Part;
    }
}

/// The figures before running amount `running[k]` on its line (its paragraph, or its list item)
/// as its parts, counted per year where a span of years says so: an `ok` check when they add up.
/// A total that opens its line's figures sums up the paragraphs before it instead (`Länsteatern
/// får 6 miljoner …` ⏎⏎ `Museet får 4 miljoner …` ⏎⏎ `Sammanlagt fördelas därmed 10 miljoner`,
/// a list then `Totalt: …`, numbered items each under its own line): every figure back to the
/// section's start or to a figure another check already took, all of them, never a search, and
/// none of another period's sentences (`År 2024 fick kommunerna …`).
fn parts_before(doc: &Doc<'_>, role: &[Role], k: usize) -> Option<TotalCheck> {
    let total = doc.running[k];
    let (s, _) = doc.spans[total];
    let line = doc.line_start(s);
    let on_line = (0..k)
        .rev()
        .take_while(|&j| doc.spans[doc.running[j]].0 >= line)
        .count();
    let from = if on_line > 0 {
        line
    } else {
        doc.section_start(s)
    };
    let period = Period::of(doc, total);
    let earlier = |j: usize| {
        on_line == 0 && {
            let (ps, pe) = doc.spans[doc.running[j]];
            let start = doc.sentence_start(ps);
            period.other(doc, doc.slice(start, sentence_end(doc.text, pe)))
        }
    };
    let mut ks: Vec<usize> = Vec::new();
    for j in (0..k).rev() {
        let i = doc.running[j];
        // A sum whose own parts are unstated, the next figure worded as an addition to it
        // (`Tillsammans fick de drygt 63 miljoner kronor. Utöver detta … 209 mnkr`): it stands
        // for whatever came before it, so it is a part and the run ends with it. Without such
        // an addition (`Totalt 5 miljoner … och 1 miljon gick till A, totalt 6 miljoner`) the
        // later figures may as well be its shares: it stays a total of its own.
        let added = role[i] == Role::Unsplit
            && !earlier(j)
            && ks
                .last()
                .is_some_and(|&n| wording(doc, n) == Wording::Part(PartRole::Addition));
        // Back over the paragraphs, a figure another check took ends the run: it and what is
        // before it belong to that sum, unless it is a sum of another period's.
        if doc.spans[i].0 < from
            || (on_line == 0
                && !added
                && match role[i] {
                    Role::Part => true,
                    Role::Total | Role::Unsplit => !earlier(j),
                    Role::Free | Role::Parent => false,
                })
        {
            break;
        }
        let taken = match role[i] {
            Role::Unsplit => added,
            _ => !earlier(j),
        };
        if taken && may_be_part(doc, role, j, total, false) {
            ks.push(j);
        }
        if ks.len() == MAX_PARTS || added {
            break;
        }
    }
    ks.reverse();
    if ks.is_empty() {
        return None;
    }
    let parts: Vec<usize> = ks.iter().map(|&j| doc.running[j]).collect();
    let multipliers: Vec<u32> = ks
        .iter()
        .map(|&j| {
            let (ps, _) = doc.spans[doc.running[j]];
            let from = doc.sentence_start(ps);
            multiplier(doc, j, doc.slice(from, sentence_end(doc.text, ps)))
        })
        .collect();
    // One figure is a restatement, unless it is for each of a counted set (`fem stipendier om
    // 20 000 kronor var. Sammanlagt delas 100 000 kronor ut.`).
    if shares(&multipliers, &parts) < 2 {
        return None;
    }
    let claim = Claim {
        stated: total,
        income: None,
        components: &parts,
        negate_stated: false,
        multipliers: &multipliers,
    };
    let s = sum(doc, &claim).filter(|s| s.ok)?;
    let n = parts.len();
    let method = if on_line > 0 {
        format!("summed up: the {n} figures before the total in its paragraph")
    } else {
        format!("summed up: the {n} figures of the paragraphs before the total in its section")
    };
    Some(check(doc, &claim, &s, TotalStatus::Ok, method))
}

/// The figures after a cued total in its section.
struct Scope<'s> {
    /// Every figure worded as a part.
    listed: Vec<usize>,
    /// Those not larger than the total.
    parts: Vec<usize>,
    /// The section's text after the total.
    text: &'s str,
    /// Where the section ends (a byte offset).
    end: usize,
}

/// The parts of the total at running position `k` when its list goes on past the heading that
/// ended its section, one heading per item (`Bioväx` ⏎⏎ `Sökande: …` ⏎ `Beviljat belopp: 3 311
/// 714 kr`): the section's parts and then, block by block (a block runs from one heading to the
/// next, or to `limit`: the next named total), the parts of each block, until a block holds none.
/// The first prefix of whole blocks that adds up is taken, and only as `ok`: headings part the
/// text into sections for a reason, so figures across them that do not add up say nothing about
/// the total. Such an `ok` the next block goes on from with a part of its own is `unresolved`
/// (the list does not end where the sum does).
fn headed_items(
    doc: &Doc<'_>,
    role: &[Role],
    k: usize,
    scope: &Scope<'_>,
    limit: usize,
) -> Option<(TotalCheck, Vec<usize>)> {
    let total = doc.running[k];
    let first = doc.headings.binary_search(&scope.end).ok()?;
    // Another year's or round's sentences under the headings are history, never items.
    let asides = Asides::find(doc, total, doc.spans[total].1, limit);
    // The running amounts are in text order: a block's are found by position, not by a walk
    // over every amount after the total for every block.
    let block_parts = |from: usize, to: usize| -> Vec<usize> {
        let at = |pos: usize| doc.running.partition_point(|&i| doc.spans[i].0 < pos);
        (at(from).max(k + 1)..at(to))
            .filter(|&j| {
                may_be_part(doc, role, j, total, false)
                    && !per_other_period(doc, doc.running[j], total)
                    && !asides.hold(doc, doc.running[j])
            })
            .map(|j| doc.running[j])
            .collect()
    };
    let mut parts = scope.parts.clone();
    let mut blocks = 0;
    for h in first..doc.headings.len() {
        let from = doc.headings[h];
        if from >= limit {
            break;
        }
        let to = doc.headings.get(h + 1).copied().unwrap_or(limit).min(limit);
        let more = block_parts(from, to);
        if more.is_empty() || parts.len() + more.len() > MAX_PARTS {
            break;
        }
        parts.extend(more);
        blocks += 1;
        let claim = Claim {
            stated: total,
            income: None,
            components: &parts,
            negate_stated: false,
            multipliers: &[],
        };
        let s = sum(doc, &claim)?;
        if parts.len() >= 2 && s.ok {
            let n = parts.len();
            let c = check(
                doc,
                &claim,
                &s,
                TotalStatus::Ok,
                format!(
                    "section: the {n} amounts from the total through {blocks} headed items (a heading per item) add up to it"
                ),
            );
            let next = doc.headings.get(h + 1).copied().filter(|&n| n < limit);
            let goes_on = next.is_some_and(|n| {
                let to = doc.headings.get(h + 2).copied().unwrap_or(limit).min(limit);
                !block_parts(n, to).is_empty()
            });
            let c = if goes_on {
                TotalCheck {
                    status: TotalStatus::Unresolved,
                    method: format!(
                        "{}; but the next heading's item holds one more part, so the list goes on past the sum",
                        c.method
                    ),
                    ..c
                }
            } else {
                c
            };
            return Some((c, parts));
        }
    }
    None
}

/// Structure first (the whole section), then the search over contiguous runs.
fn reconcile_scope(
    doc: &Doc<'_>,
    total: usize,
    scope: &Scope<'_>,
) -> Option<(TotalCheck, Vec<usize>)> {
    let parts = &scope.parts[..];
    let n = parts.len();
    if n == 0 {
        let c = unresolved(
            doc,
            total,
            "a total, but no amounts follow it in its section".to_string(),
        )?;
        return Some((c, Vec::new()));
    }
    let part_counts = counts(doc, parts);
    let listed_counts = counts(doc, &scope.listed);
    let claim = |components, multipliers| Claim {
        stated: total,
        income: None,
        components,
        negate_stated: false,
        multipliers,
    };
    let whole = sum(doc, &claim(parts, &part_counts))?;
    if whole.ok {
        let c = check(
            doc,
            &claim(parts, &part_counts),
            &whole,
            TotalStatus::Ok,
            format!("section: all {n} amounts from the total to the next heading"),
        );
        return Some((c, parts.to_vec()));
    }
    // An enumeration is structure enough: its section is the scope, and a gap is a mismatch. Searching
    // it would let an error hide whenever a wrong part happens to equal the parts after it.
    // One figure in a list is an example, not the list's parts (`Här är några exempel: … • 200
    // miljoner kronor till Norrlandsfonden`). In the total's own enumeration every item counts,
    // a figure larger than the total too: the list is then wrong.
    let listed = &scope.listed[..];
    if listed.len() >= 2 && ENUMERATION.is_match(doc.width, scope.text) {
        let all = sum(doc, &claim(listed, &listed_counts))?;
        let m = listed.len();
        // `totalt 16 470 000 kr … till nio olika projekt` over two listed projects: the list
        // stops before the parts the total names (a copy cut short), so its sum settles nothing.
        let short = stated_count(doc, total).filter(|&count| count > m);
        let status = if all.soft || short.is_some() {
            TotalStatus::Unresolved
        } else {
            TotalStatus::Mismatch
        };
        let mut method = format!(
            "section: the {m} amounts from the total to the next heading (an enumeration) do not add up to it"
        );
        if let Some(count) = short {
            method.push_str(&format!(
                "; but its sentence names {count} parts, more than the {m} listed"
            ));
        }
        let c = check(doc, &claim(listed, &listed_counts), &all, status, method);
        return Some((c, listed.to_vec()));
    }
    // Prose: the section may hold other figures than the parts. Search the contiguous runs that
    // start right after the total; a single part equal to the total is a restatement, not a
    // breakdown, so a run has at least two shares (a figure for each of two counts as two).
    for len in 1..n {
        let run = &parts[..len];
        let run_counts = &part_counts[..part_counts.len().min(len)];
        if shares(run_counts, run) < 2 {
            continue;
        }
        let s = sum(doc, &claim(run, run_counts))?;
        if s.ok {
            let c = check(
                doc,
                &claim(run, run_counts),
                &s,
                TotalStatus::Ok,
                format!(
                    "searched: the first {len} of the {n} amounts after the total add up to it; the section's remaining {} were left out",
                    n - len
                ),
            );
            if goes_on(doc, total, run, scope.end, true) {
                return Some((not_confirmed(c), run.to_vec()));
            }
            return Some((c, run.to_vec()));
        }
    }
    let c = unresolved(
        doc,
        total,
        format!("no run of the {n} amounts after the total in its section adds up to it"),
    )?;
    Some((c, Vec::new()))
}

#[cfg(test)]
mod tests {
    use crate::record::TotalStatus::{self, Mismatch, Ok as Fine, Unresolved};
    use crate::validate::reconcile;
    use crate::validate::testing::{M, amounts, assert_checks};

    const PARTS_FOLLOW: &str = "Staten avsätter 944 miljoner kronor för följande insatser:\n\n\
        1. Ledning (100 miljoner kronor och 1,2 miljoner kronor)\n\n\
        2. Koordinering (842,8 miljoner kronor)\n\nÖvrigt\n\nHögst 50 miljoner kronor betalas.\n";

    /// Whether the first check of `text` over `items` is `ok`.
    fn first_ok(text: &str, items: &[(&str, i64)]) -> bool {
        reconcile(text, &amounts(text, items))
            .first()
            .is_some_and(|c| c.status == Fine)
    }

    #[test]
    fn losses_and_other_lines_of_the_accounts_are_no_parts_but_of_their_own_kind() {
        // (text, amounts, whether the total is `ok`)
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], bool);
        let cases: &[Case<'_>] = &[
            // A loss is a fall, not a share of revenue …
            (
                "Bolagets omsättning uppgick totalt till 1 250 miljoner kronor. Under året tappade de \
                 250 miljoner kronor i intäkter, medan intäkterna från godstrafiken ökade till 1 000 \
                 miljoner kronor.",
                &[
                    ("1 250 miljoner kronor", 1250 * M),
                    ("250 miljoner kronor", 250 * M),
                    ("1 000 miljoner kronor", 1000 * M),
                ],
                false,
            ),
            (
                "Kommunens tillgångar uppgick sammanlagt till 800 miljoner kronor. Stiftelsen \
                 tappade 300 miljoner kronor. Bolaget förlorade 500 miljoner kronor i värde.",
                &[
                    ("800 miljoner kronor", 800 * M),
                    ("300 miljoner kronor", 300 * M),
                    ("500 miljoner kronor", 500 * M),
                ],
                false,
            ),
            // … but the parts of a total of losses.
            (
                "Koncernens förluster uppgick totalt till 90 miljoner kronor. Bolaget i Norge tappade \
                 60 miljoner kronor och bolaget i Finland tappade 30 miljoner kronor.",
                &[
                    ("90 miljoner kronor", 90 * M),
                    ("60 miljoner kronor", 60 * M),
                    ("30 miljoner kronor", 30 * M),
                ],
                true,
            ),
            // Costs and the result are bound to revenue by an identity, not as its shares …
            (
                "Intäkterna uppgick totalt till 300 miljoner kronor. Kostnaderna uppgick till 280 \
                 miljoner kronor och årets resultat blev 20 miljoner kronor.",
                &[
                    ("300 miljoner kronor", 300 * M),
                    ("280 miljoner kronor", 280 * M),
                    ("20 miljoner kronor", 20 * M),
                ],
                false,
            ),
            // … while kinds of one line are its parts, and a total naming no line says nothing.
            (
                "Verksamhetens kostnader uppgick totalt till 500 miljoner kronor. Personalkostnaderna \
                 uppgick till 300 miljoner kronor och lokalkostnaderna till 200 miljoner kronor.",
                &[
                    ("500 miljoner kronor", 500 * M),
                    ("300 miljoner kronor", 300 * M),
                    ("200 miljoner kronor", 200 * M),
                ],
                true,
            ),
            (
                "Regeringen avsätter totalt 50 miljoner kronor. Kostnaderna för A beräknas till 30 \
                 miljoner kronor och för B 20 miljoner kronor.",
                &[
                    ("50 miljoner kronor", 50 * M),
                    ("30 miljoner kronor", 30 * M),
                    ("20 miljoner kronor", 20 * M),
                ],
                true,
            ),
        ];
        for &(text, items, want) in cases {
            assert_eq!(first_ok(text, items), want, "{text}");
        }
    }

    #[test]
    fn the_next_cue_is_the_first_accepted_after_the_total() {
        use super::{Cue, next_cued};
        let cued = [
            (1, Cue::Strong),
            (3, Cue::Verb),
            (4, Cue::Strong),
            (7, Cue::Verb),
        ];
        for (k, strong_only, want) in [
            (0, false, Some(1)),
            // The total's own cue is not the next one, nor any before it.
            (1, false, Some(3)),
            (5, false, Some(7)),
            // A cue not accepted is passed over.
            (1, true, Some(4)),
            (2, true, Some(4)),
            (4, true, None),
            (7, false, None),
        ] {
            let got = next_cued(&cued, k, |_, c| !strong_only || c == Cue::Strong);
            assert_eq!(got, want, "after {k}, strong only: {strong_only}");
        }
    }

    #[test]
    fn total_followed_by_its_parts_reconciles_by_section() {
        let items = [
            ("944 miljoner kronor", 944 * M),
            ("100 miljoner kronor", 100 * M),
            ("1,2 miljoner kronor", 12 * M / 10),
            ("842,8 miljoner kronor", 8428 * M / 10),
            ("50 miljoner kronor", 50 * M),
        ];
        assert_checks(PARTS_FOLLOW, &items, &[(Fine, 944 * M, 0)]);
        // A changed part is caught with its difference …
        let wrong = PARTS_FOLLOW.replace("842,8", "852,8");
        let mut changed = items;
        changed[3] = ("852,8 miljoner kronor", 8528 * M / 10);
        assert_checks(&wrong, &changed, &[(Mismatch, 944 * M, 10 * M)]);
        // … and so is a removed one.
        let gone = PARTS_FOLLOW.replace(" och 1,2 miljoner kronor", "");
        let fewer = [items[0], items[1], items[3], items[4]];
        assert_checks(&gone, &fewer, &[(Mismatch, 944 * M, -12 * M / 10)]);
    }

    #[test]
    fn sharing_and_redistributing_cue_a_total_and_a_floor_per_recipient_is_no_part() {
        // (text, amounts, the checks: verdict, stated, difference)
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], &'a [(TotalStatus, i64, i64)]);
        let cases: &[Case<'_>] = &[
            // `dela på` a sum: its parts follow.
            (
                "Skolorna får dela på 1,25 miljarder kronor. Staten ger en miljard kronor. Nu utökas \
                 satsningen med ytterligare 250 miljoner kronor.",
                &[
                    ("1,25 miljarder kronor", 125 * M * 10),
                    ("en miljard kronor", 1000 * M),
                    ("250 miljoner kronor", 250 * M),
                ],
                &[(Fine, 1250 * M, 0)],
            ),
            // A relative clause redistributing the amount now.
            (
                "Det handlar om 35 miljoner kronor som nu omfördelas som krisstöd.\n\n\
                 20 miljoner kronor går till A. B stärks också med 15 miljoner kronor.\n",
                &[
                    ("35 miljoner kronor", 35 * M),
                    ("20 miljoner kronor", 20 * M),
                    ("15 miljoner kronor", 15 * M),
                ],
                &[(Fine, 35 * M, 0)],
            ),
            // A floor per kommun after the parts is no part, so the sum is the two parts alone.
            (
                "Totalt betalas 500 miljoner kronor ut.\n\n350 miljoner fördelas till regionerna och \
                 150 miljoner fördelas till kommunerna. Varje kommun får minst 100 000 kronor.\n",
                &[
                    ("500 miljoner kronor", 500 * M),
                    ("350 miljoner", 350 * M),
                    ("150 miljoner", 150 * M),
                    ("minst 100 000 kronor", M / 10),
                ],
                &[(Fine, 500 * M, 0)],
            ),
            // Leaves alone: `dela på` with parts that do not add up (a verb cue settles nothing),
            // `delar på` naming no sum, a relative clause of a split already made, and a
            // distributing main clause (a list item).
            (
                "Skolorna får dela på 1,25 miljarder kronor. Staten ger 900 miljoner kronor och \
                 200 miljoner kronor.",
                &[
                    ("1,25 miljarder kronor", 125 * M * 10),
                    ("900 miljoner kronor", 900 * M),
                    ("200 miljoner kronor", 200 * M),
                ],
                &[],
            ),
            (
                "Kommunen delar på kostnaden med regionen. A får 35 miljoner kronor, B 20 miljoner \
                 kronor och C 15 miljoner kronor.",
                &[
                    ("35 miljoner kronor", 35 * M),
                    ("20 miljoner kronor", 20 * M),
                    ("15 miljoner kronor", 15 * M),
                ],
                &[],
            ),
            (
                "Det handlar om 35 miljoner kronor som fördelades i fjol. 20 miljoner kronor gick \
                 till A och 15 miljoner kronor till B.",
                &[
                    ("35 miljoner kronor", 35 * M),
                    ("20 miljoner kronor", 20 * M),
                    ("15 miljoner kronor", 15 * M),
                ],
                &[],
            ),
            (
                "- 35 mnkr fördelas av Kulturrådet.\n- 20 mnkr fördelas av Filminstitutet.\n\
                 - 15 mnkr fördelas av Konstnärsnämnden.\n",
                &[
                    ("35 mnkr", 35 * M),
                    ("20 mnkr", 20 * M),
                    ("15 mnkr", 15 * M),
                ],
                &[],
            ),
        ];
        for &(text, items, want) in cases {
            assert_checks(text, items, want);
        }
    }

    #[test]
    fn verbs_of_giving_cue_a_total_and_a_share_is_no_new_total() {
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], &'a [(TotalStatus, i64, i64)]);
        let cases: &[Case<'_>] = &[
            // `tillför`, then `Fördelningen är följande:` and one line per recipient.
            (
                "Regeringen tillför 200 miljoner kronor till kulturen. Fördelningen är följande:\n\n\
                 Kulturrådet får 120 miljoner kronor.\nKonstnärsnämnden får 50 miljoner kronor.\n\
                 Författarfonden får 30 miljoner kronor.\n",
                &[
                    ("200 miljoner kronor", 200 * M),
                    ("120 miljoner kronor", 120 * M),
                    ("50 miljoner kronor", 50 * M),
                    ("30 miljoner kronor", 30 * M),
                ],
                &[(Fine, 200 * M, 0)],
            ),
            // A share worded with a verb opens the parts, and a later figure of the section is
            // left out by the search.
            (
                "Regeringen satsar 3 miljarder kronor på forskning. För 2025 avsätts 800 miljoner \
                 kronor, för 2026 1 miljard kronor och för 2027 1,2 miljarder kronor.\n\n\
                 Satsningen är den största sedan 2020, då 2,2 miljarder kronor tillfördes.",
                &[
                    ("3 miljarder kronor", 3000 * M),
                    ("800 miljoner kronor", 800 * M),
                    ("1 miljard kronor", 1000 * M),
                    ("1,2 miljarder kronor", 1200 * M),
                    ("2,2 miljarder kronor", 2200 * M),
                ],
                &[(Fine, 3000 * M, 0)],
            ),
            // Leaves alone: the same when no run adds up.
            (
                "Regeringen satsar 3 miljarder kronor på forskning. För 2025 avsätts 800 miljoner \
                 kronor, för 2026 1 miljard kronor.\n\n\
                 Satsningen är den största sedan 2020, då 2,2 miljarder kronor tillfördes.",
                &[
                    ("3 miljarder kronor", 3000 * M),
                    ("800 miljoner kronor", 800 * M),
                    ("1 miljard kronor", 1000 * M),
                    ("2,2 miljarder kronor", 2200 * M),
                ],
                &[],
            ),
            // A budget's grant (`anvisar`) cues a sum its shares split; alone, it is no total.
            (
                "Riksdagen anvisar 60 miljoner kronor till kulturmiljövården. Länsstyrelserna får \
                 45 miljoner kronor och Riksantikvarieämbetet 15 miljoner kronor.",
                &[
                    ("60 miljoner kronor", 60 * M),
                    ("45 miljoner kronor", 45 * M),
                    ("15 miljoner kronor", 15 * M),
                ],
                &[(Fine, 60 * M, 0)],
            ),
            (
                "Riksdagen anvisar 60 miljoner kronor till kulturmiljövården. Länsstyrelserna får \
                 45 miljoner kronor.",
                &[
                    ("60 miljoner kronor", 60 * M),
                    ("45 miljoner kronor", 45 * M),
                ],
                &[],
            ),
            // A decision about a sum, and a sentence opening on the sum it splits.
            (
                "Regeringen har i dag beslutat om 650 miljoner kronor till landsbygden. \
                 Jordbruksverket får 400 miljoner kronor och Tillväxtverket 250 miljoner kronor.",
                &[
                    ("650 miljoner kronor", 650 * M),
                    ("400 miljoner kronor", 400 * M),
                    ("250 miljoner kronor", 250 * M),
                ],
                &[(Fine, 650 * M, 0)],
            ),
            (
                "Regeringen beslutade om stöd på 3,2 miljarder kronor. Kommunerna får 2,2 miljarder \
                 kronor och regionerna 1 miljard kronor.",
                &[
                    ("3,2 miljarder kronor", 3200 * M),
                    ("2,2 miljarder kronor", 2200 * M),
                    ("1 miljard kronor", 1000 * M),
                ],
                &[(Fine, 3200 * M, 0)],
            ),
            (
                "Av de 500 miljoner kronorna går 300 miljoner kronor till A och 200 miljoner \
                 kronor till B.",
                &[
                    ("500 miljoner kronor", 500 * M),
                    ("300 miljoner kronor", 300 * M),
                    ("200 miljoner kronor", 200 * M),
                ],
                &[(Fine, 500 * M, 0)],
            ),
            // Leaves alone: a decision whose figures do not add up to it, and one share `av de`
            // a sum mid-sentence.
            (
                "Regeringen har beslutat om 650 miljoner kronor till landsbygden. Jordbruksverket \
                 får 400 miljoner kronor.",
                &[
                    ("650 miljoner kronor", 650 * M),
                    ("400 miljoner kronor", 400 * M),
                ],
                &[],
            ),
            (
                "A får 300 miljoner kronor av de 500 miljoner kronor som avsatts. Då återstår \
                 200 miljoner kronor.",
                &[
                    ("300 miljoner kronor", 300 * M),
                    ("500 miljoner kronor", 500 * M),
                    ("200 miljoner kronor", 200 * M),
                ],
                &[],
            ),
            // The verb's object between it and `med`.
            (
                "Regeringen förstärker det civila försvaret med 75 miljoner kronor. 60 miljoner \
                 kronor går till MSB och 15 miljoner kronor till länsstyrelserna.",
                &[
                    ("75 miljoner kronor", 75 * M),
                    ("60 miljoner kronor", 60 * M),
                    ("15 miljoner kronor", 15 * M),
                ],
                &[(Fine, 75 * M, 0)],
            ),
            // A proposal, its parts in the next sentences, the last one worded as an addition.
            (
                "Regeringen föreslår 7 miljarder kronor i stöd. Regionerna får 3 miljarder kronor \
                 i vår. Ytterligare 4 miljarder kronor betalas ut i höst.",
                &[
                    ("7 miljarder kronor", 7000 * M),
                    ("3 miljarder kronor", 3000 * M),
                    ("4 miljarder kronor", 4000 * M),
                ],
                &[(Fine, 7000 * M, 0)],
            ),
            // `Beloppet fördelas med X till A och Y till B`: shares of the total before.
            (
                "Nämnden beviljar totalt 2,5 miljoner kronor. Beloppet fördelas med 1,5 miljoner \
                 kronor till A och 1 miljon kronor till B.",
                &[
                    ("2,5 miljoner kronor", 25 * M / 10),
                    ("1,5 miljoner kronor", 15 * M / 10),
                    ("1 miljon kronor", M),
                ],
                &[(Fine, 25 * M / 10, 0)],
            ),
            // Shares worded with the same verb stay in the section of the named sum.
            (
                "Totalt satsas 60 miljoner kronor på beredskapen.\n\n- Länsstyrelserna tillförs \
                 40 miljoner kronor.\n- Kommunerna tillförs 20 miljoner kronor.\n",
                &[
                    ("60 miljoner kronor", 60 * M),
                    ("40 miljoner kronor", 40 * M),
                    ("20 miljoner kronor", 20 * M),
                ],
                &[(Fine, 60 * M, 0)],
            ),
            // Leaves alone: a label `Beviljat belopp:`, a verb whose parts are not found, and
            // `fördelas med` shares without a total.
            (
                "Sökande: A\nBeviljat belopp: 400 000 kr\n\nSökande: B\nBeviljat belopp: 300 000 kr\n\n\
                 Sökande: C\nBeviljat belopp: 100 000 kr\n",
                &[
                    ("400 000 kr", 4 * M / 10),
                    ("300 000 kr", 3 * M / 10),
                    ("100 000 kr", M / 10),
                ],
                &[],
            ),
            (
                "Regeringen satsar 100 miljoner kronor på skolan. Tidigare gavs 30 miljoner kronor \
                 och 20 miljoner kronor.",
                &[
                    ("100 miljoner kronor", 100 * M),
                    ("30 miljoner kronor", 30 * M),
                    ("20 miljoner kronor", 20 * M),
                ],
                &[],
            ),
            // A first round of a larger sum in prose ends its section: the list after it
            // is that round's, not the larger sum's.
            (
                "Statsbidraget är på totalt 750 miljoner kronor. Nu beslutades att dela ut 207 \
                 miljoner kronor till tre kommuner.\n\n- A, 107 miljoner kronor\n\
                 - B, 70 miljoner kronor\n- C, 30 miljoner kronor\n",
                &[
                    ("750 miljoner kronor", 750 * M),
                    (
                        "207 \
                 miljoner kronor",
                        207 * M,
                    ),
                    ("107 miljoner kronor", 107 * M),
                    ("70 miljoner kronor", 70 * M),
                    ("30 miljoner kronor", 30 * M),
                ],
                &[(Unresolved, 750 * M, -750 * M), (Fine, 207 * M, 0)],
            ),
            // Shares in prose worded with a verb of giving, where the section adds up.
            (
                "Totalt satsas 100 miljoner kronor. Länsstyrelserna tillförs 60 miljoner kronor \
                 och MSB 40 miljoner kronor.",
                &[
                    ("100 miljoner kronor", 100 * M),
                    ("60 miljoner kronor", 60 * M),
                    ("40 miljoner kronor", 40 * M),
                ],
                &[(Fine, 100 * M, 0)],
            ),
            // A grant in a quotation's second sentence is no list item: it ends the section.
            (
                "Stödet uppgår till 825 miljoner kronor. A får 568 miljoner kronor och B 257 \
                 miljoner kronor.\n\n– Det är bra, säger C. Lidingö beviljas stöd på 343 miljoner \
                 kronor.\n",
                &[
                    ("825 miljoner kronor", 825 * M),
                    ("568 miljoner kronor", 568 * M),
                    ("257 miljoner kronor", 257 * M),
                    ("343 miljoner kronor", 343 * M),
                ],
                &[(Fine, 825 * M, 0)],
            ),
            // A verb's amount over a list with a larger figure: another series, no mismatch.
            (
                "Lidingö beviljas stöd på 343 miljoner kronor.\n\n- A, 249 miljoner kronor\n\
                 - B, 12 miljarder kronor\n",
                &[
                    ("343 miljoner kronor", 343 * M),
                    ("249 miljoner kronor", 249 * M),
                    ("12 miljarder kronor", 12_000 * M),
                ],
                &[],
            ),
            (
                "Medlen fördelas med 40 miljoner kronor till A och 20 miljoner kronor till B.",
                &[
                    ("40 miljoner kronor", 40 * M),
                    ("20 miljoner kronor", 20 * M),
                ],
                &[],
            ),
        ];
        for &(text, items, want) in cases {
            assert_checks(text, items, want);
        }
    }

    #[test]
    fn searched_run_is_said_so() {
        // No heading between the parts and an unrelated later figure: the run search finds them.
        let text = "Regeringen avsätter totalt 30 miljoner kronor, 10 miljoner kronor till A och \
                    20 miljoner kronor till B. Tidigare gavs 7 miljoner kronor.";
        let items = [
            ("30 miljoner kronor", 30 * M),
            ("10 miljoner kronor", 10 * M),
            ("20 miljoner kronor", 20 * M),
            ("7 miljoner kronor", 7 * M),
        ];
        let a = amounts(text, &items);
        let c = reconcile(text, &a);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].status, c[0].components.clone()), (Fine, vec![1, 2]));
        assert!(c[0].method.starts_with("searched"), "{}", c[0].method);
    }

    #[test]
    fn an_enumeration_is_never_searched() {
        // 15 was misread as 20: the first two parts happen to equal the total, the whole list
        // does not. In a list that is a mismatch; the same figures in prose are searched.
        let items = [
            ("30 miljoner kronor", 30 * M),
            ("10 miljoner kronor", 10 * M),
            ("20 miljoner kronor", 20 * M),
            ("5 miljoner kronor", 5 * M),
        ];
        let list = "Staten avsätter 30 miljoner kronor för följande:\n\n1. A (10 miljoner kronor)\n\n\
                    2. B (20 miljoner kronor)\n\n3. C (5 miljoner kronor)\n";
        assert_checks(list, &items, &[(Mismatch, 30 * M, 5 * M)]);
        let prose = "Staten avsätter 30 miljoner kronor, 10 miljoner kronor till A och 20 miljoner kronor \
                     till B. Förra året 5 miljoner kronor.";
        assert_checks(prose, &items, &[(Fine, 30 * M, 0)]);
    }

    #[test]
    fn prose_without_an_enumeration_is_unresolved_not_mismatch() {
        let text = "Regeringen avsätter totalt 30 miljoner kronor. Tidigare gavs 7 miljoner kronor och 9 miljoner kronor.";
        let items = [
            ("30 miljoner kronor", 30 * M),
            ("7 miljoner kronor", 7 * M),
            ("9 miljoner kronor", 9 * M),
        ];
        assert_checks(text, &items, &[(Unresolved, 30 * M, -30 * M)]);
    }

    #[test]
    fn a_large_amount_without_a_cue_is_not_a_total() {
        let text = "Satsningen omfattar närmare en miljard kronor. Av det totala beloppet på 944 miljoner kronor \
                    ska hälften användas, 472 miljoner kronor.";
        let items = [
            ("944 miljoner kronor", 944 * M),
            ("472 miljoner kronor", 472 * M),
        ];
        assert_checks(text, &items, &[]);
    }

    #[test]
    fn approximate_figures_never_make_a_mismatch() {
        let text = "Regeringen satsar 60 miljoner kronor, varav cirka 50 miljoner kronor till A och \
                    20 miljoner kronor till B.";
        let items = [
            ("60 miljoner kronor", 60 * M),
            ("cirka 50 miljoner kronor", 50 * M),
            ("20 miljoner kronor", 20 * M),
        ];
        assert_checks(text, &items, &[(Unresolved, 60 * M, 10 * M)]);
        let exact = text.replace("cirka 50", "50");
        let items = [items[0], ("50 miljoner kronor", 50 * M), items[2]];
        assert_checks(&exact, &items, &[(Mismatch, 60 * M, 10 * M)]);
    }

    #[test]
    fn another_periods_sentence_between_a_total_and_its_parts_is_skipped_not_an_end() {
        use crate::validate::testing::statuses;
        // (text, amounts, the checks made)
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], &'a [(TotalStatus, i64, i64)]);
        let cases: &[Case<'_>] = &[
            // The last round's sum between the announced split and its list: neither the end
            // of the list's section nor a total of the list (36 ≠ 28 was a false mismatch).
            (
                "Kulturrådet fördelar 36 miljoner kronor 2025. Medlen fördelas enligt följande:\n\n\
                 Vid förra omgången fördelades 28 miljoner kronor.\n\n\
                 - A 14 miljoner kronor\n- B 12 miljoner kronor\n- C 10 miljoner kronor\n",
                &[
                    ("36 miljoner kronor", 36 * M),
                    ("28 miljoner kronor", 28 * M),
                    ("14 miljoner kronor", 14 * M),
                    ("12 miljoner kronor", 12 * M),
                    ("10 miljoner kronor", 10 * M),
                ],
                &[(Fine, 36 * M, 0)],
            ),
            // An earlier decision in prose: 30 + 11 made its 40 miljoner, a false `ok`.
            (
                "Fullmäktige anvisar sammanlagt 48 miljoner kronor till skollokaler 2025. Det \
                 ursprungliga beslutet från november 2024 omfattade 40 miljoner kronor.\n\n\
                 A får 30 miljoner kronor, B 11 miljoner kronor och C 7 miljoner kronor.",
                &[
                    ("48 miljoner kronor", 48 * M),
                    ("40 miljoner kronor", 40 * M),
                    ("30 miljoner kronor", 30 * M),
                    ("11 miljoner kronor", 11 * M),
                    ("7 miljoner kronor", 7 * M),
                ],
                &[(Fine, 48 * M, 0)],
            ),
            // No full stop between the announcing line and the next: the colon ending the line
            // ends the total's own sentence, so 2024 is not its year (11 mnkr was a false
            // mismatch as a fourth item).
            (
                "Nämnden beslutar att fördela 15 mnkr för 2025 enligt följande:
                 För 2024 avsattes 11 mnkr för samma ändamål.
                 - A 6 mnkr
- B 5 mnkr
- C 4 mnkr
",
                &[
                    ("15 mnkr", 15 * M),
                    ("11 mnkr", 11 * M),
                    ("6 mnkr", 6 * M),
                    ("5 mnkr", 5 * M),
                    ("4 mnkr", 4 * M),
                ],
                &[(Fine, 15 * M, 0)],
            ),
            // … while a line after the colon in the total's year is one of its parts.
            (
                "Nämnden beslutar att fördela 15 mnkr för 2025 enligt följande:
                 För 2025 går 11 mnkr till A.
                 - B 4 mnkr
",
                &[("15 mnkr", 15 * M), ("11 mnkr", 11 * M), ("4 mnkr", 4 * M)],
                &[(Fine, 15 * M, 0)],
            ),
        ];
        for &(text, items, want) in cases {
            assert_eq!(statuses(text, items), want, "{text}");
        }
        // Leaves alone: the other period's figures are never parts, however they add up.
        let history = "Totalt avsätts 50 miljoner kronor för 2025. År 2024 fick A 30 miljoner \
                       kronor och B 20 miljoner kronor.";
        let items = [
            ("50 miljoner kronor", 50 * M),
            ("30 miljoner kronor", 30 * M),
            ("20 miljoner kronor", 20 * M),
        ];
        assert!(!statuses(history, &items).iter().any(|c| c.0 == Fine));
    }

    #[test]
    fn a_list_with_a_heading_per_item_goes_on_past_each_heading() {
        use crate::validate::testing::statuses;
        let item =
            |name: &str, sum: &str| format!("{name}\n\nSökande: X\nBeviljat belopp: {sum}\n\n");
        let items = [
            ("10,7 mkr", 107 * M / 10),
            ("400 000 kr", 400_000 * 100),
            ("3 197 679 kr", 3_197_679 * 100),
            ("3 311 714 kr", 3_311_714 * 100),
            ("3 804 813 kr", 3_804_813 * 100),
        ];
        let lead = "Fem projekt har beviljats totalt 10,7 mkr. De prioriterade projekten är:\n\n\
                    Förstudie A (Förstudie)\n\nSökande: X\nBeviljat belopp: 400 000 kr\n\n";
        let list = format!(
            "{lead}{}{}{}",
            item("Hållbar inkludering", "3 197 679 kr"),
            item("Bioväx", "3 311 714 kr"),
            item("RUSLIHUS", "3 804 813 kr"),
        );
        let found: Vec<_> = statuses(&list, &items).iter().map(|c| c.0).collect();
        assert_eq!(found, [Fine]);
        // Leaves alone: a list that goes on under one more heading is not confirmed …
        let more = format!("{list}{}", item("Solkraft", "200 000 kr"));
        let with_more: Vec<(&str, i64)> = items
            .iter()
            .copied()
            .chain([("200 000 kr", 200_000 * 100)])
            .collect();
        assert!(!statuses(&more, &with_more).iter().any(|c| c.0 == Fine));
        // … nor are figures under headings that do not add up a mismatch of the total.
        let short = format!(
            "{lead}{}{}",
            item("Hållbar inkludering", "3 197 679 kr"),
            item("Bioväx", "3 311 714 kr"),
        );
        assert!(
            !statuses(&short, &items[..4])
                .iter()
                .any(|c| c.0 == Fine || c.0 == Mismatch)
        );
        // … nor is another year's history under a heading one of the items.
        let history = "Totalt fördelas 10 miljoner kronor till A och B 2025.\n\n\
                       Bakgrund\n\nÅr 2024 fick A 6 miljoner kronor.\n\n\
                       Tidigare\n\nÅr 2023 fick B 4 miljoner kronor.\n";
        let history_items = [
            ("10 miljoner kronor", 10 * M),
            ("6 miljoner kronor", 6 * M),
            ("4 miljoner kronor", 4 * M),
        ];
        assert!(
            !statuses(history, &history_items)
                .iter()
                .any(|c| c.0 == Fine)
        );
    }

    #[test]
    fn a_total_opening_its_paragraph_sums_up_the_paragraphs_before_it() {
        use crate::validate::testing::statuses;
        let items = [
            ("6 miljoner kronor", 6 * M),
            ("4 miljoner kronor", 4 * M),
            ("10 miljoner kronor", 10 * M),
        ];
        // (text, whether the total is `ok` with the two figures before it)
        let cases = [
            (
                "Teatern får 6 miljoner kronor.\n\nMuseet får 4 miljoner kronor.\n\n\
                 Sammanlagt fördelas därmed 10 miljoner kronor.",
                true,
            ),
            (
                "1. Stöd till A\nA beviljas 6 miljoner kronor.\n\n2. Stöd till B\n\
                 B beviljas 4 miljoner kronor.\n\nSammanlagt beviljas 10 miljoner kronor.",
                true,
            ),
            // Leaves alone: another period's figure is no part …
            (
                "Teatern fick 6 miljoner kronor i fjol.\n\nMuseet får 4 miljoner kronor.\n\n\
                 Sammanlagt fördelas därmed 10 miljoner kronor.",
                false,
            ),
            // … nor a figure of the section before a heading.
            (
                "Teatern får 6 miljoner kronor och museet 4 miljoner kronor.\n\nNästa år\n\n\
                 Totalt satsas 10 miljoner kronor.",
                false,
            ),
        ];
        for (text, ok) in cases {
            let got = statuses(text, &items);
            assert_eq!(
                got.iter().any(|c| c == &(Fine, 10 * M, 0)),
                ok,
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_breakdown_in_a_list_item_goes_on_in_its_item_only() {
        // 500 + 700 + 300 happen to make item 1's 1,5 miljarder: the next items are its siblings,
        // the parts of the total over the list, never parts of item 1.
        let list = "Stödet är totalt 2,5 miljarder kronor:\n\
                    1. 1,5 miljarder kronor till vårdplatser, varav 500 miljoner kronor inom psykiatrin.\n\
                    2. 700 miljoner kronor till kompetens.\n\
                    3. 300 miljoner kronor till förlossningsvården.\n";
        let items = [
            ("2,5 miljarder kronor", 2500 * M),
            ("1,5 miljarder kronor", 1500 * M),
            ("500 miljoner kronor", 500 * M),
            ("700 miljoner kronor", 700 * M),
            ("300 miljoner kronor", 300 * M),
        ];
        assert_checks(
            list,
            &items,
            &[(Fine, 2500 * M, 0), (Unresolved, 1500 * M, -1000 * M)],
        );
        // Items without a full stop are one long sentence: 3 + 5 + 3 came within a million of
        // item 1's 12 miljoner, and the list's total lost its parts to it.
        let unstopped = "Totalt tillförs nämnderna 20 miljoner kronor enligt följande:\n\
                         - A 12 miljoner kronor, varav 3 miljoner kronor till fritidshem\n\
                         - B 5 miljoner kronor, varav 2 miljoner kronor till hemtjänsten\n\
                         - C 3 miljoner kronor\n";
        let items = [
            ("20 miljoner kronor", 20 * M),
            ("12 miljoner kronor", 12 * M),
            ("3 miljoner kronor", 3 * M),
            ("5 miljoner kronor", 5 * M),
            ("2 miljoner kronor", 2 * M),
            ("3 miljoner kronor", 3 * M),
        ];
        assert_checks(
            unstopped,
            &items,
            &[
                (Fine, 20 * M, 0),
                (Unresolved, 12 * M, -9 * M),
                (Unresolved, 5 * M, -3 * M),
            ],
        );
        // Leaves alone: in prose the breakdown goes on in the sentences after it.
        let prose = "Regionen avsätter 1,5 miljarder kronor, varav 500 miljoner kronor till psykiatrin. \
                     Därtill går 700 miljoner kronor till kompetens och 300 miljoner kronor till förlossningsvården.";
        let items = [
            ("1,5 miljarder kronor", 1500 * M),
            ("500 miljoner kronor", 500 * M),
            ("700 miljoner kronor", 700 * M),
            ("300 miljoner kronor", 300 * M),
        ];
        assert_checks(prose, &items, &[(Fine, 1500 * M, 0)]);
    }

    #[test]
    fn a_breakdown_of_what_the_money_consists_of_or_in_the_next_paragraph() {
        use crate::validate::testing::statuses;
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], &'a [(TotalStatus, i64, i64)]);
        let cases: &[Case<'_>] = &[
            (
                "Regeringen föreslår ytterligare 600 miljoner kronor. Beloppet består av 450 \
                 miljoner kronor till A och 150 miljoner kronor till B.",
                &[
                    ("600 miljoner kronor", 600 * M),
                    ("450 miljoner kronor", 450 * M),
                    ("150 miljoner kronor", 150 * M),
                ],
                &[(Fine, 600 * M, 0)],
            ),
            (
                "Fullmäktige anvisar 4 200 000 kronor ur reserven, fördelat på A med 2 700 000 \
                 kronor och B med 1 500 000 kronor.",
                &[
                    ("4 200 000 kronor", 42 * M / 10),
                    ("2 700 000 kronor", 27 * M / 10),
                    ("1 500 000 kronor", 15 * M / 10),
                ],
                &[(Fine, 42 * M / 10, 0)],
            ),
            (
                "Regeringen tillför myndigheten 90 miljoner kronor.\n\nAv beloppet används 60 \
                 miljoner kronor till A.\n\nDärutöver går 30 miljoner kronor till B.\n",
                &[
                    ("90 miljoner kronor", 90 * M),
                    ("60 miljoner kronor", 60 * M),
                    ("30 miljoner kronor", 30 * M),
                ],
                &[(Fine, 90 * M, 0)],
            ),
            // Leaves alone: a split over years names no amounts, and a cue inside the text of
            // the next paragraph refers to no figure of the paragraph before.
            (
                "Stödet är 100 miljoner kronor fördelat på tre år.",
                &[("100 miljoner kronor", 100 * M)],
                &[],
            ),
            (
                "A får 90 miljoner kronor.\n\nB har ansökt om stöd. Av beloppet används 60 miljoner \
                 kronor till C och 30 miljoner kronor till D.\n",
                &[
                    ("90 miljoner kronor", 90 * M),
                    ("60 miljoner kronor", 60 * M),
                    ("30 miljoner kronor", 30 * M),
                ],
                &[],
            ),
        ];
        for &(text, items, want) in cases {
            assert_eq!(statuses(text, items), want, "{text}");
        }
    }

    #[test]
    fn the_parts_end_where_the_text_turns_to_another_year() {
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], &'a [(TotalStatus, i64, i64)]);
        let cases: &[Case<'_>] = &[
            // An earlier year, by name or by its own number, ends the parts: 100 + 150 + 50 and
            // 400 + 500 add up only by chance.
            (
                "Regeringen satsar 300 miljoner kronor på forskning. A tillförs 100 miljoner kronor.\n\n\
                 Förra året fick universiteten 150 miljoner kronor och högskolorna 50 miljoner kronor.\n",
                &[
                    ("300 miljoner kronor", 300 * M),
                    ("100 miljoner kronor", 100 * M),
                    ("150 miljoner kronor", 150 * M),
                    ("50 miljoner kronor", 50 * M),
                ],
                &[],
            ),
            (
                "Totalt tillförs myndigheten 900 miljoner kronor 2025.\n\nRegeringen har tidigare \
                 beslutat om 400 miljoner kronor till fler utredare. År 2020 fick myndigheten 500 \
                 miljoner kronor i extra medel.\n",
                &[
                    ("900 miljoner kronor", 900 * M),
                    ("400 miljoner kronor", 400 * M),
                    ("500 miljoner kronor", 500 * M),
                ],
                &[(Unresolved, 900 * M, -900 * M)],
            ),
            (
                "Kommunen avsätter 120 miljoner kronor 2025. Av beloppet avser 40 miljoner kronor \
                 utrustning.\n\nUnder 2024 kostade lokalerna 50 miljoner kronor och hyran 30 miljoner kronor.\n",
                &[
                    ("120 miljoner kronor", 120 * M),
                    ("40 miljoner kronor", 40 * M),
                    ("50 miljoner kronor", 50 * M),
                    ("30 miljoner kronor", 30 * M),
                ],
                &[(Unresolved, 120 * M, -80 * M)],
            ),
            // An earlier round of the same kind ends them as an earlier year does.
            (
                "Vinnova fördelar totalt 40 miljoner kronor i utlysningen. Förra utlysningen \
                 fördelade 25 miljoner kronor och 15 miljoner kronor fick avslag.\n",
                &[
                    ("40 miljoner kronor", 40 * M),
                    ("25 miljoner kronor", 25 * M),
                    ("15 miljoner kronor", 15 * M),
                ],
                &[(Unresolved, 40 * M, -40 * M)],
            ),
            // Leaves alone: years within the total's span, and later sentences naming no year.
            (
                "Regeringen satsar 3 miljarder kronor 2025–2027. För 2025 avsätts 800 miljoner \
                 kronor.\n\nFör 2026 avsätts 1 miljard kronor och för 2027 1,2 miljarder kronor.\n",
                &[
                    ("3 miljarder kronor", 3000 * M),
                    ("800 miljoner kronor", 800 * M),
                    ("1 miljard kronor", 1000 * M),
                    ("1,2 miljarder kronor", 1200 * M),
                ],
                &[(Fine, 3000 * M, 0)],
            ),
            (
                "Regeringen satsar totalt 6 miljarder kronor 2025.\n\nA får 2,5 miljarder kronor.\n\n\
                 B tillförs 2 miljarder kronor.\n\nDärtill går 1,5 miljarder kronor till C.\n",
                &[
                    ("6 miljarder kronor", 6000 * M),
                    ("2,5 miljarder kronor", 2500 * M),
                    ("2 miljarder kronor", 2000 * M),
                    ("1,5 miljarder kronor", 1500 * M),
                ],
                &[(Fine, 6000 * M, 0)],
            ),
        ];
        for &(text, items, want) in cases {
            assert_checks(text, items, want);
        }
    }

    #[test]
    fn another_effort_or_decision_is_no_share_of_the_total() {
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], &'a [(TotalStatus, i64, i64)]);
        let five = ("5 miljoner kronor", 5 * M);
        let four = ("4 miljoner kronor", 4 * M);
        let cases: &[Case<'_>] = &[
            // The same kind of effort compared with, in years of its own, adds up by chance …
            (
                "Totalt avsätter regionen 9 miljoner kronor till ett nytt program. Budgeten för \
                 motsvarande satsning var 5 miljoner kronor år 2023 och 4 miljoner kronor år 2024.\n",
                &[("9 miljoner kronor", 9 * M), five, four],
                &[(Unresolved, 9 * M, -9 * M)],
            ),
            // … as do the grants of another decision.
            (
                "Totalt fördelas 9 miljoner kronor till Kalix kommun. Haparanda och Överkalix får \
                 5 miljoner kronor respektive 4 miljoner kronor i ett separat beslut.\n",
                &[("9 miljoner kronor", 9 * M), five, four],
                &[(Unresolved, 9 * M, -9 * M)],
            ),
            (
                "Kommunstyrelsen fördelar 9 miljoner kronor enligt följande:\n- A 5 miljoner kronor\n\
                 - B 4 miljoner kronor\n\nStudieförbunden får 3 miljoner kronor i ett annat beslut.\n",
                &[
                    ("9 miljoner kronor", 9 * M),
                    five,
                    four,
                    ("3 miljoner kronor", 3 * M),
                ],
                &[(Fine, 9 * M, 0)],
            ),
            // Leaves alone: `motsvarande` before a figure or a share restates an amount …
            (
                "Regionen fördelar totalt 9 miljoner kronor. Umeå får ett belopp motsvarande 5 \
                 miljoner kronor och Skellefteå 4 miljoner kronor.\n",
                &[("9 miljoner kronor", 9 * M), five, four],
                &[(Fine, 9 * M, 0)],
            ),
            (
                "Totalt fördelas 10 miljoner kronor. Stockholm får 5 miljoner kronor, motsvarande \
                 hälften, och Uppsala 5 miljoner kronor.\n",
                &[
                    ("10 miljoner kronor", 10 * M),
                    five,
                    ("5 miljoner kronor", 5 * M),
                ],
                &[(Fine, 10 * M, 0)],
            ),
            // … and a total that is itself set against another decision reads its parts.
            (
                "I ett separat beslut fördelas totalt 9 miljoner kronor. A får 5 miljoner kronor \
                 och B 4 miljoner kronor i ett separat beslut.\n",
                &[("9 miljoner kronor", 9 * M), five, four],
                &[(Fine, 9 * M, 0)],
            ),
        ];
        for &(text, items, want) in cases {
            assert_checks(text, items, want);
        }
    }

    #[test]
    fn a_figure_for_each_of_a_counted_set_counts_once_per_member() {
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], &'a [(TotalStatus, i64, i64)]);
        const K: i64 = 100_000; // one tusen kronor in öre
        let cases: &[Case<'_>] = &[
            (
                "Kommunen beslutar om extra bidrag på totalt 200 000 kronor.\n\nFörslaget är två \
                 potter på 100 000 kronor var.\n",
                &[("200 000 kronor", 200 * K), ("100 000 kronor", 100 * K)],
                &[(Fine, 200 * K, 0)],
            ),
            (
                "Regionen satsar 2,5 miljoner kronor på följande:\n- två projekt om 1 miljon kronor \
                 vardera\n- en förstudie på 500 000 kronor\n",
                &[
                    ("2,5 miljoner kronor", 25 * M / 10),
                    ("1 miljon kronor", M),
                    ("500 000 kronor", 500 * K),
                ],
                &[(Fine, 25 * M / 10, 0)],
            ),
            // The total after its parts.
            (
                "Nämnden delar ut 5 stipendier om 20 000 kronor var. Sammanlagt delas 100 000 kronor ut.\n",
                &[("20 000 kronor", 20 * K), ("100 000 kronor", 100 * K)],
                &[(Fine, 100 * K, 0)],
            ),
            // An uncounted set, a partitive count and a count that does not fit settle nothing.
            (
                "Totalt avsätts 200 000 kronor. Föreningarna A och B får 100 000 kronor var.\n",
                &[("200 000 kronor", 200 * K), ("100 000 kronor", 100 * K)],
                &[(Unresolved, 200 * K, -200 * K)],
            ),
            (
                "Totalt avsätts 200 000 kronor. Två av de fem föreningarna får 100 000 kronor var.\n",
                &[("200 000 kronor", 200 * K), ("100 000 kronor", 100 * K)],
                &[(Unresolved, 200 * K, -200 * K)],
            ),
            (
                "Totalt avsätts 300 000 kronor. Förslaget är två potter på 100 000 kronor var.\n",
                &[("300 000 kronor", 300 * K), ("100 000 kronor", 100 * K)],
                &[(Unresolved, 300 * K, -300 * K)],
            ),
        ];
        for &(text, items, want) in cases {
            assert_checks(text, items, want);
        }
    }

    #[test]
    fn a_rate_per_year_ends_the_parts_of_a_one_off_total() {
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], &'a [(TotalStatus, i64, i64)]);
        let cases: &[Case<'_>] = &[
            // 40 + 50 + 30 and 100 + 50 add up only by chance past the rate.
            (
                "Regionen beviljar 120 miljoner kronor för ombyggnaden. Av beloppet avser 40 miljoner \
                 kronor utrustning.\n\nDriften beräknas till 50 miljoner kronor per år och hyran till \
                 30 miljoner kronor.\n",
                &[
                    ("120 miljoner kronor", 120 * M),
                    ("40 miljoner kronor", 40 * M),
                    ("50 miljoner kronor per år", 50 * M),
                    ("30 miljoner kronor", 30 * M),
                ],
                &[(Unresolved, 120 * M, -80 * M)],
            ),
            (
                "Regeringen har beslutat om 150 miljoner kronor till skollokaler. Medlen fördelas \
                 med 75 miljoner kronor per år.\n\nRegeringen har även aviserat 100 miljoner kronor \
                 till lekplatser och 50 miljoner kronor till utemiljöer.\n",
                &[
                    ("150 miljoner kronor", 150 * M),
                    ("75 miljoner kronor per år", 75 * M),
                    ("100 miljoner kronor", 100 * M),
                    ("50 miljoner kronor", 50 * M),
                ],
                &[],
            ),
            // A list cut short by a rate is no proof the list is wrong.
            (
                "Totalt avsätts 500 miljoner kronor:\n\n- A får 200 miljoner kronor\n\
                 - B får 100 miljoner kronor\n- C får 50 miljoner kronor per år 2025–2028\n",
                &[
                    ("500 miljoner kronor", 500 * M),
                    ("200 miljoner kronor", 200 * M),
                    ("100 miljoner kronor", 100 * M),
                    ("50 miljoner kronor per år", 50 * M),
                ],
                &[(Unresolved, 500 * M, -200 * M)],
            ),
            // Leaves alone: a total per year split into parts per year.
            (
                "Stödet uppgår totalt till 300 miljoner kronor per år. A får 200 miljoner kronor per \
                 år och B 100 miljoner kronor per år.",
                &[
                    ("300 miljoner kronor per år", 300 * M),
                    ("200 miljoner kronor per år", 200 * M),
                    ("100 miljoner kronor per år", 100 * M),
                ],
                &[(Fine, 300 * M, 0)],
            ),
        ];
        for &(text, items, want) in cases {
            // `… per år`: the base the extractor reads after the unit.
            let mut a = amounts(text, items);
            for (x, (words, _)) in a.iter_mut().zip(items) {
                x.per = words.rsplit_once(" per ").map(|(_, p)| p.to_string());
            }
            let got: Vec<(TotalStatus, i64, i64)> = reconcile(text, &a)
                .into_iter()
                .map(|c| (c.status, c.stated.ore(), c.difference.ore()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn varav_without_amounts_is_no_check() {
        let text = "Regeringen satsar 60 miljoner kronor, varav hälften till regionerna. Sedan 5 miljoner kronor.";
        let items = [("60 miljoner kronor", 60 * M), ("5 miljoner kronor", 5 * M)];
        assert_checks(text, &items, &[]);
    }

    const VARAV: &str = "Den nya överenskommelsen omfattar totalt 2,88 miljarder kronor. Av dessa är 500 \
        miljoner avsatta för A, och cirka 730 miljoner för B.\n\nNästa stycke 5 miljoner kronor.";

    #[test]
    fn partial_breakdown_is_unresolved_not_mismatch() {
        let items = [
            ("2,88 miljarder kronor", 2880 * M),
            ("500 miljoner", 500 * M),
            ("cirka 730 miljoner", 730 * M),
            ("5 miljoner kronor", 5 * M),
        ];
        let a = amounts(VARAV, &items);
        let c = reconcile(VARAV, &a);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].status, c[0].components.clone()),
            (Unresolved, vec![1, 2])
        );
        assert!(c[0].method.starts_with("partial"), "{}", c[0].method);
    }

    #[test]
    fn a_breakdown_of_the_money_named_skips_a_change_said_of_it() {
        use crate::validate::testing::statuses;
        // (text, amounts, the checks: verdict, stated)
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], &'a [(TotalStatus, i64)]);
        let cases: &[Case<'_>] = &[
            (
                "Kommunen får 14 miljoner kronor i statsbidrag 2025, vilket är 2 miljoner kronor mer \
                 än 2024. Av bidraget går 9 miljoner kronor till skolan och 5 miljoner kronor till \
                 äldreomsorgen.",
                &[
                    ("14 miljoner kronor", 14 * M),
                    ("2 miljoner kronor", 2 * M),
                    ("9 miljoner kronor", 9 * M),
                    ("5 miljoner kronor", 5 * M),
                ],
                &[(Fine, 14 * M)],
            ),
            (
                "Stödet är 500 miljoner kronor, jämfört med 400 miljoner kronor i fjol, varav 300 \
                 miljoner kronor till A och 200 miljoner kronor till B.",
                &[
                    ("500 miljoner kronor", 500 * M),
                    ("400 miljoner kronor", 400 * M),
                    ("300 miljoner kronor", 300 * M),
                    ("200 miljoner kronor", 200 * M),
                ],
                &[(Fine, 500 * M)],
            ),
            // The change's own noun names the change as the parent, its shares after `fördelas
            // med` parts of it.
            (
                "Bidraget ökar med 6 miljarder kronor 2025. Av ökningen avser 4 miljarder kronor \
                 kommunerna och 2 miljarder kronor regionerna.",
                &[
                    ("6 miljarder kronor", 6000 * M),
                    ("4 miljarder kronor", 4000 * M),
                    ("2 miljarder kronor", 2000 * M),
                ],
                &[(Fine, 6000 * M)],
            ),
            (
                "Regeringen föreslår en höjning med 200 miljoner kronor av anslaget. Höjningen \
                 fördelas med 120 miljoner kronor till A och 80 miljoner kronor till B.",
                &[
                    ("200 miljoner kronor", 200 * M),
                    ("120 miljoner kronor", 120 * M),
                    ("80 miljoner kronor", 80 * M),
                ],
                &[(Fine, 200 * M)],
            ),
            // Leaves alone: the money named by its own noun skips the change, as above, and a
            // change not split by its noun is no total.
            (
                "Kommunen får 14 miljoner kronor i statsbidrag, en ökning med 5 miljoner kronor. Av \
                 bidraget går 9 miljoner kronor till skolan och 5 miljoner kronor till vården.",
                &[
                    ("14 miljoner kronor", 14 * M),
                    ("5 miljoner kronor", 5 * M),
                    ("9 miljoner kronor", 9 * M),
                    ("5 miljoner kronor", 5 * M),
                ],
                &[(Fine, 14 * M)],
            ),
            (
                "Bidraget ökar med 6 miljarder kronor 2025. Kommunerna får 4 miljarder kronor och \
                 regionerna 2 miljarder kronor.",
                &[
                    ("6 miljarder kronor", 6000 * M),
                    ("4 miljarder kronor", 4000 * M),
                    ("2 miljarder kronor", 2000 * M),
                ],
                &[],
            ),
            // Leaves alone: one share of the money named is a partial breakdown.
            (
                "Kommunen får 14 miljoner kronor i statsbidrag. Av bidraget går 9 miljoner kronor \
                 till skolan.",
                &[("14 miljoner kronor", 14 * M), ("9 miljoner kronor", 9 * M)],
                &[(Unresolved, 14 * M)],
            ),
        ];
        for &(text, items, want) in cases {
            let got: Vec<(TotalStatus, i64)> = statuses(text, items)
                .into_iter()
                .map(|c| (c.0, c.1))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn complete_breakdown_is_ok_and_excess_is_mismatch() {
        let text = "Regeringen satsar 60 miljoner kronor, varav 50 miljoner kronor till A och 10 miljoner kronor till B.";
        let items = [
            ("60 miljoner kronor", 60 * M),
            ("50 miljoner kronor", 50 * M),
            ("10 miljoner kronor", 10 * M),
        ];
        assert_checks(text, &items, &[(Fine, 60 * M, 0)]);
        let over = text.replace("10 miljoner kronor till B", "30 miljoner kronor till B");
        let items = [items[0], items[1], ("30 miljoner kronor", 30 * M)];
        assert_checks(&over, &items, &[(Mismatch, 60 * M, 20 * M)]);
    }

    #[test]
    fn a_figure_nested_in_a_part_of_a_breakdown_is_no_part_beside_it() {
        let text = "Sammanlagt avsätts 230 miljoner kronor. Av dessa går 110 miljoner kronor till kommunerna, varav 30 miljoner kronor till glesbygdskommuner, och 120 miljoner kronor till regionerna.";
        let items = [
            ("230 miljoner kronor", 230 * M),
            ("110 miljoner kronor", 110 * M),
            ("30 miljoner kronor", 30 * M),
            ("120 miljoner kronor", 120 * M),
        ];
        let c = reconcile(text, &amounts(text, &items));
        let outer = c
            .iter()
            .find(|c| c.stated.ore() == 230 * M)
            .expect("the outer total");
        assert_eq!((outer.status, outer.components.clone()), (Fine, vec![1, 3]));
        // Without the nested figure's own cue it is a third part: the sum then exceeds.
        let flat = text.replace(", varav 30", ", 30");
        let c = reconcile(&flat, &amounts(&flat, &items));
        assert_eq!(c[0].status, Mismatch, "{c:?}");
    }

    #[test]
    fn wording_of_a_split_and_its_parts_across_paragraphs() {
        use crate::validate::testing::statuses;
        type Case<'a> = (
            &'a str,
            &'a [(&'a str, i64)],
            Option<crate::record::TotalStatus>,
        );
        let cases: &[Case<'_>] = &[
            // `fördelning av` announces a split; a part restated by `Dessa` is no new part.
            (
                "Regeringen har beslutat om fördelning av 100 miljoner kronor.\n\n70 miljoner kronor går till A.\n\n\
                 30 miljoner kronor går till B. Dessa 30 miljoner kronor ersätter äldre medel.",
                &[
                    ("100 miljoner kronor", 100 * M),
                    ("70 miljoner kronor", 70 * M),
                    ("30 miljoner kronor", 30 * M),
                    ("30 miljoner kronor", 30 * M),
                ],
                Some(Fine),
            ),
            // The same without `Dessa`: a figure repeating a searched part may be the part, so
            // the sum is not confirmed (and a verb's unconfirmed total is no check).
            (
                "Regeringen har beslutat om fördelning av 100 miljoner kronor.\n\n70 miljoner kronor går till A.\n\n\
                 30 miljoner kronor går till B. Även C får 30 miljoner kronor.",
                &[
                    ("100 miljoner kronor", 100 * M),
                    ("70 miljoner kronor", 70 * M),
                    ("30 miljoner kronor", 30 * M),
                    ("30 miljoner kronor", 30 * M),
                ],
                None,
            ),
            // A split still to be made, after the figure; a list item's `fördelas av` is no cue.
            (
                "Regeringen har beslutat hur stöden om 750 miljoner kronor ska fördelas. Fördelningen:\n\
                 - 450 mnkr fördelas av A.\n- 300 mnkr fördelas av B.\n",
                &[
                    ("750 miljoner kronor", 750 * M),
                    ("450 mnkr", 450 * M),
                    ("300 mnkr", 300 * M),
                ],
                Some(Fine),
            ),
            (
                "Rådet får 378 miljoner kronor att fördela. 150 miljoner kronor öronmärks för A, som därmed \
                 ökas från 150 till 300 miljoner kronor. 228 miljoner kronor avsätts för B.",
                &[
                    ("378 miljoner kronor", 378 * M),
                    ("150 miljoner kronor", 150 * M),
                    ("från 150 till 300 miljoner kronor", 300 * M),
                    ("228 miljoner kronor", 228 * M),
                ],
                Some(Fine),
            ),
            // A decision to split (`att fördela`), and a split announced by the next sentence
            // with the money for its subject.
            (
                "Regeringen har beslutat att fördela 250 miljoner kronor: 150 miljoner kronor till A \
                 och 100 miljoner kronor till B.",
                &[
                    ("250 miljoner kronor", 250 * M),
                    ("150 miljoner kronor", 150 * M),
                    ("100 miljoner kronor", 100 * M),
                ],
                Some(Fine),
            ),
            (
                "Kommunfullmäktige beslutar att omfördela 12 miljoner kronor enligt följande:\n\n\
                 - Socialnämnden 7 miljoner kronor\n- Tekniska nämnden 5 miljoner kronor\n",
                &[
                    ("12 miljoner kronor", 12 * M),
                    ("7 miljoner kronor", 7 * M),
                    ("5 miljoner kronor", 5 * M),
                ],
                Some(Fine),
            ),
            (
                "Regionen har tilldelats 18 miljoner kronor. Pengarna fördelas så här: 10 miljoner \
                 kronor till A, 5 miljoner kronor till B och 3 miljoner kronor till C.",
                &[
                    ("18 miljoner kronor", 18 * M),
                    ("10 miljoner kronor", 10 * M),
                    ("5 miljoner kronor", 5 * M),
                    ("3 miljoner kronor", 3 * M),
                ],
                Some(Fine),
            ),
            (
                "Nämnden har 30 miljoner kronor till sitt förfogande. Fördelningen ser ut så här:\n\n\
                 A 20 miljoner kronor\nB 10 miljoner kronor\n",
                &[
                    ("30 miljoner kronor", 30 * M),
                    ("20 miljoner kronor", 20 * M),
                    ("10 miljoner kronor", 10 * M),
                ],
                Some(Fine),
            ),
            (
                "Regionen får 18 miljoner kronor för 2025. Medlen fördelas enligt följande:\n\n\
                 - A 10 miljoner kronor\n- B 8 miljoner kronor\n",
                &[
                    ("18 miljoner kronor", 18 * M),
                    ("10 miljoner kronor", 10 * M),
                    ("8 miljoner kronor", 8 * M),
                ],
                Some(Fine),
            ),
            (
                "Kommunen har fått 9,6 miljoner kronor. Kommunstyrelsen föreslås fördela medlen \
                 enligt följande.\n\nA 4,2 miljoner kronor\nB 5,4 miljoner kronor\n",
                &[
                    ("9,6 miljoner kronor", 96 * M / 10),
                    ("4,2 miljoner kronor", 42 * M / 10),
                    ("5,4 miljoner kronor", 54 * M / 10),
                ],
                Some(Fine),
            ),
            // Leaves alone: a split announced after a sentence of two amounts (which one is
            // split is unsaid), a next sentence that announces no split, and a decision to split
            // whose figures do not add up (a verb's cue settles nothing).
            (
                "Regionen får 18 miljoner kronor 2025 och 20 miljoner kronor 2026. Medlen fördelas \
                 enligt följande:\n\n- A 10 miljoner kronor\n- B 9 miljoner kronor\n",
                &[
                    ("18 miljoner kronor", 18 * M),
                    ("20 miljoner kronor", 20 * M),
                    ("10 miljoner kronor", 10 * M),
                    ("9 miljoner kronor", 9 * M),
                ],
                None,
            ),
            (
                "Regionen har tilldelats 18 miljoner kronor. Pengarna har betalats ut: 10 miljoner \
                 kronor till A och 8 miljoner kronor till B.",
                &[
                    ("18 miljoner kronor", 18 * M),
                    ("10 miljoner kronor", 10 * M),
                    ("8 miljoner kronor", 8 * M),
                ],
                None,
            ),
            (
                "Kommunen har fått 9,6 miljoner kronor. Kommunstyrelsen har tidigare fördelat \
                 andra medel.\n\nA 4,2 miljoner kronor\nB 5,4 miljoner kronor\n",
                &[
                    ("9,6 miljoner kronor", 96 * M / 10),
                    ("4,2 miljoner kronor", 42 * M / 10),
                    ("5,4 miljoner kronor", 54 * M / 10),
                ],
                None,
            ),
            (
                "Kommunen har beslutat att omfördela 250 miljoner kronor. A får 100 miljoner kronor.",
                &[
                    ("250 miljoner kronor", 250 * M),
                    ("100 miljoner kronor", 100 * M),
                ],
                None,
            ),
            (
                "Kommunen har fått i uppdrag att fördela 250 miljoner kronor. A får 100 miljoner kronor.",
                &[
                    ("250 miljoner kronor", 250 * M),
                    ("100 miljoner kronor", 100 * M),
                ],
                None,
            ),
            (
                "Stöden om 750 miljoner kronor har fördelats. A fick 450 mnkr.\n",
                &[("750 miljoner kronor", 750 * M), ("450 mnkr", 450 * M)],
                None,
            ),
            // A noun cue whose figures do not add up is no check at all.
            (
                "Beslut om fördelning av 100 miljoner kronor. A får 70 miljoner kronor.",
                &[
                    ("100 miljoner kronor", 100 * M),
                    ("70 miljoner kronor", 70 * M),
                ],
                None,
            ),
            // Factors of growth are changes, never parts of the level: no mismatch.
            (
                "Stödet uppgår till 2 165 miljoner kronor.\n\n  • A har vuxit med 31 miljoner kronor.\n  \
                 • B har stigit med 83 miljoner jämfört med 2017.\n",
                &[
                    ("2 165 miljoner kronor", 2165 * M),
                    ("31 miljoner kronor", 31 * M),
                    ("83 miljoner", 83 * M),
                ],
                None,
            ),
        ];
        for &(text, items, want) in cases {
            let got = statuses(text, items);
            assert_eq!(got.first().map(|c| c.0), want, "{text}: {got:?}");
        }
    }

    #[test]
    fn a_list_shorter_than_the_count_its_total_names_is_unresolved_not_a_mismatch() {
        use crate::validate::testing::statuses;
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], TotalStatus);
        let cases: &[Case<'_>] = &[
            // Nine projects named, two listed (the copy stops): the sum settles nothing.
            (
                "Nämnden beviljade totalt 16 miljoner kronor till nio olika projekt.

                 1. A beviljas 5 miljoner kronor.
 2. B beviljas 4 miljoner kronor.",
                &[
                    ("16 miljoner kronor", 16 * M),
                    ("5 miljoner kronor", 5 * M),
                    ("4 miljoner kronor", 4 * M),
                ],
                Unresolved,
            ),
            // Two named and two listed: a gap is a mismatch.
            (
                "Nämnden beviljade totalt 16 miljoner kronor till två projekt.

                 1. A beviljas 5 miljoner kronor.
 2. B beviljas 4 miljoner kronor.",
                &[
                    ("16 miljoner kronor", 16 * M),
                    ("5 miljoner kronor", 5 * M),
                    ("4 miljoner kronor", 4 * M),
                ],
                Mismatch,
            ),
            // A count of years, or a figure's digit group, is no count of parts.
            (
                "Staten avsätter totalt 16 miljoner kronor under tre år.

                 1. A får 5 miljoner kronor.
 2. B får 4 miljoner kronor.",
                &[
                    ("16 miljoner kronor", 16 * M),
                    ("5 miljoner kronor", 5 * M),
                    ("4 miljoner kronor", 4 * M),
                ],
                Mismatch,
            ),
            (
                "Nämnden beviljade totalt 16 470 000 kr.

                 1. A beviljas 5 000 000 kr.
 2. B beviljas 4 000 000 kr.",
                &[
                    ("16 470 000 kr", 1_647_000_000),
                    ("5 000 000 kr", 500_000_000),
                    ("4 000 000 kr", 400_000_000),
                ],
                Mismatch,
            ),
            // Nine named, nine-tenths listed in two parts that add up: `ok` all the same.
            (
                "Nämnden beviljade totalt 9 miljoner kronor till nio olika projekt.

                 1. A beviljas 5 miljoner kronor.
 2. B beviljas 4 miljoner kronor.",
                &[
                    ("9 miljoner kronor", 9 * M),
                    ("5 miljoner kronor", 5 * M),
                    ("4 miljoner kronor", 4 * M),
                ],
                Fine,
            ),
        ];
        for &(text, items, want) in cases {
            let got = statuses(text, items);
            assert_eq!(got.first().map(|c| c.0), Some(want), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_sum_raised_by_an_addition_in_its_sentence_is_a_part_of_the_new_total() {
        use crate::validate::testing::statuses;
        // (text, amounts, the checks: stated in miljoner and status)
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], &'a [(i64, TotalStatus)]);
        let cases: &[Case<'_>] = &[
            (
                "Totalt var 5 miljoner kronor avsatt men styrelsen sköt till ytterligare 1 miljon \
                 kronor, totalt 6 miljoner kronor.",
                &[
                    ("5 miljoner kronor", 5 * M),
                    ("1 miljon kronor", M),
                    ("6 miljoner kronor", 6 * M),
                ],
                &[(6, Fine)],
            ),
            (
                "Sammanlagt avsattes 5 miljoner kronor. Därtill kom 1 miljon kronor, sammanlagt \
                 6 miljoner kronor.",
                &[
                    ("5 miljoner kronor", 5 * M),
                    ("1 miljon kronor", M),
                    ("6 miljoner kronor", 6 * M),
                ],
                // The first sum ends its own sentence, so nothing in it says it is raised: it
                // stays a total of its own. Its parts are unstated, so it is one part of the
                // second, which sums it up with the addition after it.
                &[(5, Unresolved), (6, Fine)],
            ),
            // No addition between the two sums: both stay totals of their own.
            (
                "Totalt var 5 miljoner kronor avsatt och 1 miljon kronor gick till A, totalt \
                 6 miljoner kronor.",
                &[
                    ("5 miljoner kronor", 5 * M),
                    ("1 miljon kronor", M),
                    ("6 miljoner kronor", 6 * M),
                ],
                &[(5, Unresolved), (6, Unresolved)],
            ),
        ];
        for &(text, items, want) in cases {
            let got: Vec<(i64, TotalStatus)> = statuses(text, items)
                .into_iter()
                .map(|(st, stated, _)| (stated / M, st))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn summan_after_figures_in_its_sentence_sums_them_up() {
        use crate::validate::testing::statuses;
        let five_five = [
            ("5 miljarder kronor", 5000 * M),
            ("5 miljarder kronor", 5000 * M),
            ("10 miljarder kronor", 10_000 * M),
        ];
        let cases: &[(&str, &[(&str, i64)], _)] = &[
            (
                "Först fanns 5 miljarder kronor, men sedan ytterligare 5 miljarder kronor uppgår \
                 summan till 10 miljarder kronor.",
                &five_five,
                Some(Fine),
            ),
            // Figures that do not add up: a stated sum without its parts, never a mismatch.
            (
                "Först fanns 5 miljarder kronor, men sedan ytterligare 3 miljarder kronor uppgår \
                 summan till 10 miljarder kronor.",
                &[
                    ("5 miljarder kronor", 5000 * M),
                    ("3 miljarder kronor", 3000 * M),
                    ("10 miljarder kronor", 10_000 * M),
                ],
                Some(Unresolved),
            ),
            // Leaves alone: `Summan` opening its sentence looks ahead to its parts, and one
            // figure before it is no sum.
            (
                "Summan uppgår till 10 miljarder kronor. A får 5 miljarder kronor och B får 5 \
                 miljarder kronor.",
                &[
                    ("10 miljarder kronor", 10_000 * M),
                    ("5 miljarder kronor", 5000 * M),
                    ("5 miljarder kronor", 5000 * M),
                ],
                Some(Fine),
            ),
            (
                "Med 5 miljarder kronor uppgår summan till 10 miljarder kronor.",
                &[
                    ("5 miljarder kronor", 5000 * M),
                    ("10 miljarder kronor", 10_000 * M),
                ],
                None,
            ),
        ];
        for (text, items, want) in cases {
            let got = statuses(text, items);
            assert_eq!(got.first().map(|c| c.0), *want, "{text}: {got:?}");
        }
    }

    #[test]
    fn a_further_part_after_the_parts_unconfirms_the_sum() {
        use crate::validate::testing::statuses;
        const BREAKDOWN: &str = "Totalt fördelas 41 miljoner kronor varav 39 miljoner kronor till A och 2 miljoner kronor till B.";
        const SUMMED: &str = "A får 2 miljarder kronor. Tillsammans med de 4 miljarder kronor som aviserats avsätts sammanlagt 6 miljarder kronor.";
        const SEARCHED: &str = "Regeringen avsätter totalt 30 miljoner kronor, 10 miljoner kronor till A och 20 miljoner kronor till B.";
        let cases: &[(String, &[(&str, i64)], _)] = &[
            // `Därtill`/`Ytterligare` adds a part, even one equal to another part …
            (
                format!("{BREAKDOWN} Därtill 39 miljoner kronor till C."),
                &[
                    ("41 miljoner kronor", 41 * M),
                    ("39 miljoner kronor", 39 * M),
                    ("2 miljoner kronor", 2 * M),
                    ("39 miljoner kronor", 39 * M),
                ],
                Unresolved,
            ),
            (
                format!("{SUMMED} Därtill 4 miljarder kronor."),
                &[
                    ("2 miljarder kronor", 2000 * M),
                    ("4 miljarder kronor", 4000 * M),
                    ("6 miljarder kronor", 6000 * M),
                    ("4 miljarder kronor", 4000 * M),
                ],
                Unresolved,
            ),
            (
                format!("{SEARCHED} Kommunerna får ytterligare 5 miljoner kronor."),
                &[
                    ("30 miljoner kronor", 30 * M),
                    ("10 miljoner kronor", 10 * M),
                    ("20 miljoner kronor", 20 * M),
                    ("5 miljoner kronor", 5 * M),
                ],
                Unresolved,
            ),
            // … and where the parts were searched for, a repeated part may be the part.
            (
                format!("{SEARCHED} B får 20 miljoner kronor."),
                &[
                    ("30 miljoner kronor", 30 * M),
                    ("10 miljoner kronor", 10 * M),
                    ("20 miljoner kronor", 20 * M),
                    ("20 miljoner kronor", 20 * M),
                ],
                Unresolved,
            ),
            // Leaves alone: the same sums without a further part, a plain later figure, and an
            // addition in the next paragraph after a sentence's breakdown.
            (
                BREAKDOWN.to_string(),
                &[
                    ("41 miljoner kronor", 41 * M),
                    ("39 miljoner kronor", 39 * M),
                    ("2 miljoner kronor", 2 * M),
                ],
                Fine,
            ),
            (
                SUMMED.to_string(),
                &[
                    ("2 miljarder kronor", 2000 * M),
                    ("4 miljarder kronor", 4000 * M),
                    ("6 miljarder kronor", 6000 * M),
                ],
                Fine,
            ),
            (
                format!("{SEARCHED} Tidigare gavs 7 miljoner kronor."),
                &[
                    ("30 miljoner kronor", 30 * M),
                    ("10 miljoner kronor", 10 * M),
                    ("20 miljoner kronor", 20 * M),
                    ("7 miljoner kronor", 7 * M),
                ],
                Fine,
            ),
            (
                format!("{BREAKDOWN}\n\nDärtill 9 miljoner kronor till C."),
                &[
                    ("41 miljoner kronor", 41 * M),
                    ("39 miljoner kronor", 39 * M),
                    ("2 miljoner kronor", 2 * M),
                    ("9 miljoner kronor", 9 * M),
                ],
                Fine,
            ),
        ];
        for (text, items, want) in cases {
            let got = statuses(text, items);
            assert_eq!(got.first().map(|c| c.0), Some(*want), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_sum_with_unstated_parts_is_one_part_of_the_sum_after_it_and_ends_its_run() {
        // (text, amounts, the last check's status and stated value in öre)
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], TotalStatus, i64);
        let cases: &[Case<'_>] = &[
            // `Tillsammans fick de …` names a sum whose parts are not given; the `Totalt …
            // därmed` after it sums it up with the additions that follow it.
            (
                "Nämnden beviljade stöd till 14 projekt. Tillsammans fick de 41 miljoner kronor.\n\n\
                 Utöver detta har nämnden beviljat 12,5 mnkr till A samt 6,2 mnkr till B.\n\n\
                 Totalt beviljades därmed 59,7 mnkr under 2024.",
                &[
                    ("41 miljoner kronor", 41 * M),
                    ("12,5 mnkr", 125 * M / 10),
                    ("6,2 mnkr", 62 * M / 10),
                    ("59,7 mnkr", 597 * M / 10),
                ],
                Fine,
                597 * M / 10,
            ),
            // … in its paragraph too.
            (
                "Tillsammans fick de 63 miljoner kronor. Utöver detta har projekten beviljats \
                 209 mnkr från EU samt 21,8 mnkr från privata aktörer. Totalt beviljades alltså \
                 293,8 mnkr.",
                &[
                    ("63 miljoner kronor", 63 * M),
                    ("209 mnkr", 209 * M),
                    ("21,8 mnkr", 218 * M / 10),
                    ("293,8 mnkr", 2938 * M / 10),
                ],
                Fine,
                2938 * M / 10,
            ),
            // It stands for whatever came before it: figures before it are not summed again,
            // though with them the sum would come out (10 + 25 + 15 = 50).
            (
                "A får 10 miljoner kronor. Tillsammans fick de 25 miljoner kronor.\n\n\
                 Utöver detta går 15 miljoner kronor till C.\n\n\
                 Totalt beviljades därmed 50 miljoner kronor.",
                &[
                    ("10 miljoner kronor", 10 * M),
                    ("25 miljoner kronor", 25 * M),
                    ("15 miljoner kronor", 15 * M),
                    ("50 miljoner kronor", 50 * M),
                ],
                Unresolved,
                50 * M,
            ),
            // Without an addition after it, the figures after it may be its own shares.
            (
                "Tillsammans fick de 25 miljoner kronor.\n\nC får 15 miljoner kronor.\n\n\
                 Totalt beviljades därmed 40 miljoner kronor.",
                &[
                    ("25 miljoner kronor", 25 * M),
                    ("15 miljoner kronor", 15 * M),
                    ("40 miljoner kronor", 40 * M),
                ],
                Unresolved,
                40 * M,
            ),
        ];
        for &(text, items, want, stated) in cases {
            let got = crate::validate::testing::statuses(text, items);
            assert_eq!(
                got.last().map(|c| (c.0, c.1)),
                Some((want, stated)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_rounded_total_is_checked_on_its_exact_statement_after_the_parts() {
        const K: i64 = 100; // one krona in öre
        let list = |closing: &str| {
            format!(
                "Föreningar delar på 1,6 miljoner\n\nNämnden beviljade föreningsbidrag enligt \
                 följande:\n\nA får dela på 1 298 000 kr\n\nB får dela på 209 000 kr\n\nC får \
                 dela på 100 000 kr\n\nBidraget är viktigt. {closing}"
            )
        };
        let items = |exact: &'static str, v: i64| {
            vec![
                ("1,6 miljoner", 16 * M / 10),
                ("1 298 000 kr", 1_298_000 * K),
                ("209 000 kr", 209_000 * K),
                ("100 000 kr", 100_000 * K),
                (exact, v),
            ]
        };
        type Case = (
            String,
            Vec<(&'static str, i64)>,
            Vec<(TotalStatus, i64, i64)>,
        );
        let cases: Vec<Case> = vec![
            // The exact sum after the parts is where the check sits.
            (
                list("Den totala summan uppgår till 1 607 000 kr."),
                items("1 607 000 kr", 1_607_000 * K),
                vec![(Fine, 1_607_000 * K, 0)],
            ),
            // Parts that meet only the rounded figure confirm nothing.
            (
                list("Den totala summan uppgår till 1 617 000 kr."),
                items("1 617 000 kr", 1_617_000 * K),
                vec![(Unresolved, 1_617_000 * K, -10_000 * K)],
            ),
            // A later figure beyond the rounding is another sum: the check stays.
            (
                list("Totalt fördelas i år 1 900 000 kr."),
                items("1 900 000 kr", 1_900_000 * K),
                vec![
                    (Fine, 16 * M / 10, 7_000 * K),
                    (Unresolved, 1_900_000 * K, -1_900_000 * K),
                ],
            ),
            // So does one under the next heading.
            (
                format!(
                    "{}\n\nVuxenföreningar\n\nDen totala summan uppgår till 1 607 000 kr.",
                    list("")
                ),
                items("1 607 000 kr", 1_607_000 * K),
                vec![(Fine, 16 * M / 10, 7_000 * K)],
            ),
        ];
        for (text, items, want) in cases {
            assert_checks(&text, &items, &want);
        }
    }

    #[test]
    fn a_total_in_a_headline_is_checked_only_when_the_text_below_adds_up() {
        const BODY: &str = "Tekniska nämnden har beslutat om satsningar inför sommaren.\n\n\
            Två miljoner kronor går till badplatserna. En miljon kronor används för nya \
            spontanidrottsplatser.\n\nFörra året lade nämnden 800 000 kronor på underhåll.";
        let body = [
            ("Två miljoner kronor", 2 * M),
            ("En miljon kronor", M),
            ("800 000 kronor", 8 * M / 10),
        ];
        let with = |head: &'static str, v: i64| {
            let mut items = vec![(head, v)];
            items.extend(body);
            items
        };
        type Case = (
            String,
            Vec<(&'static str, i64)>,
            Vec<(TotalStatus, i64, i64)>,
        );
        let cases: Vec<Case> = vec![
            (
                format!("Tre miljoner till badplatser och spontanidrott\n\n{BODY}"),
                with("Tre miljoner", 3 * M),
                vec![(Fine, 3 * M, 0)],
            ),
            (
                format!(
                    "Publicerad\n\n3 miljoner kronor till badplatser och spontanidrott\n\nPublicerad\n\n{BODY}"
                ),
                with("3 miljoner kronor", 3 * M),
                vec![(Fine, 3 * M, 0)],
            ),
            // A qualifier the amount reader takes is inside the figure's span; `över`, which it
            // leaves out, may stand before it.
            (
                format!("Drygt 3 miljoner kronor till badplatser och spontanidrott\n\n{BODY}"),
                with("Drygt 3 miljoner kronor", 3 * M),
                vec![(Fine, 3 * M, 0)],
            ),
            (
                format!("Över 3 miljoner kronor till badplatser och spontanidrott\n\n{BODY}"),
                with("3 miljoner kronor", 3 * M),
                vec![(Fine, 3 * M, 0)],
            ),
            (
                format!("Till badplatser går 3 miljoner kronor och spontanidrott\n\n{BODY}"),
                with("3 miljoner kronor", 3 * M),
                vec![],
            ),
            // A headline names no sum: parts that do not add up are no mismatch.
            (
                format!("Fem miljoner till badplatser och spontanidrott\n\n{BODY}"),
                with("Fem miljoner", 5 * M),
                vec![],
            ),
            // The figure must open a line of its own: inside a sentence, or after other words,
            // it is no headline.
            (
                format!("Tre miljoner till badplatser och spontanidrott. {BODY}"),
                with("Tre miljoner", 3 * M),
                vec![],
            ),
            (
                format!("Nämnden ger tre miljoner till badplatser och spontanidrott\n\n{BODY}"),
                with("tre miljoner", 3 * M),
                vec![],
            ),
            // A larger figure below: the headline is not the whole of the story.
            (
                format!(
                    "Tre miljoner till badplatser och spontanidrott\n\n{BODY} Nämndens budget \
                     är 40 miljoner kronor."
                ),
                {
                    let mut items = with("Tre miljoner", 3 * M);
                    items.push(("40 miljoner kronor", 40 * M));
                    items
                },
                vec![],
            ),
            // The text below states the sum to the krona: the check is that statement's, and
            // parts a krona off it are no `ok` under the headline's rounding.
            (
                "3 miljoner kronor till badplatser och spontanidrott\n\nNämnden avsätter \
                 3 000 000 kronor, utöver de 2 000 002 kronor som avsattes 2024. Av dessa medel \
                 går 2 000 000 kronor till badplatserna. Övriga 1 000 000 kronor går till nya \
                 spontanidrottsplatser."
                    .to_string(),
                vec![
                    ("3 miljoner kronor", 3 * M),
                    ("3 000 000 kronor", 3 * M),
                    ("2 000 002 kronor", 2 * M + 200),
                    ("2 000 000 kronor", 2 * M),
                    ("1 000 000 kronor", M),
                ],
                // The earlier year's figure is left open, not taken as a part.
                vec![(Unresolved, 2 * M + 200, -200)],
            ),
        ];
        for (text, items, want) in cases {
            assert_checks(&text, &items, &want);
        }
    }
}
