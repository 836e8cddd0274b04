//! Speaker resolution (`extract/speakers/`): one focused test per rule,
//! and snapshots that render each quote's resolved speaker inline.

use expect_test::{Expect, expect};
use parallax_core::analyze;
use parallax_core::corpus::bundled_stories;
use parallax_core::extract::{Analysis, Resolution};

fn story(paragraphs: &str) -> String {
    format!("Headline of the story\n\nDecember 18, 2014\n\n{paragraphs}\n")
}

/// Per quote: the first words, the speaker as written, then `→ key (rule,
/// role, from "mention")`.
fn render(text: &str, a: &Analysis) -> String {
    let mut out = String::new();
    for (i, q) in a.quotes.iter().enumerate() {
        let words: String = q.content.text(text).chars().take(32).collect();
        let written = q.speaker.map_or("-", |s| s.text(text));
        let s = a.speaker(i).expect("one speaker per quote");
        let key = a.speaker_key(i).unwrap_or("-");
        let role = s
            .role
            .map_or(String::new(), |r| format!(", role “{}”", r.text(text)));
        let from = a
            .speaker_mention(i)
            .map_or(String::new(), |m| format!(", from “{}”", m.text(text)));
        let candidates: Vec<&str> = s
            .candidates
            .iter()
            .filter_map(|&c| a.entities.get(c).map(|e| e.key.as_str()))
            .collect();
        let candidates = if candidates.is_empty() {
            String::new()
        } else {
            format!(", candidates {}", candidates.join(" / "))
        };
        out.push_str(&format!(
            "⟦{words}⟧ {written} → {key} ({}{role}{from}{candidates})\n",
            s.resolution.name()
        ));
    }
    out
}

fn check(paragraphs: &str, expect: Expect) {
    let text = story(paragraphs);
    expect.assert_eq(&render(&text, &analyze(&text)));
}

fn resolved(paragraphs: &str) -> Vec<(Option<String>, Resolution)> {
    let text = story(paragraphs);
    let a = analyze(&text);
    (0..a.quotes.len())
        .map(|i| {
            (
                a.speaker_key(i).map(str::to_string),
                a.speaker(i).map_or(Resolution::None, |s| s.resolution),
            )
        })
        .collect()
}

#[test]
fn one_speaker_per_quote() {
    let (stories, _) = bundled_stories();
    for article in &stories[0].articles {
        let a = analyze(&article.raw);
        assert_eq!(a.speakers.len(), a.quotes.len());
    }
}

