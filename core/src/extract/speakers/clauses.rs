//! Relative clauses around a speaker: the organisation that runs the body a
//! spokesperson speaks for ("a spokesman for the clinic, which is run by …"),
//! and the subject before such a clause.

use super::{
    Context, EntityKind, Quote, Resolution, SPEECH_VERBS, SPOKES_NOUNS, Span, Speaker, WordSet,
    contains, words,
};

/// Verbs before "by" that make the agent the body that runs a thing
/// ("an inquiry, which was opened by <Org>"), not one that owns it.
static RUNNING_VERBS: WordSet = WordSet::new(
    "chaired|commissioned|conducted|led|managed|opened|operated|organised|organized|\
     overseen|run|sent|staffed",
);

/// Most bytes of a relative clause naming a spokesperson's organisation
/// ([`Context::relative_org`]).
const MAX_RELATIVE_CLAUSE_BYTES: usize = 160;

impl<'a> Context<'a> {
    /// `, which was sent by the Atlantic Democracy Forum,` right at byte
    /// `at`: news names the body a spokesperson speaks for in a relative
    /// clause after a common noun ("a spokesman for the monitoring
    /// mission, which …"). Gives the first organisation or group the
    /// clause names after "by" (the clause's agent) and the byte after its
    /// closing comma.
    pub(super) fn relative_org(&self, at: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let (start, close) = self.relative_clause(at)?;
        // The clause's agent, when it runs the thing: "sent by", "run by"
        // the body ("which runs three hospitals in the Dales" names a
        // place; "which is owned by <Org>" an owner, who does not speak
        // for what it owns).
        let org = self.mentions_in(start, close).iter().find(|m| {
            let before: Vec<Span> = words(text, Span::new(start, m.at)).collect();
            let agent = match before.as_slice() {
                [.., verb, by, the] if by.text(text) == "by" && the.text(text) == "the" => {
                    contains(&RUNNING_VERBS, verb.text(text))
                }
                [.., verb, by] if by.text(text) == "by" => {
                    contains(&RUNNING_VERBS, verb.text(text))
                }
                _ => false,
            };
            agent
                && matches!(
                    self.kind(m.entity),
                    Some(EntityKind::Organisation | EntityKind::Group)
                )
        })?;
        Some((org.entity, close + 1))
    }

    /// `, which …,` right at byte `at`: where the clause's words start and
    /// where its closing comma is.
    pub(super) fn relative_clause(&self, at: usize) -> Option<(usize, usize)> {
        const OPENER: &str = ", which ";
        let rest = self.text.get(at..)?.strip_prefix(OPENER)?;
        let start = at + OPENER.len();
        let close = rest
            .char_indices()
            .take_while(|&(i, _)| i <= MAX_RELATIVE_CLAUSE_BYTES)
            .find(|&(_, c)| c == ',')?
            .0
            + start;
        Some((start, close))
    }

    /// In sentence `span`: a spokesperson's phrase in its first words, a
    /// relative clause right after it (naming an organisation or not), and a
    /// speech verb right after the clause ("A spokeswoman for the inquiry,
    /// which is run by <Org>, said …"). Gives where the clause starts.
    pub(super) fn clause_before_verb(&self, span: Span) -> Option<usize> {
        let text = self.text;
        let clause = text.get(span.start..span.end)?.find(", which ")? + span.start;
        let subject: Vec<Span> = words(text, Span::new(span.start, clause)).collect();
        if subject.len() > 9
            || !subject
                .iter()
                .any(|w| contains(&SPOKES_NOUNS, w.text(text)) && w.text(text) != "statement")
        {
            return None;
        }
        let (_, close) = self.relative_clause(clause)?;
        let verb = words(text, Span::new(close + 1, span.end)).next()?;
        contains(&SPEECH_VERBS, verb.text(text)).then_some(clause)
    }

    /// A quote after the speech verb of a spokesperson whose organisation
    /// a relative clause names ("A spokesman for the inquiry, which was
    /// opened by <Org> in March, said it was "…""): the organisation.
    pub(super) fn spokes_before_clause(&self, quote: &Quote) -> Option<Speaker> {
        let sentence = self.sentences.get(self.sentence_of(quote.span.start)?)?;
        let clause = self.clause_before_verb(Span::new(sentence.span.start, quote.span.start))?;
        let (org, _) = self.relative_org(clause)?;
        let text = self.text;
        let noun = words(text, Span::new(sentence.span.start, clause))
            .find(|w| contains(&SPOKES_NOUNS, w.text(text)));
        Some(Speaker {
            written: quote.speaker,
            role: noun,
            ..Speaker::resolved(org, Resolution::Nominal)
        })
    }
}
