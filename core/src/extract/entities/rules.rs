//! The rules that find or re-classify a mention, in the words a reader sees
//! (each [`super::Entity`] names its rule), and which of them only guess.

// Rules, in the words a reader sees.
pub(super) const RULE_NICKNAME: &str = "nickname of a known place";
pub(super) const RULE_PLACE: &str = "known place";
pub(super) const RULE_KNOWN_ORG: &str = "known organisation";
pub(super) const RULE_KNOWN_GROUP: &str = "known group";
pub(super) const RULE_ORG_WORD: &str = "name with an organisation word (Pictures, Times, House …)";
pub(super) const RULE_PLACE_WORD: &str = "name ending in a place word (Street, Road, River …)";
pub(super) const RULE_ADMINISTRATION: &str = "administration named after its leader";
pub(super) const RULE_HONORIFIC: &str = "name after a title (Mr., President, Reporter …)";
pub(super) const RULE_ROLE: &str = "name after a role (despot, actor …)";
pub(super) const RULE_ROLE_APPOSITIVE: &str =
    "name before a role in apposition (X, the chief fire officer)";
pub(super) const RULE_ROLE_BEFORE_COMMA: &str =
    "name after a role and a comma (the race leader, X)";
pub(super) const RULE_AGE_APPOSITIVE: &str = "name before an age in apposition (X, 52, …)";
pub(super) const RULE_WHO_CLAUSE: &str = "name before a relative “who” (X, who runs …)";
pub(super) const RULE_ORG_APPOSITIVE: &str =
    "name before an organisation noun in apposition (X, the Oslo-based insurer)";
pub(super) const RULE_TITLE_CHAIN: &str =
    "name after a title of several words (Chief Fire Officer, Group Manager …)";
pub(super) const RULE_STARRING: &str = "cast list after “starring”";
pub(super) const RULE_WORK_LIST: &str = "title in a list of films or books (“… including X and Y”)";
pub(super) const RULE_ORG_LIST: &str = "name in a list of organisations (“… including X”)";
pub(super) const RULE_WORK_NOUN: &str = "title after a film or book word (the film …)";
pub(super) const RULE_PLACE_CUE: &str = "name after a place word (in, near, residents of …)";
pub(super) const RULE_NAMING_CUE: &str = "name after a group cue (calling itself …)";
pub(super) const RULE_GROUP_NOUN: &str = "name after a group word (hacker group …)";
pub(super) const RULE_THE_TITLE: &str = "title with a capitalised The";
pub(super) const RULE_GIVEN_NAME: &str = "given name and surname";
pub(super) const RULE_ACRONYM_DEFINED: &str = "acronym defined in the text";
pub(super) const RULE_EXPANSION: &str = "name defined with an acronym";
pub(super) const RULE_OWNER: &str = "owner of a named organisation or work (X’s …)";
pub(super) const RULE_EMPLOYER: &str = "employer of a named person (X’s …)";
pub(super) const RULE_GUESS_ACRONYM: &str = "acronym (guessed organisation)";
pub(super) const RULE_GUESS_INITIAL: &str =
    "sentence-initial word that recurs as a name (guessed organisation)";
pub(super) const RULE_GUESS_NAME: &str = "capitalised name (guessed organisation)";
pub(super) const RULE_GAZETTEER: &str = "a city or country of the world (guessed place)";
pub(super) const RULE_SHORT_FORM: &str = "short form of a name given in full";
pub(super) const RULE_SURNAME: &str = "surname of a person named in full";
pub(super) const RULE_ACRONYM_OF: &str = "acronym of a name given in full";
pub(super) const RULE_REPEAT: &str = "repeats a name classified elsewhere";
pub(super) const RULE_STORY_REPEAT: &str = "a name another article of the story classifies";

/// Rules that only guess the kind: any cue-based rule beats them.
pub(super) fn is_guess(rule: &str) -> bool {
    [
        RULE_GUESS_ACRONYM,
        RULE_GUESS_INITIAL,
        RULE_GUESS_NAME,
        RULE_GAZETTEER,
    ]
    .contains(&rule)
}