#[test]
fn named_in_sentence_with_role_in_apposition() {
    check(
        "“We have too many branches,” said Dana Whitfield, chief executive of Northgate Bank, on a call with analysts.",
        expect![[r#"
            ⟦We have too many branches,⟧ Dana Whitfield → dana-whitfield (named-in-sentence, role “chief executive of Northgate Bank”, from “Dana Whitfield”)
        "#]],
    );
}

#[test]
fn pronoun_takes_the_person_named_before() {
    let got = resolved(
        "Mr Doyle has worked at the plant for 31 years.\n\n\"My dad worked here, my grandad worked here,\" he said.",
    );
    assert_eq!(got, [(Some("doyle".to_string()), Resolution::Pronoun)]);
}

#[test]
fn pronoun_with_two_people_of_unknown_gender_is_unresolved() {
    check(
        "Judge Alex Morgan sentenced Sam Carter on Friday.\n\n\"It was a mistake,\" they said.\n\n\"I am sorry,\" he said.",
        expect![[r#"
            ⟦It was a mistake,⟧ they → - (none)
            ⟦I am sorry,⟧ he → - (unresolved, candidates sam-carter / alex-morgan)
        "#]],
    );
}

#[test]
fn pronoun_gender_from_titles_picks_one() {
    let got = resolved("Ms Ruth Adler met Mr Tom Baines on Friday.\n\n\"I am sorry,\" he said.");
    assert_eq!(got, [(Some("tom-baines".to_string()), Resolution::Pronoun)]);
}

#[test]
fn quote_only_paragraph_continues_the_speaker() {
    let got = resolved(
        "\"The real problem is the loan book,\" Rohan Mehta said.\n\n\"Closing branches does not fix that.\"",
    );
    assert_eq!(
        got,
        [
            (Some("rohan-mehta".to_string()), Resolution::NamedInSentence),
            (Some("rohan-mehta".to_string()), Resolution::Continuation),
        ]
    );
}

#[test]
fn a_new_person_stops_a_continuation() {
    let got = resolved(
        "\"The real problem is the loan book,\" Rohan Mehta said.\n\nJulia Stone, an economist, disagreed with him on the radio.\n\n\"Closing branches does not fix that.\"",
    );
    assert_eq!(got.get(1).map(|g| g.1), Some(Resolution::EarlierSentence));
    assert_eq!(
        got.get(1).and_then(|g| g.0.clone()).as_deref(),
        Some("julia-stone")
    );
}

#[test]
fn nominal_organisation_and_spokeswoman() {
    check(
        "Northgate Bank will cut 600 jobs.\n\n\"No branch will close without notice,\" the bank said.\n\n\"We met union officials on Monday,\" a Northgate spokeswoman said.",
        expect![[r#"
            ⟦No branch will close without not⟧ the bank → northgate-bank (nominal, from “Northgate Bank”)
            ⟦We met union officials on Monday⟧ a Northgate spokeswoman → northgate-bank (named-in-sentence, role “spokeswoman”, from “Northgate”)
        "#]],
    );
}

#[test]
fn role_noun_and_age() {
    let got = resolved(
        "Owen Pryce, 71, has lived on the street all his life.\n\n“I have never seen it this high,” the 71-year-old said.",
    );
    assert_eq!(got, [(Some("owen-pryce".to_string()), Resolution::Role)]);
}

#[test]
fn colon_at_the_end_of_a_paragraph() {
    let got = resolved(
        "In a statement, Robert Vale wrote:\n\n\"Every morning our youngest asks when Mummy is coming home.\"",
    );
    assert_eq!(
        got.first().and_then(|g| g.0.clone()).as_deref(),
        Some("robert-vale")
    );
}

#[test]
fn titles_and_nicknames_get_no_speaker() {
    let got = resolved(
        "Finch urged residents to read the guide \"What To Do If Your Home Floods\" before the winter.\n\nThe prop Danny \"Tank\" Osei scored twice.",
    );
    assert!(got.iter().all(|(key, _)| key.is_none()), "{got:?}");
}

#[test]
fn seed_speakers_resolved() {
    let (stories, _) = bundled_stories();
    let raw = stories[0].articles[0].raw.to_string();
    let a = analyze(&raw);
    expect![[r#"
        ⟦malicious criminal acts⟧ the company → sony-pictures (nominal, from “Sony Pictures”)
        ⟦The world will be full of fear. ⟧ the message → - (none)
        ⟦We recommend you to keep yoursel⟧ the message → - (none)
        ⟦In light of the decision by the ⟧ the company → sony-pictures (nominal, from “Sony Pictures”)
        ⟦We respect and understand our pa⟧ the company → sony-pictures (continuation, from “Sony Pictures”)
        ⟦Sony Pictures has been the victi⟧ the company → sony-pictures (continuation, from “Sony Pictures”)
        ⟦flimsy.⟧ Wired's Kim Zetter → kim-zetter (named-in-sentence, from “Kim Zetter”)
    "#]].assert_eq(&render(&raw, &a));
}

fn key_of(got: &[(Option<String>, Resolution)], i: usize) -> Option<&str> {
    got.get(i).and_then(|g| g.0.as_deref())
}

#[test]
fn later_sentence_names_the_speaker_after_the_quote() {
    let got = resolved(
        "The mill closed in May.\n\n\"We will rebuild, whatever it takes.\" That was the promise of the owner, Mr Colin Drury, on Friday.",
    );
    assert_eq!(
        got,
        [(Some("colin-drury".to_string()), Resolution::LaterSentence)]
    );
}

#[test]
fn later_sentence_after_a_long_statement_in_the_next_paragraph() {
    let got = resolved(
        "\"Our plan protects every pensioner in the district.\n\n\"Nobody will lose a penny of what they were promised.\"\n\nThat statement came from the fund's chair, Mrs Ellen Vosper, on Monday.",
    );
    assert_eq!(key_of(&got, 0), Some("ellen-vosper"));
}

#[test]
fn a_following_sentence_that_does_not_point_back_names_nobody() {
    let got = resolved(
        "\"The harbour wall will not last another winter.\" Repairs begin in March, when Mr Ian Royle takes over the works.",
    );
    assert_ne!(got.first().map(|g| g.1), Some(Resolution::LaterSentence));
}

#[test]
fn earlier_sentence_with_a_pronoun_subject() {
    let got = resolved(
        "Ms Lena Ortiz has run the food bank since 2019. She has worked there every weekend.\n\n\"We ran out of tins on Tuesday.\"",
    );
    assert_eq!(
        got,
        [(Some("lena-ortiz".to_string()), Resolution::EarlierSentence)]
    );
}

#[test]
fn earlier_sentence_inside_the_paragraph() {
    let got = resolved(
        "\"We lost the roof,\" said Mr Tom Hale.\n\nHis colleague Rita Moss was calmer. \"We will be open again by Monday.\"",
    );
    assert_eq!(key_of(&got, 1), Some("rita-moss"));
}

#[test]
fn same_gender_pronoun_takes_the_subject_of_the_sentence_before() {
    let got = resolved(
        "Mr Dev Patel and Mr Sam Ross met on Monday. Ross rejected the offer. \"It is far too low,\" he said.",
    );
    assert_eq!(got, [(Some("sam-ross".to_string()), Resolution::Pronoun)]);
}

#[test]
fn same_gender_pronoun_without_a_subject_stays_unresolved() {
    let got =
        resolved("Mr Dev Patel and Mr Sam Ross met on Monday.\n\n\"It is far too low,\" he said.");
    assert_eq!(got.first().map(|g| g.1), Some(Resolution::Unresolved));
}

#[test]
fn an_age_rules_out_a_person_of_another_age() {
    let got = resolved(
        "Nora Beck, 19, beat Alice Ward, 31, in the final.\n\n\"I am still shaking,\" the 19-year-old said.",
    );
    assert_eq!(key_of(&got, 0), Some("nora-beck"));
}

#[test]
fn nominal_takes_the_organisation_named_with_the_noun_in_apposition() {
    let got = resolved(
        "Brackley Waters, the region's water company, and Tenby Holt signed a deal.\n\n\"Bills will not rise this year,\" the company said.",
    );
    assert_eq!(key_of(&got, 0), Some("brackley-waters"));
}

#[test]
fn it_takes_the_organisation_that_spoke_not_the_one_named_last() {
    let got = resolved(
        "Harwell Foods, which owns the Crisply brand, rejected the claims. The company said the tests were flawed.\n\n\"Crisply is safe to eat,\" it said.",
    );
    assert_eq!(key_of(&got, 0), Some("harwell-foods"));
}

#[test]
fn a_quoted_title_after_a_document_noun_gets_no_speaker() {
    let got = resolved(
        "\"The river is rising,\" Mr Ben Ash said.\n\nThe council has printed a leaflet headed \"Protect Your Home From Flooding This Winter,\" which lists sandbag points.\n\nThe study, \"Long Term Effects Of Flooding On Rural Housing,\" was published on Monday.",
    );
    assert_eq!(key_of(&got, 1), None);
    assert_eq!(key_of(&got, 2), None);
}

#[test]
fn a_team_called_by_its_last_word_is_not_a_person() {
    let got = resolved(
        "Dunmore Athletic sacked their coach on Sunday after a 4-0 defeat led Athletic to the bottom of the table.\n\n\"We thank him for his work,\" the club said.",
    );
    assert_eq!(key_of(&got, 0), Some("dunmore-athletic"));
}

#[test]
fn a_name_in_apposition_to_a_kin_word_is_a_person() {
    let got = resolved(
        "Mr Frank Lowe spent the night on the roof. Lowe's wife, Irene, said he refused to leave. \"He would not come down,\" she said.",
    );
    // A relative named by given name after "Lowe's wife" takes the family
    // name in its key.
    assert_eq!(key_of(&got, 0), Some("irene-lowe"));
}

#[test]
fn a_one_word_name_before_an_organisation_noun_is_that_organisation() {
    let got = resolved(
        "Quorvex, the Lyon-based insurer, said it would appeal against the fine. \"We disagree with the ruling and will appeal,\" the insurer said.",
    );
    assert_eq!(key_of(&got, 0), Some("quorvex"));
}

#[test]
fn according_to_an_organisation_after_the_quote_names_it() {
    let got = resolved(
        "Nell Carter watched the river rise. \"It came so fast,\" she said.\n\nThe flood was \"the worst in living memory for this valley,\" according to the Fenmoor Rivers Agency.",
    );
    assert_eq!(key_of(&got, 0), Some("nell-carter"));
    assert_eq!(key_of(&got, 1), Some("fenmoor-rivers-agency"));
}

#[test]
fn said_its_role_then_a_name_in_apposition_is_that_person() {
    let got = resolved(
        "Residents' group Save Elm Park said it would fight on. \"We will not give up on this park,\" said its chair, Ruth Okwu.",
    );
    assert_eq!(key_of(&got, 0), Some("ruth-okwu"));
}

#[test]
fn a_term_after_its_own_is_a_scare_quote() {
    let got = resolved(
        "Council leader Tom Hale said the council would extend its own \"slow streets\" trial to two more roads.",
    );
    assert_eq!(got, [(None, Resolution::None)]);
}

#[test]
fn a_person_before_wrote_and_a_colon_speaks_over_a_statement() {
    let got = resolved(
        "Ada Lindgren was hurt in the crash. In a statement read out by a lawyer, Lindgren's son, Leo, wrote: \"We forgive nobody for what happened to our mother.\"",
    );
    assert_eq!(got, [(Some("leo-lindgren".to_string()), Resolution::Colon)]);
}

#[test]
fn a_name_with_a_who_clause_that_said_he_is_a_person() {
    let got = resolved(
        "Traders said the closure could hardly have come at a worse time. Osric Venn, who runs a barber's shop in Ashby, said he had turned away dozens of customers. \"It was the worst week I have had,\" he said.",
    );
    assert_eq!(key_of(&got, 0), Some("osric-venn"));
}

#[test]
fn a_league_spokesman_finds_a_league_named_for_its_tier() {
    let got = resolved(
        "The Western Premiership fined Brackley Town £5,000 on Monday. Brackley Town said it would appeal against the fine. \"Clubs are responsible for their supporters,\" a league spokesman said.",
    );
    assert_eq!(key_of(&got, 0), Some("western-premiership"));
}

#[test]
fn a_quote_inside_a_quote_takes_the_one_named_before_its_verb() {
    let got = resolved(
        "Mrs Joan Pell chairs the library group.\n\n\"The mayor, Mr Hugh Tarrant, stood in this hall and told us, 'No library will close while I am in office,'\" she said.",
    );
    assert_eq!(key_of(&got, 0), Some("joan-pell"));
    assert_eq!(key_of(&got, 1), Some("hugh-tarrant"));
}

#[test]
fn a_chant_takes_the_organisation_that_led_the_crowd() {
    let got = resolved(
        "About 50 members of the Kirkby Tenants Association marched to the town hall on Friday, chanting \"Fix Our Flats\" as councillors arrived.",
    );
    assert_eq!(key_of(&got, 0), Some("kirkby-tenants-association"));
}

#[test]
fn a_given_name_gives_the_gender_when_the_text_is_silent() {
    let got = resolved(
        "Laura Finch and Peter Hale gave evidence on Monday.\n\n\"It was a long day,\" she said.",
    );
    assert_eq!(
        got,
        [(Some("laura-finch".to_string()), Resolution::Pronoun)]
    );
}

#[test]
fn two_given_names_of_one_sex_stay_unresolved_with_both() {
    check(
        "Laura Finch and Helen Dunn gave evidence on Monday.\n\n\"It was a long day,\" she said.",
        expect![[r#"
            ⟦It was a long day,⟧ she → - (unresolved, candidates helen-dunn / laura-finch)
        "#]],
    );
}

#[test]
fn a_title_in_the_text_beats_the_name_list() {
    // Andrea is on the female list (US births); "Mr" says otherwise.
    let got = resolved(
        "Mr Andrea Conti and Ms Laura Finch gave evidence on Monday.\n\n\"It was a long day,\" he said.",
    );
    assert_eq!(
        got,
        [(Some("andrea-conti".to_string()), Resolution::Pronoun)]
    );
}

#[test]
fn a_given_name_marks_a_guessed_name_as_a_person() {
    let got = resolved(
        "The board voted 4-1 for the tax. The lone vote against came from Gordon Pell.\n\n\"It is a tax on the poor,\" he said.",
    );
    assert_eq!(
        got,
        [(Some("gordon-pell".to_string()), Resolution::Pronoun)]
    );
}

#[test]
fn a_kin_word_before_a_lone_name_marks_a_person() {
    let got = resolved(
        "Tom Brierley and his brother Sean were due to fly to a wedding. Sean said they would miss it. \"He is the best man,\" he said.",
    );
    assert_eq!(key_of(&got, 0), Some("sean"));
}

#[test]
fn a_role_noun_with_an_of_phrase_is_headed_by_the_noun() {
    let got = resolved(
        "Maria Ochoa, 58, waits for the bus each morning. \"I have missed appointments,\" the grandmother of four said.",
    );
    assert_eq!(got, [(Some("maria-ochoa".to_string()), Resolution::Role)]);
}

#[test]
fn more_role_nouns_name_a_person() {
    let got = resolved(
        "Jonas Verhoeven, who finished third, denied taking the drug. \"I have never cheated,\" the rider said.",
    );
    assert_eq!(key_of(&got, 0), Some("jonas-verhoeven"));
}

#[test]
fn a_title_or_particle_before_the_name_after_the_quote() {
    let got = resolved(
        "Team manager Pieter de Wolf said he was devastated. \"We believed in him,\" de Wolf said.\n\nThe tenant, Chloe Barnes, wrote to the council. \"There was nowhere else to go,\" Ms Barnes said.",
    );
    assert_eq!(key_of(&got, 0), Some("pieter-de-wolf"));
    assert_eq!(key_of(&got, 1), Some("chloe-barnes"));
}

#[test]
fn a_short_quote_with_a_cue_is_speech_and_is_continued() {
    let got = resolved(
        "Manuel Costa, 71, has farmed the slopes all his life. \"It grumbles,\" the farmer said. \"It has never come down on us.\"",
    );
    assert_eq!(key_of(&got, 0), Some("manuel-costa"));
    assert_eq!(
        got.get(1),
        Some(&(Some("manuel-costa".to_string()), Resolution::Continuation))
    );
}

#[test]
fn role_words_between_the_verb_and_the_name() {
    let got = resolved(
        "Staff have worked double shifts for a month. \"Our members are exhausted,\" said regional organiser Bev Tanner.",
    );
    assert_eq!(
        got,
        [(Some("bev-tanner".to_string()), Resolution::NamedInSentence)]
    );
}

#[test]
fn according_to_after_the_quote() {
    let got = resolved(
        "The watchdog fined the operator on Monday. \"Passengers were let down again and again,\" according to Sarah Kimble, its director.",
    );
    assert_eq!(key_of(&got, 0), Some("sarah-kimble"));
}

#[test]
fn a_possessive_role_with_a_name_in_apposition_after_the_quote() {
    check(
        "The Rail Users Forum welcomed the fine. \"It sends a message,\" its chair, Janet Ober, said.",
        expect![[r#"
            ⟦It sends a message,⟧ - → janet-ober (named-in-sentence, role “its chair”, from “Janet Ober”)
        "#]],
    );
}

#[test]
fn more_organisation_nouns_and_a_long_spokesperson_phrase() {
    let got = resolved(
        "More than 140 flights from Coldharbour Airport were delayed on Monday. \"We apologise to every passenger,\" the airport said.\n\nThe delays hit Westline Airways hardest. \"That is not acceptable,\" a spokesperson for the airline said.",
    );
    assert_eq!(key_of(&got, 0), Some("coldharbour-airport"));
    assert_eq!(key_of(&got, 1), Some("westline-airways"));
}

#[test]
fn a_later_sentence_skips_a_possessive_name() {
    let got = resolved(
        "Firefighters pulled Ellen Ward, 82, from her home on Sunday.\n\n\"It could have been so much worse.\" Those were the words of Ellen's daughter, Rachel Stone, who drove up overnight.",
    );
    assert_eq!(
        got,
        [(Some("rachel-stone".to_string()), Resolution::LaterSentence)]
    );
}

fn check_headline(headline: &str, paragraphs: &str, expect: Expect) {
    let text = format!("{headline}\n\nDecember 18, 2014\n\n{paragraphs}\n");
    expect.assert_eq(&render(&text, &analyze(&text)));
}

#[test]
fn headline_label_quote_takes_the_lead_voice() {
    check_headline(
        "'We were robbed': Harriers fury at late decision",
        "Harriers coach Tom Ellery accused the referee of costing his side the game on Saturday.\n\n\"Everybody saw it except the one man who mattered,\" Ellery said.\n\nThe league's chief executive, Nadia Brook, said the decision would stand. \"The referee's call is final,\" she said.",
        expect![[r#"
            ⟦We were robbed⟧ - → tom-ellery (headline, from “Ellery”)
            ⟦Everybody saw it except the one ⟧ Ellery → tom-ellery (named-in-sentence, from “Ellery”)
            ⟦The referee's call is final,⟧ she → nadia-brook (pronoun, from “Nadia Brook”)
        "#]],
    );
}

#[test]
fn headline_speaker_before_a_colon_is_found_by_role() {
    check_headline(
        "Mayor: \"We will rebuild every house\"",
        "Floods destroyed 40 homes in Carrow on Tuesday.\n\nMayor Ines Harland visited the valley on Wednesday. \"No family will be left behind,\" she said.\n\nThe river agency said the defences had held elsewhere.",
        expect![[r#"
            ⟦We will rebuild every house⟧ Mayor → ines-harland (headline, from “Ines Harland”)
            ⟦No family will be left behind,⟧ she → ines-harland (pronoun, from “Ines Harland”)
        "#]],
    );
}

#[test]
fn headline_speech_verb_names_the_speaker() {
    check_headline(
        "\"It was the best day of my life,\" says Okafor after Marlow win",
        "Ada Okafor won the Marlow Open on Sunday, beating the top seed, Lena Hart, in three sets.\n\n\"I played the best tennis I could,\" Hart said.",
        expect![[r#"
            ⟦It was the best day of my life,⟧ Okafor → ada-okafor (headline, from “Ada Okafor”)
            ⟦I played the best tennis I could⟧ Hart → lena-hart (named-in-sentence, from “Hart”)
        "#]],
    );
}

#[test]
fn headline_quote_takes_the_body_speaker_of_the_same_words() {
    check_headline(
        "'The water came in like a train': Floods swamp valley",
        "\"We lost everything in the shop,\" said Owen Pryce, who runs the village store.\n\nNadia Kowal, a teacher, was woken at 2am. \"The water came in like a freight train,\" she said.",
        expect![[r#"
            ⟦The water came in like a train⟧ - → nadia-kowal (headline, from “Nadia Kowal”)
            ⟦We lost everything in the shop,⟧ Owen Pryce → owen-pryce (named-in-sentence, from “Owen Pryce”)
            ⟦The water came in like a freight⟧ she → nadia-kowal (pronoun, from “Nadia Kowal”)
        "#]],
    );
}

#[test]
fn headline_quoted_term_has_no_speaker() {
    check_headline(
        "Council approves 'garden tax' despite protests",
        "The council voted 30 to 12 for the charge on Monday.\n\n\"It is a fair charge for a real service,\" said Ann Ross, the council leader.",
        expect![[r#"
            ⟦It is a fair charge for a real s⟧ Ann Ross → ann-ross (named-in-sentence, role “the council leader”, from “Ann Ross”)
        "#]],
    );
}

#[test]
fn statement_after_a_colon_paragraph_keeps_one_speaker() {
    check(
        "Vale Coaches said it regretted the decision. In a statement, the company said:\n\n\"Route 41 has been part of our network since 1987.\n\n\"We will keep talking to the council.\"\n\nCouncillor Steven Brooke said the council had no choice.",
        expect![[r#"
            ⟦Route 41 has been part of our ne⟧ - → vale-coaches (continuation, from “Vale Coaches”)
            ⟦We will keep talking to the coun⟧ - → vale-coaches (continuation, from “Vale Coaches”)
        "#]],
    );
}

#[test]
fn shared_surname_takes_the_latest_full_name() {
    check(
        "Kevin Marsh, 58, has fished out of Tidewell for forty years. \"I've never seen the water do that,\" he said.\n\nHis daughter, Leah Marsh, runs the fish market.\n\n\"We've had offers of help from all along the coast,\" Marsh said.",
        expect![[r#"
            ⟦I've never seen the water do tha⟧ he → kevin-marsh (pronoun, from “Kevin Marsh”)
            ⟦We've had offers of help from al⟧ Marsh → leah-marsh (named-in-sentence, from “Leah Marsh”)
        "#]],
    );
}

#[test]
fn shared_surname_with_a_title_takes_the_titled_one() {
    check(
        "The fossil was described by Dr Helen Voss. It was found by Martin Voss, a quarry worker.\n\n\"Quarry workers see more rock than we do,\" Dr Voss said.",
        expect![[r#"
            ⟦Quarry workers see more rock tha⟧ Dr Voss → helen-voss (named-in-sentence, from “Helen Voss”)
        "#]],
    );
}

#[test]
fn shared_surname_the_text_does_not_tell_apart_is_unresolved() {
    check(
        "Kevin Marsh and Leah Marsh run the Tidewell fish market together.\n\n\"We've had offers of help from all along the coast,\" Marsh said.",
        expect![[r#"
            ⟦We've had offers of help from al⟧ Marsh → - (unresolved, candidates kevin-marsh / leah-marsh)
        "#]],
    );
}

#[test]
fn a_chanting_crowd_is_an_unnamed_speaker() {
    check(
        "Supporters of the mayor gathered outside the town hall. Protesters chanted \"Not one more cut\" as the council met.\n\nThe Rovers fans behind the goal sang \"We're on our way\" until the end.",
        expect![[r#"
            ⟦Not one more cut⟧ - → protesters (crowd, from “Protesters”)
            ⟦We're on our way⟧ - → rovers-fans (crowd, from “Rovers fans”)
        "#]],
    );
}

#[test]
fn a_counterpart_carries_the_role_of_the_official_before() {
    check(
        "Dravenia's foreign minister, Jakub Sedlar, met his Kestovian counterpart, Radek Moravec, on Monday.\n\nMoravec said the talks had gone well. \"Our countries are too close to be strangers,\" the minister said.\n\nSedlar described the meeting as routine. \"Nothing agreed today depends on the election,\" the minister said.",
        expect![[r#"
            ⟦Our countries are too close to b⟧ the minister → radek-moravec (role, role “minister”, from “Radek Moravec”)
            ⟦Nothing agreed today depends on ⟧ the minister → jakub-sedlar (role, role “minister”, from “Sedlar”)
        "#]],
    );
}

#[test]
fn a_spokesperson_speaks_for_the_organisation_a_which_clause_names() {
    check(
        "A spokesman for the inquiry, which was opened by the Cresthaven Data Protection Authority in March, said it was \"still at an early stage\".\n\nA spokeswoman for the mission, which was sent by the Atlantic Democracy Forum, said observers had seen no fraud. \"We are keeping an open mind,\" she said.",
        expect![[r#"
            ⟦still at an early stage⟧ - → cresthaven-data-protection-authority (nominal, role “spokesman”, from “Cresthaven Data Protection Authority”)
            ⟦We are keeping an open mind,⟧ she → atlantic-democracy-forum (nominal, role “spokeswoman”, from “Atlantic Democracy Forum”)
        "#]],
    );
}

#[test]
fn a_reply_is_the_one_asked() {
    check(
        "The lawyer, Deniz Kaya, appeared before Judge Leyla Arslan.\n\nMs Kaya told the panel that the documents had been checked by two newspapers. Ms Arslan interrupted her to ask whether those newspapers had been prosecuted. \"They were not,\" she replied.",
        expect![[r#"
            ⟦They were not,⟧ she → deniz-kaya (pronoun, from “Kaya”)
        "#]],
    );
}

#[test]
fn the_one_a_question_is_put_to_answers_it() {
    // The asker is the sentence's named subject; the quote after it, with
    // a pronoun both fit, is the answer. A request ("asked … to") is no
    // question: the asker goes on speaking.
    check(
        "Staff nurse Olwen Pryce was questioned by the family's barrister, Greta Holm.\n\nHolm asked Pryce whether she had read the notes. \"I had not. I was covering two bays,\" she said.\n\nHolm asked Pryce to read the entry aloud. \"Take your time,\" she said.",
        expect![[r#"
            ⟦I had not. I was covering two ba⟧ she → olwen-pryce (pronoun, from “Pryce”)
            ⟦Take your time,⟧ she → greta-holm (pronoun, from “Holm”)
        "#]],
    );
}

#[test]
fn a_name_inside_reported_speech_is_not_its_speaker() {
    // "Trask had been invited …, she said" after "Sorby rejected that.":
    // she is Sorby, and the quote that follows carries her on.
    check(
        "Ellen Trask, who skippers a crabber, said the board had ignored the crews. \"They did what they had always meant to do,\" Trask said.\n\nBoard chair Marian Sorby rejected that. Trask had been invited to two meetings, she said.\n\n\"The door was open,\" she said.",
        expect![[r#"
            ⟦They did what they had always me⟧ Trask → ellen-trask (named-in-sentence, from “Trask”)
            ⟦The door was open,⟧ she → marian-sorby (pronoun, from “Marian Sorby”)
        "#]],
    );
}

#[test]
fn a_colon_after_a_platform_is_the_posters() {
    // "on LinkedIn" names where, not who; the pronoun before the verb is
    // the subject, whatever adverb opens the sentence.
    check(
        "The operator's managing director, Colin Brandt, met commuter groups on Monday. Afterwards he posted on LinkedIn:\n\n\"I want to say sorry to everyone whose journey we have disrupted.\"",
        expect![[r#"
            ⟦I want to say sorry to everyone ⟧ - → colin-brandt (colon, from “Colin Brandt”)
        "#]],
    );
}

#[test]
fn signs_that_read_words_carry_an_inscription() {
    // A bare plural opens the sentence; the station named inside it is
    // where the signs hang, not a speaker.
    check(
        "Westvale Trains cancelled 400 services in a week.\n\nSigns at Westvale Central station on Tuesday read: \"Please check before you travel.\"",
        expect![[r#"
            ⟦Please check before you travel.⟧ Signs at Westvale Central → - (none)
        "#]],
    );
}

#[test]
fn a_possessives_s_is_no_role_word() {
    check(
        "The challenger, Simon Achterberg, said taxes would not rise. Achterberg's campaign said in a statement that the mayor was \"twisting his words\".",
        expect![[r#"
            ⟦twisting his words⟧ Achterberg's campaign → simon-achterberg (named-in-sentence, role “campaign”, from “Achterberg”)
        "#]],
    );
}

#[test]
fn an_unnamed_speaker_before_a_colon_is_not_the_last_one_continued() {
    check(
        "Police urged drivers to avoid the coast road. Inspector Mark Dunn said: \"Please do not drive unless you have to.\"\n\nSchools in three districts were closed. One head teacher, who asked not to be named, said: \"We simply could not guarantee that the buses would run.\"",
        expect![[r#"
            ⟦Please do not drive unless you h⟧ Inspector Mark Dunn → mark-dunn (colon, from “Mark Dunn”)
            ⟦We simply could not guarantee th⟧ - → - (none)
        "#]],
    );
}

#[test]
fn an_organisation_then_a_role_then_a_name_is_the_person() {
    check(
        "Darren Pell, 44, was jailed on Friday.\n\nA statement from the haulage firm that employed Pell, Brindle Freight, said it had \"cooperated fully\" with police.\n\n\"Our thoughts are with the family,\" said Brindle Freight managing director Keith Morrow.",
        expect![[r#"
            ⟦cooperated fully⟧ Brindle Freight → brindle-freight (named-in-sentence, from “Brindle Freight”)
            ⟦Our thoughts are with the family⟧ Brindle Freight → keith-morrow (named-in-sentence, role “managing director”, from “Keith Morrow”)
        "#]],
    );
}

#[test]
fn a_body_after_its_owners_possessive_speaks() {
    check(
        "Veltrin's Justice Ministry said the courts were independent. \"The government does not comment on individual cases,\" it said.",
        expect![[r#"
            ⟦The government does not comment ⟧ it → justice-ministry (nominal, from “Justice Ministry”)
        "#]],
    );
}

#[test]
fn the_letter_speaks_for_its_sender() {
    check(
        "Pupils at Thornlea Academy returned on Tuesday.\n\nIn a letter sent to parents in July, the school said phones would be locked away. \"This is not a punishment,\" the letter said.",
        expect![[r#"
            ⟦This is not a punishment,⟧ the letter → thornlea-academy (earlier-sentence, from “Thornlea Academy”)
        "#]],
    );
}

#[test]
fn a_carried_statement_cue_stops_at_a_person_named_between() {
    check(
        "The club's chairman, Peter Lindahl, said in a statement that the coach was safe. The statement added: \"The board has full confidence in the staff.\"\n\nAshbourne's manager, Gareth Pole, said his side had \"got lucky with the first goal\".",
        expect![[r#"
            ⟦The board has full confidence in⟧ The statement → peter-lindahl (earlier-sentence, from “Peter Lindahl”)
            ⟦got lucky with the first goal⟧ Gareth Pole → gareth-pole (named-in-sentence, from “Gareth Pole”)
        "#]],
    );
}

#[test]
fn a_title_run_of_a_musician() {
    check(
        "Guitarist Danny Whelan wrote most of the early songs.\n\nLead singer Rosalind Pryce said the tour was sold out. \"Everything was where we left it,\" the guitarist said.",
        expect![[r#"
            ⟦Everything was where we left it,⟧ - → danny-whelan (role, role “guitarist”, from “Danny Whelan”)
        "#]],
    );
}

#[test]
fn according_to_a_name_with_a_who_clause() {
    check(
        "According to Dr Ravi Menon, who chairs the programme committee, most such anomalies \"go away when someone looks harder\".",
        expect![[r#"
            ⟦go away when someone looks harde⟧ - → ravi-menon (named-in-sentence, from “Ravi Menon”)
        "#]],
    );
}

#[test]
fn the_words_of_a_promise_are_the_promisers() {
    check(
        "Official results gave President Amaya Quiroga-Lenz 53.8 percent of the vote.\n\nThe new term begins on 1 December. Quiroga-Lenz has promised to form a cabinet that includes \"at least two ministers from outside my own party\", an offer the opposition has declined.",
        expect![[r#"
            ⟦at least two ministers from outs⟧ - → amaya-quiroga-lenz (named-in-sentence, from “Quiroga-Lenz”)
        "#]],
    );
}

#[test]
fn a_crowd_right_before_the_verb_beats_the_organiser() {
    check(
        "The march, organised by the Royal Union of Nursing Staff, ended outside the hospital, where the crowd chanted \"Save our wards\". Outside, a group of strikers sang \"Solidarity Forever\" at the gates.",
        expect![[r#"
            ⟦Save our wards⟧ - → crowd (crowd, from “crowd”)
            ⟦Solidarity Forever⟧ - → - (none)
        "#]],
    );
}

#[test]
fn a_reply_after_was_asked_is_the_subjects() {
    check(
        "Lene Dahl and Brigid Moran held a press conference.\n\nDahl was asked whether she would return. \"My door is open,\" she said. Moran was asked the same question. \"So is mine,\" she replied.",
        expect![[r#"
            ⟦My door is open,⟧ she → lene-dahl (pronoun, from “Lene Dahl”)
            ⟦So is mine,⟧ she → brigid-moran (pronoun, from “Moran”)
        "#]],
    );
}

#[test]
fn a_relative_after_her_takes_the_family_name() {
    check(
        "\"We are marching for the patients,\" said Bernadette Quayle, a ward sister.\n\nHer daughter, Niamh, a student nurse, marched beside her. \"Mum told me not to go into nursing,\" she said.",
        expect![[r#"
            ⟦We are marching for the patients⟧ Bernadette Quayle → bernadette-quayle (named-in-sentence, role “a ward sister”, from “Bernadette Quayle”)
            ⟦Mum told me not to go into nursi⟧ she → niamh-quayle (pronoun, from “Niamh”)
        "#]],
    );
}

#[test]
fn a_which_clause_without_by_names_no_spokesperson_body() {
    check(
        "North Dales Hospitals Trust runs the hospital.\n\nA spokeswoman for the trust, which runs three hospitals in the Dales, said it had opened more beds. \"We have learned from what happened,\" she said.",
        expect![[r#"
            ⟦We have learned from what happen⟧ she → north-dales-hospitals-trust (nominal, role “spokeswoman”, from “North Dales Hospitals Trust”)
        "#]],
    );
}

#[test]
fn a_spokesperson_does_not_speak_for_an_owner() {
    check(
        "Crews walked out at Kelmouth Port on Tuesday.\n\nA spokesman for the port, which is owned by Harlan Holdings, said the rosters were safe. \"The rosters have been approved,\" he said.",
        expect![[r#"
            ⟦The rosters have been approved,⟧ he → kelmouth-port (nominal, role “spokesman”, from “Kelmouth Port”)
        "#]],
    );
}

#[test]
fn the_company_is_no_university() {
    let got = resolved(
        "Researchers at the University of Lowfield studied the branches of Northgate Bank. The University of Lowfield published the results on Monday.\n\n\"We welcome the study,\" the company said.",
    );
    assert_eq!(
        got,
        [(Some("northgate-bank".to_string()), Resolution::Nominal)]
    );
}

#[test]
fn a_person_named_between_stops_a_carried_speaker() {
    let got = resolved(
        "Union representative Maria Kowalczyk said workers were relieved. \"People were frightened for their jobs. Today they went home smiling,\" she said.\n\nThe local MP, Owen Price, called the decision \"a vote of confidence in the town.\"",
    );
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].0.as_deref(), Some("maria-kowalczyk"));
    assert_eq!(got[1].0.as_deref(), Some("owen-price"));
}

mod robustness {
    use parallax_core::analyze;
    use proptest::prelude::*;

    proptest! {
        /// Headlines and bodies of marks, names, surnames and speech verbs
        /// never panic, and every quote has one speaker whose mention and
        /// candidates are entities of the article.
        #[test]
        fn headline_and_shared_surnames_on_any_text(
            headline in "[A-Za-z'\"“”‘’:, ]{0,60}",
            body in prop::collection::vec(
                prop::sample::select(vec![
                    "Kevin Marsh", "Leah Marsh", "Marsh", "Dr Marsh", "said", "says", ":",
                    "\"", "'", "“", "”", "the company", "he", "she", ",", ".", "\n\n", "Mayor",
                ]),
                0..60,
            ),
        ) {
            let text = format!("{headline}\n\nMarch 4, 2024\n\n{}\n", body.join(" "));
            let a = analyze(&text);
            prop_assert_eq!(a.speakers.len(), a.quotes.len());
            for s in &a.speakers {
                for e in s.entity.iter().chain(&s.candidates) {
                    prop_assert!(*e < a.entities.len());
                }
            }
        }
    }
}

#[test]
fn a_club_name_before_its_manager_is_no_person() {
    // A club called by its first word opens the sentence, but the person
    // after the role word is its subject: the "She" that follows is hers,
    // and the club does not become a person.
    check(
        "Two goals from Jonas Keller took Rotherby Athletic into the Northern Cup final with a 2-1 win over Castlebridge on Saturday.\n\n\
         Rotherby manager Claire Dunning said her side had \"earned every minute\" of the win. \
         She confirmed that defender Luis Ortega would miss the final with a hamstring injury.",
        expect![[r#"
            ⟦earned every minute⟧ Rotherby manager Claire Dunning → claire-dunning (named-in-sentence, role “manager”, from “Claire Dunning”)
        "#]],
    );
}

#[test]
fn an_age_used_as_a_noun_is_a_speaker() {
    // "the 29-year-old" after a speech verb (or before one) is the speaker
    // as written, read like "the striker".
    check(
        "Jonas Keller scored twice on Saturday.\n\n\
         \"I have waited my whole career for a final,\" said the 29-year-old, who joined from Hamburg last summer.\n\n\
         \"The fans deserved this,\" the 29-year-old told reporters.",
        expect![[r#"
            ⟦I have waited my whole career fo⟧ the 29-year-old → jonas-keller (role, role “29-year-old”, from “Jonas Keller”)
            ⟦The fans deserved this,⟧ the 29-year-old → jonas-keller (role, role “29-year-old”, from “Jonas Keller”)
        "#]],
    );
}

#[test]
fn words_someone_is_accused_of_are_the_accusers() {
    // "<Name> accused <someone> of "…"": the quoted words are the
    // accuser's, as with "called it "…"" or "branded it "…"".
    check(
        "Castlebridge manager Peter Ashworth accused the referee of \"ruining a great game\" after his side lost on Saturday.",
        expect![[r#"
            ⟦ruining a great game⟧ Castlebridge manager Peter Ashworth → peter-ashworth (named-in-sentence, role “manager”, from “Peter Ashworth”)
        "#]],
    );
}

/// A question-and-answer write-up: unquoted questions in the writer's
/// voice, each followed by a paragraph that opens with the answer's
/// quote. The answers are the interviewee's, even after another
/// person's quote in between.
#[test]
fn interview_answers_after_unquoted_questions() {
    check(
        "On Saturday its owner, Marco Castellane, will cook his last service. He sat down with us on Tuesday.\n\nWhy close now?\n\n\"Because I'm tired of it, and my knees are older than I am.\"\n\nThe critic Joanna Pell said the city was losing \"a room with a soul\".\n\nWhat comes next?\n\n\"Sleep. Then, maybe, a cookbook.\"\n\nAnd the last night?\n\n\"I'll cook the same menu as the first night,\" he said.",
        expect![[r#"
            ⟦Because I'm tired of it, and my ⟧ - → marco-castellane (earlier-sentence, from “Marco Castellane”)
            ⟦a room with a soul⟧ Joanna Pell → joanna-pell (named-in-sentence, from “Joanna Pell”)
            ⟦Sleep. Then, maybe, a cookbook.⟧ - → marco-castellane (continuation, from “Marco Castellane”)
            ⟦I'll cook the same menu as the f⟧ he → marco-castellane (pronoun, from “Marco Castellane”)
        "#]],
    );
}

/// A sentence interrupted by its attribution: the second half, however
/// short and lowercase, is the same speaker's words, not a quoted term.
#[test]
fn interrupted_sentence_second_half_is_the_same_speaker() {
    check(
        "Gary Preston, asked whether his side could now push for the play-offs, was having none of it. \"Ask me,\" he said, \"in April.\"",
        expect![[r#"
            ⟦Ask me,⟧ he → gary-preston (pronoun, from “Gary Preston”)
            ⟦in April.⟧ he → gary-preston (continuation, from “Gary Preston”)
        "#]],
    );
}

/// "A coastguard spokeswoman" opening its sentence: the capitalised
/// article is no hint, the noun after it names the organisation (here
/// one named only in a possessive), not the one that spoke last.
#[test]
fn spokesperson_modifier_after_capitalised_article() {
    check(
        "Fenmoor Fire and Rescue Service said 60 firefighters were at the scene, helped by HM Coastguard's helicopter.\n\nA coastguard spokeswoman said: \"The helicopter crew could see the flames from eight miles away.\"",
        expect![[r#"
            ⟦The helicopter crew could see th⟧ A coastguard spokeswoman → hm-coastguard (nominal, role “spokeswoman”, from “HM Coastguard”)
        "#]],
    );
}

/// A lighthouse named "<Name> Light" (or "<Name> Lighthouse", "<Name>
/// Pier") is a place, not a second person for a "she" to stumble on.
#[test]
fn named_lighthouse_is_no_person() {
    let text = "The last keeper of Skerrow Light\n\nDecember 18, 2014\n\nEvery morning at six, Winifred Tullis climbs the 94 steps of Skerrow Light, though the lamp at the top has been automatic since 1998 and nobody has paid her to climb them for almost three decades.\n\n\"Habit,\" she says, standing on the gallery with the wind flattening her hair against her face.\n\nTullis is 79. She came to Skerrow, a rock of eleven acres a mile off the Caithmore coast, in 1969 as the wife of an assistant keeper, and stayed when the lighthouse service left. Her husband, Alec, died in 2011. The Northern Lights Trust, which owns the tower, lets her live in the keepers' cottage for a peppercorn rent.\n";
    expect![[r#"
        ⟦Habit,⟧ she → winifred-tullis (pronoun, from “Winifred Tullis”)
    "#]]
    .assert_eq(&render(text, &analyze(text)));
}

/// A role in apposition before a titled name ("the Speaker, Dame
/// Frances Okon,"): the title between the comma and the name does not
/// hide the role, so "the Speaker said" is her.
#[test]
fn role_in_apposition_before_a_titled_name() {
    check(
        "The exchanges grew heated, and the Speaker, Dame Frances Okon, twice called members to order. \"Order. The honourable lady will have her turn,\" the Speaker said.",
        expect![[r#"
            ⟦Order. The honourable lady will ⟧ the Speaker → frances-okon (role, role “Speaker”, from “Frances Okon”)
        "#]],
    );
}

/// A live blog's entry opens with its time: "11:02 A sign … reads: "…""
/// is still a sign's words, no continuation of the last speaker.
#[test]
fn sign_after_a_live_blog_timestamp() {
    check(
        "10:45 One of those waiting, Lorna Fitch, a nurse, said: \"I left an hour early and I'm still going to be late.\"\n\n11:02 A sign taped to the shelter at the bus stop reads: \"No more buses from this stop. Use Station Road.\"",
        expect![[r#"
            ⟦I left an hour early and I'm sti⟧ Lorna Fitch → lorna-fitch (named-in-sentence, role “a nurse”, from “Lorna Fitch”)
            ⟦No more buses from this stop. Us⟧ - → - (none)
        "#]],
    );
}

#[test]
fn a_team_called_by_its_last_word_is_no_speaker_before_its_manager() {
    // "Rovers" is used alone as a possessive and opening a sentence, the
    // way a surname is; before "manager Gary Preston" it is his club.
    check(
        "Redmarsh Rovers drew 2-2 with Calloway Town on Saturday, and Rovers' substitute Jamie Cole scored.\n\n\
         \"We were only two down,\" Rovers manager Gary Preston said.\n\n\
         Rovers travel to Ashby on Tuesday night.",
        expect![[r#"
            ⟦We were only two down,⟧ Rovers manager Gary Preston → gary-preston (named-in-sentence, role “manager”, from “Gary Preston”)
        "#]],
    );
}

#[test]
fn headline_label_with_a_dash_or_a_verb_without_comma() {
    check_headline(
        "'Not one more pound' – union chief vows to fight pension cuts",
        "Carla Noakes, general secretary of the Distribution Workers Union, spoke at a rally on Tuesday. \"Not one more pound comes out of our members' pensions,\" she said.",
        expect![[r#"
            ⟦Not one more pound⟧ union chief → carla-noakes (headline, from “Carla Noakes”)
            ⟦Not one more pound comes out of ⟧ she → carla-noakes (pronoun, from “Carla Noakes”)
        "#]],
    );
    check_headline(
        "'I thought we were all going to die' says survivor of bus crash",
        "Leonie Haskett, 44, was sitting near the front. \"I thought we were all going to die,\" she said.",
        expect![[r#"
            ⟦I thought we were all going to d⟧ survivor → leonie-haskett (headline, from “Leonie Haskett”)
            ⟦I thought we were all going to d⟧ she → leonie-haskett (pronoun, from “Leonie Haskett”)
        "#]],
    );
    check_headline(
        "Survivor says 'I thought we were all going to die' after bus crash",
        "Leonie Haskett, 44, was sitting near the front. \"I thought we were all going to die,\" she said.",
        expect![[r#"
            ⟦I thought we were all going to d⟧ Survivor → leonie-haskett (headline, from “Leonie Haskett”)
            ⟦I thought we were all going to d⟧ she → leonie-haskett (pronoun, from “Leonie Haskett”)
        "#]],
    );
}

#[test]
fn nested_quote_subject_in_the_speakers_own_words() {
    check(
        "Declan Quilty, 34, died in March. His widow, Siobhan Quilty, said her husband had complained for days. \"He came home and said, 'That scaffold is going to kill somebody.' Nobody listened,\" she said.\n\nThe ferry's skipper, Ewan Rusk, said he had steered for the shore.\n\nMoira Selkirk was on board with her husband. \"The skipper came on the tannoy and said, 'Everyone stay calm.' He sounded in control,\" she said.\n\nProsecutor Alison Wren addressed the jury. \"Mr Lusk will tell you that Gavin Stott looked up and said, 'It will do for another week,'\" she said.\n\nHe pointed to a board by the gate. \"He showed us the sign that said 'Hard hats must be worn' and walked off,\" Selkirk said.",
        expect![[r#"
            ⟦He came home and said, 'That sca⟧ she → siobhan-quilty (pronoun, from “Siobhan Quilty”)
            ⟦That scaffold is going to kill s⟧ He → declan-quilty (pronoun, from “Declan Quilty”)
            ⟦The skipper came on the tannoy a⟧ she → moira-selkirk (pronoun, from “Moira Selkirk”)
            ⟦Everyone stay calm.⟧ - → ewan-rusk (role, from “Ewan Rusk”)
            ⟦Mr Lusk will tell you that Gavin⟧ - → alison-wren (earlier-sentence, from “Alison Wren”)
            ⟦It will do for another week,⟧ - → gavin-stott (named-in-sentence, from “Gavin Stott”)
            ⟦He showed us the sign that said ⟧ Selkirk → moira-selkirk (named-in-sentence, from “Selkirk”)
            ⟦Hard hats must be worn⟧ - → - (none)
        "#]],
    );
}

#[test]
fn same_gender_pronoun_after_a_role_noun_or_a_question() {
    check(
        "Judge Oliver Pennant adjourned the case. Treadwell's barrister, Richard Faulds, asked for bail. The judge granted the request. \"You should prepare yourself for a custodial sentence,\" he told Treadwell.\n\nThe chair, Fiona Lennard, asked Deborah Ainsworth whether fees had risen. She said they had had no choice. \"Wages are 70 per cent of our costs,\" she said.",
        expect![[r#"
            ⟦You should prepare yourself for ⟧ he → oliver-pennant (pronoun, from “Oliver Pennant”)
            ⟦Wages are 70 per cent of our cos⟧ she → deborah-ainsworth (pronoun, from “Deborah Ainsworth”)
        "#]],
    );
}

#[test]
fn organisation_named_only_in_the_headline() {
    let text = "Brindle Foods recalls 12,000 jars of pesto\n\nDecember 18, 2014\n\nThe company said on Monday that a batch had been sealed badly at its plant in Orrick. \"We are sorry for the worry this has caused,\" it said.\n\nThe Food Safety Agency, the national regulator, said it had asked for the recall. \"Shoppers should return the jars,\" the regulator said.\n\nAsked when the plant would reopen, the company said: \"Not before the checks are done.\"\n";
    expect![[r#"
        ⟦We are sorry for the worry this ⟧ it → brindle-foods (nominal, from “Brindle Foods”)
        ⟦Shoppers should return the jars,⟧ the regulator → food-safety-agency (nominal, from “Food Safety Agency”)
        ⟦Not before the checks are done.⟧ the company → brindle-foods (nominal, from “Brindle Foods”)
    "#]].assert_eq(&render(text, &analyze(text)));
}

#[test]
fn a_kind_of_organisation_never_another_kind() {
    check(
        "Skyhaven Air cabin crew will strike, the Flight Staff Union said. \"Our members have had enough,\" said its officer, Dana Kell.\n\nThe airline said it was \"deeply disappointed\". \"We made a fair offer,\" it said.\n\nMillbrook Rovers were fined on Tuesday by the Southern Rugby League. \"Rules are rules,\" the league said. \"We accept the fine,\" the club said.",
        expect![[r#"
            ⟦Our members have had enough,⟧ its officer → dana-kell (apposition, from “Dana Kell”)
            ⟦deeply disappointed⟧ The airline → skyhaven-air (nominal, from “Skyhaven Air”)
            ⟦We made a fair offer,⟧ it → skyhaven-air (nominal, from “Skyhaven Air”)
            ⟦Rules are rules,⟧ the league → southern-rugby-league (nominal, from “Southern Rugby League”)
            ⟦We accept the fine,⟧ the club → millbrook-rovers (nominal, from “Millbrook Rovers”)
        "#]],
    );
}

#[test]
fn nominal_subject_names_the_organisation_for_a_later_noun() {
    check(
        "Tollmere City Council said it was worried. \"We want answers,\" the council said.\n\nThe ministry said: \"The Rail Inspection Board will report in a week.\"\n\nThe inspection board said its staff had begun work. \"We will find the cause,\" the regulator said.",
        expect![[r#"
            ⟦We want answers,⟧ the council → tollmere-city-council (nominal, from “Tollmere City Council”)
            ⟦The Rail Inspection Board will r⟧ The ministry → - (none)
            ⟦We will find the cause,⟧ the regulator → rail-inspection-board (nominal, from “Rail Inspection Board”)
        "#]],
    );
}

#[test]
fn an_organisation_after_a_preposition_only_when_no_other() {
    check(
        "Pelton Airways said it would run most flights. \"We are doing all we can,\" it said.\n\nAbout 200 flights from Dunhollow Airport will be hit. Its director, Amos Reed, said the halls would be quiet.\n\nThe company said passengers \"would be offered refunds\".",
        expect![[r#"
            ⟦We are doing all we can,⟧ it → pelton-airways (nominal, from “Pelton Airways”)
            ⟦would be offered refunds⟧ The company → pelton-airways (nominal, from “Pelton Airways”)
        "#]],
    );
}

#[test]
fn the_company_is_no_union() {
    check(
        "Cabin crew at Skyhaven Air will strike. The Aircrew and Travel Union said its members had voted for action. \"Enough is enough,\" it said.\n\nThe company said it was \"ready to talk\".",
        expect![[r#"
            ⟦Enough is enough,⟧ it → aircrew-and-travel-union (nominal, from “Aircrew and Travel Union”)
            ⟦ready to talk⟧ The company → skyhaven-air (nominal, from “Skyhaven Air”)
        "#]],
    );
}

#[test]
fn a_story_that_knows_a_name_for_a_person_resolves_the_articles_pronouns_again() {
    // Alone, the first article cannot tell that the lone word "Halvik" is
    // a person (it guesses an organisation), so "he" looks further back
    // and finds the only man it knows. The second article names him in
    // full: with the story's kinds, "he" is the one who spoke just before.
    let first = story(
        "Rider Tomas Halvic won on Wednesday.\n\n\
         He is now 12 seconds behind the race leader, Piet Dremmel.\n\n\
         \"Twelve seconds is nothing,\" Halvik said.\n\n\
         \"I did it for my grandfather,\" he said.",
    );
    let second = story("Tomas Halvik won the seventh stage on Wednesday.");
    let alone = analyze(&first);
    assert_eq!(alone.speaker_key(1), Some("piet-dremmel"));
    let both = parallax_core::extract::analyze_story(&[&first, &second]);
    assert_eq!(both[0].speaker_key(0), both[0].speaker_key(1));
    // One key for "Halvic" and "Halvik" (one letter apart): either spelling.
    assert!(
        matches!(
            both[0].speaker_key(1),
            Some("tomas-halvik" | "tomas-halvic")
        ),
        "{:?}",
        both[0].speaker_key(1)
    );
}

#[test]
fn he_or_she_takes_a_guessed_name_that_reads_like_a_persons() {
    // "Aksel Brinn" has a given name the lists do not know, so the entity
    // stage guessed an organisation; "he" in its paragraph is that name
    // (an organisation is never "he"). A name with an organisation word
    // is not taken.
    check(
        "Senior forecaster Aksel Brinn said the gusts were the strongest in a decade. \"It was exceptional,\" he said.\n\nBrinn Holdings said its offices were shut. \"We will reopen on Monday,\" he said.",
        expect![[r#"
            ⟦It was exceptional,⟧ he → aksel-brinn (pronoun, from “Aksel Brinn”)
            ⟦We will reopen on Monday,⟧ he → - (none)
        "#]],
    );
}

#[test]
fn a_role_noun_the_text_gives_a_person_is_that_persons() {
    // "forecaster" and "adviser" are in no list of roles a speaker stage
    // knows, but the text gives them to a person before ("Senior forecaster
    // Tom Hale"): "the forecaster" is Hale, as "the judge" is the judge.
    check(
        "Senior forecaster Tom Hale of the Weather Agency said temperatures could fall to minus eight.\n\nChief Constable Mara Quill said officers would patrol the town centre.\n\nThe forecaster warned: \"This is the worst ice in a decade.\"\n\n\"Stay at home if you can,\" the forecaster added.",
        expect![[r#"
            ⟦This is the worst ice in a decad⟧ - → tom-hale (role, role “forecaster”, from “Tom Hale”)
            ⟦Stay at home if you can,⟧ - → tom-hale (role, role “forecaster”, from “Tom Hale”)
        "#]],
    );
}

#[test]
fn a_quoted_phrase_in_what_a_role_noun_said_is_that_persons() {
    // "The chief constable said the roads were "lethal"": the subject of
    // the sentence, "the" and a person's role, with a speech verb of its
    // own before the quote, gives the quoted words, as "The force said …"
    // gives them to the force; a relative clause after it is passed over.
    check(
        "Chief Constable Mara Quill said officers would patrol the town centre.\n\nNight-time economy adviser Owen Pryce welcomed the move.\n\nThe chief constable, who has led the force since 2022, said the roads were \"lethal\" at night.\n\nThe adviser said the arches were \"a sensible first step\" but not enough.",
        expect![[r#"
            ⟦lethal⟧ - → mara-quill (role, role “chief constable”, from “Mara Quill”)
            ⟦a sensible first step⟧ - → owen-pryce (role, role “adviser”, from “Owen Pryce”)
        "#]],
    );
}

#[test]
fn a_council_no_organisation_of_the_text_is_speaks_for_nobody_named() {
    // "The local council" is no festival: a body news names by its kind
    // ("Harwell District Council") takes only an organisation named as an
    // institution, else no one; and its statement, quoted after, is not
    // the statement an organisation issued before.
    check(
        "The Saltry Sound festival has been cancelled after storms wrecked its main stage.\n\nOrganisers Saltry Events Ltd posted a statement on the festival's website.\n\nThe local council said in a statement that it had offered help with the clean-up. \"We know how much the festival means to the town,\" the statement said.\n\n\"It is a blow,\" the council said.",
        expect![[r#"
            ⟦We know how much the festival me⟧ the statement → - (none)
            ⟦It is a blow,⟧ the council → - (none)
        "#]],
    );
}

#[test]
fn an_organisation_noun_subject_ends_at_its_noun() {
    // "The force appealed …, and said it was "…"": the subject is "the
    // force", not a phrase running on to the verb.
    check(
        "Brennock Constabulary said a stolen van had been seen near six of the properties. The force appealed for dashcam footage, and said it was \"pursuing several lines of inquiry\".",
        expect![[r#"
            ⟦pursuing several lines of inquir⟧ - → brennock-constabulary (nominal, from “Brennock Constabulary”)
        "#]],
    );
}

#[test]
fn a_quoted_expression_glossed_as_a_term_is_no_ones_words() {
    check(
        "The finance director, Ruth Amley, wrote to staff on Monday. She also wrote that the bank would stop selling \"sleeper\" accounts, the term staff use for accounts nobody has touched in years.",
        expect![[r#"
            ⟦sleeper⟧ She → - (none)
        "#]],
    );
}

#[test]
fn a_speaker_in_apposition_after_the_quote_is_named() {
    check(
        "The trust runs six hospitals.\n\n\"We have never had a winter like this one,\" the chief executive of the Mardale Trust, Ines Varga, said on Monday.",
        expect![[r#"
            ⟦We have never had a winter like ⟧ Ines Varga → ines-varga (named-in-sentence, from “Ines Varga”)
        "#]],
    );
}

#[test]
fn residents_chanting_are_a_crowd() {
    check(
        "The council voted to close the pool. Residents in the public gallery chanted \"Save our pool\" as the vote was read out.",
        expect![[r#"
            ⟦Save our pool⟧ - → residents (crowd, from “Residents”)
        "#]],
    );
}

#[test]
fn it_and_a_remark_about_a_paper_after_reading_it() {
    check(
        "Tarnwell Chemicals, which makes the pellets, said the study was flawed.\n\nIt said it would read the paper \"with great interest\".",
        expect![[r#"
            ⟦with great interest⟧ It → tarnwell-chemicals (nominal, from “Tarnwell Chemicals”)
        "#]],
    );
}

#[test]
fn the_operator_is_the_one_a_thing_is_operated_by() {
    check(
        "The MV Corrie Star, operated by Carrow Island Lines, hit the Kelp Bank in fog on Thursday.\n\nIn a statement, the operator said:\n\n\"We are working with investigators to find out what happened.\"",
        expect![[r#"
            ⟦We are working with investigator⟧ - → carrow-island-lines (continuation, from “Carrow Island Lines”)
        "#]],
    );
}

#[test]
fn two_people_as_one_subject_are_neither_alone() {
    check(
        "Tomas Weir accused the minister, Karl Brandt, of hiding the figures. Brandt said the figures would be published in May. Weir and Brandt were once friends. \"I will not be lectured on honesty,\" he said.",
        expect![[r#"
            ⟦I will not be lectured on honest⟧ he → karl-brandt (pronoun, from “Brandt”)
        "#]],
    );
}

#[test]
fn a_headline_term_the_body_quotes_takes_the_body_speaker() {
    check_headline(
        "Councillors reject 'brutal' tower plan",
        "Ruth Okoro, who chairs the residents' group, called the tower \"brutal\" and said it would block the light.\n\nThe developer said it would appeal.",
        expect![[r#"
            ⟦brutal⟧ - → ruth-okoro (headline, from “Ruth Okoro”)
            ⟦brutal⟧ Ruth Okoro → ruth-okoro (named-in-sentence, from “Ruth Okoro”)
        "#]],
    );
    // A quoted term the body never quotes stays out.
    check_headline(
        "Council 'scraps' tower plan",
        "Ruth Okoro, who chairs the residents' group, said the tower would block the light.",
        expect![[r#""#]],
    );
}
